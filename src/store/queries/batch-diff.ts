/**
 * A batch's changes to the list before it (each list notice carries new entries,
 * removals and renames; domain.md §8): the entries it added, and the entries of the same
 * programme, tier and authority that were removed or renamed on its publication day.
 */
import type { Executor } from '../store.ts';

export interface DiffEntry {
  entryId: number;
  enterpriseId: number;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
  cityCode: string;
  industryCode: string;
  batchSlug: string;
  batchNameZh: string;
  batchNameEn: string;
}

export interface BatchDiff {
  batchId: number;
  publishedOn: string | null;
  added: DiffEntry[];
  removed: (DiffEntry & { reason: string; mode: string; removedOn: string })[];
  renamed: (DiffEntry & { from: string; renamedOn: string })[];
}

function entries(db: Executor) {
  return db
    .selectFrom('list_entries as e')
    .innerJoin('batches as b', 'b.id', 'e.batch_id')
    .select([
      'e.id as entryId',
      'e.enterprise_id as enterpriseId',
      'e.name_zh as nameZh',
      'e.name_en as nameEn',
      'e.province_code as provinceCode',
      'e.city_code as cityCode',
      'e.industry_code as industryCode',
      'b.slug as batchSlug',
      'b.name_zh as batchNameZh',
      'b.name_en as batchNameEn',
      'e.removal_reason',
      'e.removal_mode',
      'e.removed_on',
      'e.renamed_from',
      'e.renamed_on',
    ])
    .orderBy('e.id');
}

export async function batchDiff(db: Executor, batchId: number): Promise<BatchDiff | undefined> {
  const batch = await db.selectFrom('batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (batch === undefined) return undefined;
  const added = await entries(db).where('e.batch_id', '=', batchId).execute();
  const scope = entries(db).where('e.programme_id', '=', batch.programme_id).where('e.tier', '=', batch.tier).where('e.authority_id', '=', batch.authority_id);
  const publishedOn = batch.published_on;
  const removed = publishedOn === null ? [] : await scope.where('e.status', '=', 'removed').where('e.removed_on', '=', publishedOn).execute();
  const renamed = publishedOn === null ? [] : await scope.where('e.renamed_on', '=', publishedOn).execute();
  const strip = ({ removal_reason: _r, removal_mode: _m, removed_on: _o, renamed_from: _f, renamed_on: _n, ...rest }: (typeof added)[number]) => rest;
  return {
    batchId,
    publishedOn,
    added: added.map(strip),
    removed: removed.map((e) => ({ ...strip(e), reason: e.removal_reason ?? '', mode: e.removal_mode ?? '', removedOn: e.removed_on! })),
    renamed: renamed.map((e) => ({ ...strip(e), from: e.renamed_from ?? '', renamedOn: e.renamed_on! })),
  };
}
