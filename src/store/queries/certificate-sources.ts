/** What a certificate is made from: the batch with its programme, authority and framework, and its entries. */
import { AppError } from '../../domain/errors.ts';
import type { Capabilities } from '../kysely/capabilities.ts';
import type { Executor } from '../store.ts';

export async function loadBatchForCertificates(db: Executor, batchId: number) {
  const batch = await db
    .selectFrom('batches as b')
    .innerJoin('programmes as p', 'p.id', 'b.programme_id')
    .leftJoin('frameworks as f', 'f.id', 'b.framework_id')
    .select(['b.id', 'b.slug', 'b.name_zh', 'b.name_en', 'b.year', 'b.tier', 'b.notice_number', 'b.status', 'b.published_on', 'b.authority_id', 'p.code as programme_code', 'p.name_zh as programme_name_zh', 'p.name_en as programme_name_en', 'f.id as framework_id', 'f.version as framework_version'])
    .where('b.id', '=', batchId)
    .executeTakeFirst();
  if (batch === undefined) throw new AppError('NOT_FOUND', `batch ${batchId} not found / 未找到该批次`);
  return batch;
}

export type BatchForCertificates = Awaited<ReturnType<typeof loadBatchForCertificates>>;

/** The issuing authority's row, locked: issues under one authority take their sequence numbers one at a time. */
export function lockAuthority(db: Executor, capabilities: Capabilities, authorityId: number) {
  return capabilities.forUpdate(db.selectFrom('authorities').select(['id', 'code', 'level', 'region_code', 'name_zh', 'name_en']).where('id', '=', authorityId)).executeTakeFirstOrThrow();
}

export type IssuingAuthority = Awaited<ReturnType<typeof lockAuthority>>;

/**
 * The batch's entries as certificates need them. `withoutCertificate` keeps those that
 * have none yet (issuing is idempotent); `statuses` chooses listed, renamed or removed.
 */
export function listEntriesForCertificates(db: Executor, batchId: number, options: { withoutCertificate: boolean; statuses: readonly string[] }) {
  let query = db
    .selectFrom('list_entries as e')
    .innerJoin('enterprises as n', 'n.id', 'e.enterprise_id')
    .leftJoin('factories as f', (join) => join.onRef('f.id', '=', 'e.factory_id').onRef('f.enterprise_id', '=', 'e.enterprise_id'))
    .leftJoin('certificates as c', (join) => join.onRef('c.enterprise_id', '=', 'e.enterprise_id').onRef('c.list_entry_id', '=', 'e.id'))
    .select(['e.id', 'e.enterprise_id', 'e.name_zh', 'e.name_en', 'e.status', 'e.listed_on', 'e.removed_on', 'e.removal_reason', 'e.renamed_from', 'e.renamed_on', 'n.credit_code', 'f.name_zh as factory_name_zh', 'f.name_en as factory_name_en', 'c.id as certificate_id'])
    .where('e.batch_id', '=', batchId)
    .where('e.status', 'in', options.statuses)
    .orderBy('e.id');
  if (options.withoutCertificate) query = query.where('c.id', 'is', null);
  return query.execute();
}

export type EntryForCertificate = Awaited<ReturnType<typeof listEntriesForCertificates>>[number];

export function findBatchBySlug(db: Executor, slug: string) {
  return db.selectFrom('batches as b').innerJoin('authorities as a', 'a.id', 'b.authority_id').select(['b.id', 'b.slug', 'b.authority_id', 'a.region_code']).where('b.slug', '=', slug).executeTakeFirst();
}

export function findAuthorityByCode(db: Executor, code: string) {
  return db.selectFrom('authorities').select(['id', 'code', 'level', 'region_code']).where('code', '=', code).executeTakeFirst();
}
