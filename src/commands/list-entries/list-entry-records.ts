/** Loading a list entry for the dynamic-management commands, and notifying its authority. */
import type { Actor } from '../../domain/actors/actor.ts';
import { notFound } from '../../domain/errors.ts';
import { authorize, type Subject } from '../../policies/index.ts';
import { enqueueJob } from '../../store/repositories/jobs.ts';
import type { Row } from '../../store/schema.ts';
import type { Executor, Store } from '../../store/store.ts';

export type ListEntryRow = Row<'list_entries'>;

export const AUTHORITY_NOTIFY_JOB = 'authority.notify';

export function listEntrySubject(entry: ListEntryRow): Subject {
  return { type: 'list-entry', id: entry.id, enterpriseId: entry.enterprise_id, authorityId: entry.authority_id, provinceCode: entry.province_code, cityCode: entry.city_code };
}

export async function loadListEntry(trx: Executor, store: Store, actor: Actor, entryId: number, action: string): Promise<ListEntryRow> {
  const entry = await store.capabilities.forUpdate(trx.selectFrom('list_entries').selectAll().where('id', '=', entryId)).executeTakeFirst();
  if (entry === undefined) throw notFound(`list entry ${entryId}`);
  authorize(actor, action, listEntrySubject(entry));
  return entry;
}

/** Queues a notice to the authority (delivered by the job runner; outbox in the caller's transaction). */
export async function notifyAuthority(db: Executor, input: { authorityId: number; subject: string; entryId: number; enterpriseId: number; message: string }): Promise<void> {
  await enqueueJob(db, { kind: AUTHORITY_NOTIFY_JOB, payload: input, uniqueKey: `${AUTHORITY_NOTIFY_JOB}:${input.subject}:${input.entryId}` });
}
