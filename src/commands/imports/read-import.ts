/** One import as its sender (or an administrator) may read it: state, progress and errors. */
import type { Actor } from '../../domain/actors/actor.ts';
import { notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { findImport } from '../../store/repositories/imports.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';

export async function readImport(store: Store, actor: Actor, importId: number): Promise<Row<'imports'>> {
  const record = await findImport(store.db, importId);
  if (record === undefined) throw notFound(`import ${importId}`);
  authorize(actor, 'read', { type: 'import', id: record.id, createdBy: record.actor_user_id });
  return record;
}
