/** Single-row lookups the faces need to route a request (ids by code, a row by id). */
import { sql } from 'kysely';
import type { Executor } from '../store.ts';

export function findProgrammeByCode(db: Executor, code: string) {
  return db.selectFrom('programmes').select(['id', 'code', 'name_zh', 'name_en']).where('code', '=', code).executeTakeFirst();
}

export function findBatchById(db: Executor, id: number) {
  return db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findNoticeById(db: Executor, id: number) {
  return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAuthorityById(db: Executor, id: number) {
  return db.selectFrom('authorities').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listAuthorityRows(db: Executor) {
  return db.selectFrom('authorities').selectAll().orderBy('id').execute();
}

/** The authority of a province (its region code ends in 0000), if one is registered. */
export async function findProvinceAuthorityId(db: Executor, regionCode: string): Promise<number | undefined> {
  return (await db.selectFrom('authorities').select('id').where('region_code', '=', `${regionCode.slice(0, 2)}0000`).executeTakeFirst())?.id;
}

export async function findNationalAuthorityId(db: Executor): Promise<number | undefined> {
  return (await db.selectFrom('authorities').select('id').where('level', '=', 'national').orderBy('id').executeTakeFirst())?.id;
}

export function listFrameworkPins(db: Executor) {
  return db.selectFrom('frameworks').select(['id', 'pinned_at']).execute();
}

export function findListEntryById(db: Executor, id: number) {
  return db.selectFrom('list_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Open notices whose last day is before `today`: due to close. */
export async function listNoticesDueToClose(db: Executor, today: string): Promise<number[]> {
  return (await db.selectFrom('notices').select('id').where('status', '=', 'open').where('closes_on', '<', today).orderBy('id').execute()).map((n) => n.id);
}

/** A round trip to the database, for liveness checks. */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
