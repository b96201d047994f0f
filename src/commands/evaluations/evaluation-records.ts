/** Loading an engagement with its application for the evaluation commands. */
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { authorize, type Subject } from '../../policies/index.ts';
import type { Row } from '../../store/schema.ts';
import type { Store, Tx } from '../../store/store.ts';
import { getApplicationForUpdate, type ApplicationRow } from '../applications/application-records.ts';

export type EvaluationRow = Row<'evaluations'>;

export function evaluationSubject(evaluation: EvaluationRow, application: ApplicationRow): Subject {
  return { type: 'evaluation', id: evaluation.id, evaluatorOrgId: evaluation.evaluator_org_id, enterpriseId: evaluation.enterprise_id, provinceCode: application.province_code, cityCode: application.city_code };
}

/** The engagement and its application, locked; authorizes `action` on the engagement. */
export async function loadEngagement(trx: Tx, store: Store, actor: Actor, evaluationId: number, action: string): Promise<{ evaluation: EvaluationRow; application: ApplicationRow }> {
  const evaluation = await store.capabilities.forUpdate(trx.selectFrom('evaluations').selectAll().where('id', '=', evaluationId)).executeTakeFirst();
  if (evaluation === undefined || evaluation.kind !== 'third_party') throw notFound(`engagement ${evaluationId}`);
  const application = await getApplicationForUpdate(trx, store, evaluation.application_id);
  authorize(actor, action, evaluationSubject(evaluation, application));
  return { evaluation, application };
}

export function requireEngagementState(evaluation: EvaluationRow, states: readonly string[], doing: string): void {
  if (!states.includes(evaluation.state)) {
    throw new AppError('INVALID_TRANSITION', `Cannot ${doing} an engagement that is ${evaluation.state} / 委托状态为「${evaluation.state}」，不能执行此操作`, { details: { state: evaluation.state } });
  }
}
