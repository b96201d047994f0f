/** The evaluator signs its evaluation: the application goes to city review with the third party's report. */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Store } from '../../store/store.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { loadEngagement, type EvaluationRow } from './evaluation-records.ts';

export interface SignEvaluationInput {
  evaluationId: number;
  today?: string;
}

export async function signEvaluation(store: Store, actor: Actor, input: SignEvaluationInput): Promise<EvaluationRow> {
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const { evaluation, application } = await loadEngagement(trx, store, actor, input.evaluationId, 'sign');
    // The guards (engagement accepted, verified values recorded) are the transition table's.
    await applyTransition({ trx, store, actor }, application, 'sign-evaluation', { today, data: { evaluationId: evaluation.id } });
    const at = now();
    const updated = await trx.updateTable('evaluations').set({ state: 'signed', signed_at: at, signed_by: actorUserId(actor) }).where('id', '=', evaluation.id).returningAll().executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'evaluation.signed', subjectType: 'evaluation', subjectId: evaluation.id, enterpriseId: evaluation.enterprise_id, data: { applicationId: application.id } });
    return updated;
  });
}
