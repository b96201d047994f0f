/**
 * Numbers behind the dashboard's second chart and the reviewers' overview: the month's
 * highest monitored value as a percentage of its upper limit per outlet and pollutant
 * (limits with only an upper bound),
 * and the registers of the enterprises in a reviewer's region.
 */
import { sql } from 'kysely';
import type { Executor } from '../../store.ts';

export interface MarginSeries {
  outletCode: string;
  pollutantName: string;
  /** Aligned with the months asked for; null where nothing was monitored. */
  percentOfLimit: (number | null)[];
}

export async function emissionMargins(db: Executor, enterpriseId: number, months: readonly string[]): Promise<MarginSeries[]> {
  if (months.length === 0) return [];
  const rows = await db
    .selectFrom('ehs_monitoring_results as m')
    .innerJoin('ehs_permit_limits as l', (join) => join.onRef('l.enterprise_id', '=', 'm.enterprise_id').onRef('l.id', '=', 'm.permit_limit_id'))
    .select(['l.outlet_code', 'l.pollutant_name'])
    .select(sql<string>`substr(m.sampled_on, 1, 7)`.as('month'))
    .select(sql<number>`max(m.value / m.limit_max)`.as('ratio'))
    .where('m.enterprise_id', '=', enterpriseId)
    .where('m.limit_max', '>', 0)
    // A range (pH 6–9) has no margin to speak of as a share of its upper bound.
    .where('m.limit_min', 'is', null)
    .where('m.sampled_on', '>=', `${months[0]}-01`)
    .where('m.sampled_on', '<=', `${months.at(-1)}-31`)
    .groupBy(['l.outlet_code', 'l.pollutant_name', sql`substr(m.sampled_on, 1, 7)`])
    .orderBy('l.outlet_code')
    .orderBy('l.pollutant_name')
    .execute();
  const series = new Map<string, MarginSeries>();
  for (const row of rows) {
    const key = `${row.outlet_code}|${row.pollutant_name}`;
    const entry = series.get(key) ?? { outletCode: row.outlet_code, pollutantName: row.pollutant_name, percentOfLimit: months.map(() => null) };
    const index = months.indexOf(row.month);
    if (index >= 0) entry.percentOfLimit[index] = Math.round(Number(row.ratio) * 1000) / 10;
    series.set(key, entry);
  }
  return [...series.values()];
}

export interface RegionRegisterRow {
  enterpriseId: number;
  nameZh: string;
  nameEn: string;
  cityCode: string;
  openItems: number;
  lastEventOn: string | null;
  negativeListUntil: string | null;
}

/** Enterprises with a register in the region (province or city code prefix; null = nationwide), open items first. */
export async function registersInRegion(db: Executor, region: { provinceCode?: string; cityCode?: string }, today: string, limit = 200): Promise<RegionRegisterRow[]> {
  let query = db
    .selectFrom('enterprises as e')
    .innerJoin('ehs_events as v', 'v.enterprise_id', 'e.id')
    .select(['e.id', 'e.name_zh', 'e.name_en', 'e.city_code'])
    .select((eb) => [
      eb.fn.sum<number>(sql`case when v.status = 'open' then 1 else 0 end`).as('open_items'),
      eb.fn.max('v.occurred_on').as('last_on'),
      eb.fn.max(sql<string | null>`case when v.negative_list_until >= ${today} then v.negative_list_until end`).as('listed_until'),
    ])
    .groupBy(['e.id', 'e.name_zh', 'e.name_en', 'e.city_code']);
  if (region.provinceCode) query = query.where('e.province_code', '=', region.provinceCode);
  if (region.cityCode) query = query.where('e.city_code', '=', region.cityCode);
  const rows = await query.orderBy('open_items', 'desc').orderBy('e.id').limit(limit).execute();
  return rows.map((r) => ({ enterpriseId: r.id, nameZh: r.name_zh, nameEn: r.name_en, cityCode: r.city_code, openItems: Number(r.open_items ?? 0), lastEventOn: (r.last_on as string | null) ?? null, negativeListUntil: (r.listed_until as string | null) ?? null }));
}
