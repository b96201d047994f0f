/**
 * A province's list of a programme: its own provincial entries plus the active national
 * entries of enterprises in the province. National listing implies provincial listing
 * (docs/workflow.md; Guangdong: national factories are automatically on the provincial
 * list [3P], domain.md §3.2); it is derived here, not copied into provincial batches, so a
 * national removal ends the derived listing with it.
 */
import type { Executor } from '../store.ts';

export interface ProvincialListItem {
  entryId: number;
  enterpriseId: number;
  nameZh: string;
  nameEn: string;
  cityCode: string;
  listedOn: string;
  batchSlug: string;
  /** 'provincial': an entry of the province's own list; 'national': implied by a national listing. */
  via: 'provincial' | 'national';
}

export async function provincialList(db: Executor, input: { programmeId: number; provinceCode: string; limit?: number; offset?: number }): Promise<ProvincialListItem[]> {
  const rows = await db
    .selectFrom('list_entries as e')
    .innerJoin('batches as b', 'b.id', 'e.batch_id')
    .select(['e.id as entryId', 'e.enterprise_id as enterpriseId', 'e.name_zh as nameZh', 'e.name_en as nameEn', 'e.city_code as cityCode', 'e.listed_on as listedOn', 'b.slug as batchSlug', 'e.tier as tier'])
    .where('e.programme_id', '=', input.programmeId)
    .where('e.province_code', '=', input.provinceCode)
    .where('e.tier', 'in', ['province', 'national'])
    .where('e.status', 'in', ['listed', 'renamed'])
    .orderBy('e.enterprise_id')
    .orderBy('e.tier', 'desc')
    .orderBy('e.listed_on')
    .execute();
  // One line per enterprise: its own provincial entry when it has one, else the national one.
  const byEnterprise = new Map<number, ProvincialListItem>();
  for (const row of rows) {
    if (byEnterprise.has(row.enterpriseId)) continue;
    const { tier, ...item } = row;
    byEnterprise.set(row.enterpriseId, { ...item, via: tier === 'province' ? 'provincial' : 'national' });
  }
  const items = [...byEnterprise.values()].sort((a, b) => (a.listedOn === b.listedOn ? a.entryId - b.entryId : a.listedOn < b.listedOn ? -1 : 1));
  return items.slice(input.offset ?? 0, (input.offset ?? 0) + (input.limit ?? 500));
}

/** True when the enterprise is on the province's list, by its own entry or by a national one. */
export async function isProvinciallyListed(db: Executor, input: { programmeId: number; enterpriseId: number }): Promise<boolean> {
  const row = await db
    .selectFrom('list_entries')
    .select('id')
    .where('enterprise_id', '=', input.enterpriseId)
    .where('programme_id', '=', input.programmeId)
    .where('tier', 'in', ['province', 'national'])
    .where('status', 'in', ['listed', 'renamed'])
    .executeTakeFirst();
  return row !== undefined;
}
