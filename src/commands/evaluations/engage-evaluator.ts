/**
 * The enterprise engages a third-party evaluator for its submitted application. The
 * engagement counts toward the evaluator's yearly cap only once the evaluator accepts it
 * (accept-engagement.ts), with its conflict-of-interest declaration.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { invalid } from '../../domain/errors.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Store } from '../../store/store.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { loadApplicationFor } from '../applications/application-records.ts';
import type { EvaluationRow } from './evaluation-records.ts';

export interface EngageEvaluatorInput {
  applicationId: number;
  evaluatorOrgId: number;
  today?: string;
}

export async function engageEvaluator(store: Store, actor: Actor, input: EngageEvaluatorInput): Promise<EvaluationRow> {
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const { application } = await loadApplicationFor(trx, store, actor, input.applicationId);
    const org = await trx.selectFrom('evaluator_orgs').select(['id', 'name_zh']).where('id', '=', input.evaluatorOrgId).executeTakeFirst();
    if (org === undefined) throw invalid('evaluatorOrgId', `no evaluator organisation ${input.evaluatorOrgId} / 无此第三方机构`);
    await applyTransition({ trx, store, actor }, application, 'engage-evaluator', { today, data: { evaluatorOrgId: org.id, evaluator: org.name_zh } });
    const batch = application.batch_id === null ? undefined : await trx.selectFrom('batches').select('year').where('id', '=', application.batch_id).executeTakeFirst();
    const evaluation = await trx
      .insertInto('evaluations')
      .values({
        application_id: application.id,
        enterprise_id: application.enterprise_id,
        kind: 'third_party',
        evaluator_org_id: org.id,
        state: 'requested',
        national: application.target_tier === 'national' ? 1 : 0,
        // The cap counts projects per programme year: the target batch's year.
        year: batch?.year ?? application.data_year + 1,
        conflict_declaration: null,
        verified_document: null,
        result_document: null,
        signed_by: null,
        signed_at: null,
        accepted_at: null,
        created_at: now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'evaluation.requested', subjectType: 'evaluation', subjectId: evaluation.id, enterpriseId: application.enterprise_id, data: { applicationId: application.id, evaluatorOrgId: org.id, national: evaluation.national === 1, year: evaluation.year } });
    return evaluation;
  });
}
