/**
 * The public data's version: the head of the audit log. Every change writes an audit
 * event in its own transaction (the house rule), so the latest event's id changes
 * whenever anything a public page shows can have changed, and its time is the
 * Last-Modified of every page. One primary-key lookup on either database.
 */
import type { CompiledQuery } from 'kysely';
import type { Executor } from '../store.ts';

export interface DataVersion {
  /** Latest audit event id; 0 for an empty database. */
  id: number;
  /** Its time (ISO), or undefined for an empty database. */
  at: string | undefined;
}

// Asked on every public request: compiled once per database handle, not rebuilt each time.
const compiled = new WeakMap<object, CompiledQuery<{ id: number; at: string }>>();

export async function readDataVersion(db: Executor): Promise<DataVersion> {
  let query = compiled.get(db);
  if (query === undefined) {
    query = db.selectFrom('audit_events').select(['id', 'at']).orderBy('id', 'desc').limit(1).compile();
    compiled.set(db, query);
  }
  const row = (await db.executeQuery(query)).rows[0];
  return row === undefined ? { id: 0, at: undefined } : { id: Number(row.id), at: row.at };
}
