/**
 * The authority amends an open batch: its recommendation deadline, its notice number, or
 * the framework version it pins. The framework may change only while no application of
 * the batch has been submitted: a submitted score is pinned with the framework it was
 * computed with (pin-framework.ts), and a batch never mixes two.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { assertPlainDate } from '../../domain/calendar/plain-date.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { pinFramework } from './pin-framework.ts';

export interface UpdateBatchInput {
  batchId: number;
  recommendDeadline?: string;
  noticeNumber?: string | null;
  /** 'gbt36132-2025' or 'gbt36132-2025@2025.1'. */
  frameworkId?: string;
}

export async function updateBatch(store: Store, actor: Actor, input: UpdateBatchInput): Promise<Row<'batches'>> {
  // A form's empty choice arrives as NaN, which PostgreSQL refuses as an integer (a 500 before this check).
  if (!Number.isSafeInteger(input.batchId) || input.batchId < 1) throw invalid('batchId', 'choose a batch / 请选择批次');
  if (input.recommendDeadline !== undefined) assertPlainDate('recommendDeadline', input.recommendDeadline);
  return store.transaction(async (trx) => {
    const batch = await store.capabilities.forUpdate(trx.selectFrom('batches').selectAll().where('id', '=', input.batchId)).executeTakeFirst();
    if (batch === undefined) throw notFound(`batch ${input.batchId}`);
    authorize(actor, 'update', { type: 'batch', authorityId: batch.authority_id });
    if (batch.status !== 'open') throw new AppError('RULE_VIOLATION', `Batch ${batch.slug} is ${batch.status}; only an open batch changes / 仅受理中的批次可以修改`);
    const changes: Partial<Pick<Row<'batches'>, 'recommend_deadline' | 'notice_number' | 'framework_id' | 'timeline'>> = {};
    if (input.recommendDeadline !== undefined && input.recommendDeadline !== batch.recommend_deadline) changes.recommend_deadline = input.recommendDeadline;
    if (input.noticeNumber !== undefined && (input.noticeNumber?.trim() || null) !== batch.notice_number) changes.notice_number = input.noticeNumber?.trim() || null;
    if (input.frameworkId !== undefined) {
      const pinned = await pinFramework(trx, input.frameworkId);
      if (pinned.versionId !== batch.framework_id) {
        const submitted = await trx.selectFrom('applications').select('id').where('batch_id', '=', batch.id).where('state', '<>', 'draft').executeTakeFirst();
        if (submitted !== undefined) throw new AppError('RULE_VIOLATION', `Applications of ${batch.slug} are already scored with ${batch.framework_id}; its framework can no longer change / 该批次已有申请按原指标体系评分，不能更换`, { path: 'frameworkId' });
        changes.framework_id = pinned.versionId;
        changes.timeline = JSON.stringify({ ...(JSON.parse(batch.timeline || '{}') as Record<string, unknown>), frameworkVersion: pinned.framework.version, frameworkHash: pinned.framework.hash });
      }
    }
    if (Object.keys(changes).length === 0) return batch;
    const updated = await trx.updateTable('batches').set(changes).where('id', '=', batch.id).returningAll().executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'batch.updated', subjectType: 'batch', subjectId: batch.id, enterpriseId: null, data: { slug: batch.slug, from: { recommendDeadline: batch.recommend_deadline, noticeNumber: batch.notice_number, frameworkId: batch.framework_id }, changes: { recommendDeadline: changes.recommend_deadline, noticeNumber: changes.notice_number, frameworkId: changes.framework_id } } });
    return updated;
  });
}
