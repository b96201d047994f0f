/** The programme in figures for the home page's charts: current entries per province and per industry division. */
import { sql } from 'kysely';
import type { Executor } from '../store.ts';
import { CURRENT_LIST_PREDICATE } from './public-lists.ts';

export interface CountRow {
  code: string;
  count: number;
}

export async function listedPerProvince(db: Executor): Promise<CountRow[]> {
  const rows = await db
    .selectFrom('list_entries as e')
    .select(['e.province_code as code', sql<number>`count(*)`.as('count')])
    .where(CURRENT_LIST_PREDICATE)
    .groupBy('e.province_code')
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.count) })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** Per GB/T 4754 division (the first two digits of the class). */
export async function listedPerIndustryDivision(db: Executor): Promise<CountRow[]> {
  const division = sql<string>`substr(e.industry_code, 1, 2)`;
  const rows = await db
    .selectFrom('list_entries as e')
    .select([division.as('code'), sql<number>`count(*)`.as('count')])
    .where(CURRENT_LIST_PREDICATE)
    .groupBy(division)
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.count) })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
