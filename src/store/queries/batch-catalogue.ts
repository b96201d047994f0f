/** Every batch with its programme, authority, pinned framework and entry counts, for the batches API. */
import { sql } from 'kysely';
import type { Executor } from '../store.ts';
import { batchQuery } from './public-lists.ts';

function batches(db: Executor) {
  return batchQuery(db).select([
    'b.framework_id as frameworkId',
    'b.recommend_deadline as recommendDeadline',
    'a.id as authorityId',
    (eb) => eb.selectFrom('list_entries as e').select(sql<number>`count(*)`.as('n')).whereRef('e.batch_id', '=', 'b.id').as('entries'),
  ]);
}


export async function listBatches(db: Executor, filter: { status?: string | undefined; tier?: string | undefined; programmeCode?: string | undefined } = {}) {
  let query = batches(db);
  if (filter.status !== undefined) query = query.where('b.status', '=', filter.status);
  if (filter.tier !== undefined) query = query.where('b.tier', '=', filter.tier as 'national');
  if (filter.programmeCode !== undefined) query = query.where('p.code', '=', filter.programmeCode);
  const rows = await query.orderBy('b.year', 'desc').orderBy('b.id', 'desc').execute();
  return rows.map((r) => ({ ...r, entries: Number(r.entries ?? 0) }));
}

/** By id (digits) or slug. */
export async function findBatch(db: Executor, idOrSlug: string) {
  const query = batches(db);
  const row = await (/^\d+$/.test(idOrSlug) ? query.where('b.id', '=', Number(idOrSlug)) : query.where('b.slug', '=', idOrSlug)).executeTakeFirst();
  return row === undefined ? undefined : { ...row, entries: Number(row.entries ?? 0) };
}
