/**
 * The public data's version: the head of the audit log. Every change writes an audit
 * event in its own transaction (the house rule), so the latest event's id changes
 * whenever anything a public page shows can have changed, and its time is the
 * Last-Modified of every page. One primary-key lookup on either database.
 *
 * Public requests ask for it many times a second, so the answer is kept for
 * VERSION_TTL_MS: a commit in this process clears it at once (Store.onCommit); a commit
 * in another process sharing the database is seen within VERSION_TTL_MS.
 */
import type { CompiledQuery } from 'kysely';
import type { Executor, Store } from '../store.ts';

export interface DataVersion {
  /** Latest audit event id; 0 for an empty database. */
  id: number;
  /** Its time (ISO), or undefined for an empty database. */
  at: string | undefined;
}

export const VERSION_TTL_MS = 200;

// Compiled once per database handle, not rebuilt on every request.
const compiled = new WeakMap<object, CompiledQuery<{ id: number; at: string }>>();
const cached = new WeakMap<object, { version: Promise<DataVersion>; readAt: number }>();
const watched = new WeakSet<object>();

export async function readDataVersion(db: Executor): Promise<DataVersion> {
  let query = compiled.get(db);
  if (query === undefined) {
    query = db.selectFrom('audit_events').select(['id', 'at']).orderBy('id', 'desc').limit(1).compile();
    compiled.set(db, query);
  }
  const row = (await db.executeQuery(query)).rows[0];
  return row === undefined ? { id: 0, at: undefined } : { id: Number(row.id), at: row.at };
}

/** The data version, from a cache no older than VERSION_TTL_MS and cleared by this process's commits. */
export async function currentDataVersion(store: Store): Promise<DataVersion> {
  if (!watched.has(store)) {
    watched.add(store);
    store.onCommit(() => cached.delete(store));
  }
  const now = Date.now();
  const hit = cached.get(store);
  if (hit !== undefined && now - hit.readAt < VERSION_TTL_MS) return hit.version;
  // The read in flight is shared: when the entry expires under load, the requests that
  // arrive together wait for one query instead of taking a pool connection each.
  const version = readDataVersion(store.db);
  const entry = { version, readAt: now };
  cached.set(store, entry);
  version.catch(() => {
    if (cached.get(store) === entry) cached.delete(store);
  });
  return version;
}
