/**
 * An expert on the panel scores (0–100) and comments on an application under expert
 * review, or declares a conflict of interest and recuses. A recused expert cannot score;
 * the consensus then needs three other scores (expert-consensus.ts).
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { applicationSubject, getApplicationForUpdate } from '../applications/application-records.ts';
import { assertExpertMayReview } from './expert-region.ts';

export type ExpertReviewInput =
  | { panelId: number; applicationId: number; kind: 'score'; score: number; comment: string }
  | { panelId: number; applicationId: number; kind: 'conflict'; statement: string };

export async function submitExpertReview(store: Store, actor: Actor, input: ExpertReviewInput): Promise<Row<'expert_reviews'>> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in as an expert / 请以评审专家身份登录');
  if (input.kind === 'score') {
    if (typeof input.score !== 'number' || !Number.isFinite(input.score) || input.score < 0 || input.score > 100) throw invalid('score', 'must be a number from 0 to 100');
    if (typeof input.comment !== 'string' || [...input.comment.trim()].length < 5) throw invalid('comment', 'each expert comments (at least 5 characters) / 请填写评审意见（至少5个字）');
  } else if (typeof input.statement !== 'string' || [...input.statement.trim()].length < 5) {
    throw invalid('statement', 'say what the conflict is (at least 5 characters) / 请说明利益冲突情况');
  }
  return store.transaction(async (trx) => {
    const application = await getApplicationForUpdate(trx, store, input.applicationId);
    authorize(actor, input.kind === 'score' ? 'review' : 'declare-conflict', await applicationSubject(trx, application));
    const review = await trx.selectFrom('expert_reviews').selectAll().where('enterprise_id', '=', application.enterprise_id).where('application_id', '=', application.id).where('expert_user_id', '=', actor.userId).where('panel_id', '=', input.panelId).executeTakeFirst();
    if (review === undefined) throw notFound(`review of application ${application.id} on panel ${input.panelId}`);
    if (application.state !== 'national_expert_review') throw new AppError('INVALID_TRANSITION', `The application is ${application.state}, not under expert review / 申请不在专家评审阶段`);
    if (review.conflict_declared === 1) throw new AppError('RULE_VIOLATION', 'You declared a conflict of interest on this application / 您已声明利益冲突并回避');
    const panel = await trx.selectFrom('expert_panels').select('authority_id').where('id', '=', input.panelId).executeTakeFirstOrThrow();
    if (input.kind === 'score') await assertExpertMayReview(trx, panel.authority_id, actor.userId, application);
    const at = now();
    const updated = await trx
      .updateTable('expert_reviews')
      .set(input.kind === 'score' ? { score: input.score, comment: input.comment.trim(), submitted_at: at } : { conflict_declared: 1, score: null, comment: input.statement.trim(), submitted_at: at })
      .where('id', '=', review.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actor.userId,
      actorLabel: actorLabel(actor),
      action: input.kind === 'score' ? 'expert-review.scored' : 'expert-review.conflict-declared',
      subjectType: 'application',
      subjectId: application.id,
      enterpriseId: application.enterprise_id,
      data: input.kind === 'score' ? { panelId: input.panelId, expertUserId: actorUserId(actor), score: input.score } : { panelId: input.panelId, expertUserId: actorUserId(actor) },
    });
    return updated;
  });
}
