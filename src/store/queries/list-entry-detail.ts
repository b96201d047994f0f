/** One list entry with its batch and its change history (removals, renames, boundary changes) for the lists API. */
import type { Executor } from '../store.ts';

export async function listEntryDetail(db: Executor, entryId: number, options: { includePending: boolean }) {
  const entry = await db
    .selectFrom('list_entries as e')
    .innerJoin('batches as b', 'b.id', 'e.batch_id')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .select(['e.id as id', 'e.enterprise_id as enterpriseId', 'e.name_zh as nameZh', 'e.name_en as nameEn', 'e.tier as tier', 'e.status as status', 'e.province_code as provinceCode', 'e.city_code as cityCode', 'e.industry_code as industryCode', 'e.listed_on as listedOn', 'e.removed_on as removedOn', 'e.removal_reason as removalReason', 'e.removal_mode as removalMode', 'e.renamed_from as renamedFrom', 'e.renamed_on as renamedOn', 'e.authority_id as authorityId', 'b.slug as batchSlug', 'b.name_zh as batchNameZh', 'b.name_en as batchNameEn', 'p.code as programmeCode'])
    .where('e.id', '=', entryId)
    .executeTakeFirst();
  if (entry === undefined) return undefined;
  let changes = db
    .selectFrom('entry_changes')
    .select(['id', 'kind', 'mode', 'reason_code as reasonCode', 'reason', 'details', 'status', 'decided_at as decidedAt', 'applied_on as appliedOn', 'created_at as createdAt'])
    .where('enterprise_id', '=', entry.enterpriseId)
    .where('list_entry_id', '=', entry.id);
  if (!options.includePending) changes = changes.where('status', '=', 'applied');
  const rows = await changes.orderBy('id').execute();
  return { ...entry, changes: rows.map((c) => ({ ...c, details: JSON.parse(c.details) as Record<string, unknown> })) };
}
