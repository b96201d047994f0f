/**
 * `greenlist certificates issue --batch <slug>`: issues a published batch's missing
 * certificates outside a publication (a batch published before certificates existed, or
 * after a failure). The same code the batch.published subscriber runs; idempotent.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { findBatchBySlug } from '../../store/queries/certificate-sources.ts';
import type { Store } from '../../store/store.ts';
import { issueCertificatesForBatch, type IssueReport } from './issue-certificates-for-batch.ts';

export async function issueCertificates(store: Store, actor: Actor, input: { batchSlug: string }): Promise<IssueReport> {
  const slug = input.batchSlug.trim();
  if (slug === '') throw invalid('batch', 'name the batch by its slug, e.g. national-factory-2025 / 请填写批次标识');
  const batch = await findBatchBySlug(store.db, slug);
  if (batch === undefined) throw new AppError('NOT_FOUND', `batch ${slug} not found / 未找到该批次`);
  authorize(actor, 'issue', { type: 'certificate', authorityId: batch.authority_id, provinceCode: batch.region_code, cityCode: batch.region_code });
  return store.transaction((trx) => issueCertificatesForBatch({ trx, store, actor }, batch.id));
}
