/**
 * An engagement ends before it is signed: the evaluator declines it (a conflict of
 * interest, no capacity) or the enterprise releases it. The application goes back to
 * "submitted" and may engage another evaluator or, where allowed, go on with its
 * self-evaluation.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Store } from '../../store/store.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { loadEngagement, requireEngagementState, type EvaluationRow } from './evaluation-records.ts';

export interface EndEngagementInput {
  evaluationId: number;
  /** 'decline' by the evaluator, 'release' by the enterprise. */
  by: 'decline' | 'release';
  reason?: string | null;
  today?: string;
}

export async function endEngagement(store: Store, actor: Actor, input: EndEngagementInput): Promise<EvaluationRow> {
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const { evaluation, application } = await loadEngagement(trx, store, actor, input.evaluationId, input.by);
    requireEngagementState(evaluation, ['requested', 'accepted'], input.by);
    const state = input.by === 'decline' ? 'declined' : 'released';
    await applyTransition({ trx, store, actor }, application, 'release-evaluation', { today, reason: input.reason ?? null, data: { evaluationId: evaluation.id, by: input.by } });
    const updated = await trx.updateTable('evaluations').set({ state }).where('id', '=', evaluation.id).returningAll().executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: `evaluation.${state}`, subjectType: 'evaluation', subjectId: evaluation.id, enterpriseId: evaluation.enterprise_id, data: { applicationId: application.id, reason: input.reason ?? null } });
    return updated;
  });
}
