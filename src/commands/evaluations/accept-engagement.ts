/**
 * The evaluator accepts an engagement with its conflict-of-interest declaration. A
 * national-level engagement counts toward the cap of its legal representative (≤ 15 a
 * year across every organisation that person represents, evaluator-cap.ts); the
 * representative's organisations are locked while counting, so two acceptances at once
 * cannot both take the last place.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { assertWithinEvaluatorCap } from '../../domain/applications/evaluator-cap.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Store } from '../../store/store.ts';
import { loadEngagement, requireEngagementState, type EvaluationRow } from './evaluation-records.ts';

export interface ConflictDeclaration {
  /** True when the evaluator has an interest in the enterprise (ownership, consulting, family …). */
  hasConflict: boolean;
  /** The declaration in words, signed by the evaluator. */
  statement: string;
}

export interface AcceptEngagementInput {
  evaluationId: number;
  declaration: ConflictDeclaration;
}

export function checkDeclaration(value: unknown): ConflictDeclaration {
  if (value === null || typeof value !== 'object') throw invalid('declaration', 'a conflict-of-interest declaration { hasConflict, statement } is required / 须提交利益冲突声明');
  const { hasConflict, statement } = value as Record<string, unknown>;
  if (typeof hasConflict !== 'boolean') throw invalid('declaration.hasConflict', 'must be true or false');
  if (typeof statement !== 'string' || [...statement.trim()].length < 10) throw invalid('declaration.statement', 'the declaration needs at least 10 characters / 声明内容至少10个字');
  return { hasConflict, statement: statement.trim() };
}

export async function acceptEngagement(store: Store, actor: Actor, input: AcceptEngagementInput): Promise<EvaluationRow> {
  const declaration = checkDeclaration(input.declaration);
  return store.transaction(async (trx) => {
    const { evaluation, application } = await loadEngagement(trx, store, actor, input.evaluationId, 'accept');
    requireEngagementState(evaluation, ['requested'], 'accept');
    if (application.state !== 'third_party_evaluation') throw new AppError('INVALID_TRANSITION', `The application is ${application.state}, not waiting for this evaluation / 申请不在第三方评价阶段`);
    if (declaration.hasConflict) {
      throw new AppError('RULE_VIOLATION', 'An evaluator with a conflict of interest cannot take the engagement; decline it / 存在利益冲突的机构不得承接，请拒绝委托', { path: 'declaration.hasConflict' });
    }
    const org = await trx.selectFrom('evaluator_orgs').select(['id', 'legal_representative_key']).where('id', '=', evaluation.evaluator_org_id!).executeTakeFirstOrThrow();
    if (evaluation.national === 1) {
      await store.capabilities.forUpdate(trx.selectFrom('evaluator_orgs').select('id').where('legal_representative_key', '=', org.legal_representative_key)).execute();
      const counted = await trx
        .selectFrom('evaluations as e')
        .innerJoin('evaluator_orgs as o', 'o.id', 'e.evaluator_org_id')
        .select('e.id')
        .where('o.legal_representative_key', '=', org.legal_representative_key)
        .where('e.kind', '=', 'third_party')
        .where('e.national', '=', 1)
        .where('e.year', '=', evaluation.year)
        .where('e.state', 'in', ['accepted', 'signed'])
        .execute();
      assertWithinEvaluatorCap(counted.length, evaluation.year);
    }
    const at = now();
    const updated = await trx
      .updateTable('evaluations')
      .set({ state: 'accepted', accepted_at: at, conflict_declaration: JSON.stringify({ ...declaration, declaredAt: at, declaredBy: actorUserId(actor) }) })
      .where('id', '=', evaluation.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'evaluation.accepted', subjectType: 'evaluation', subjectId: evaluation.id, enterpriseId: evaluation.enterprise_id, data: { applicationId: application.id, hasConflict: false, national: evaluation.national === 1, year: evaluation.year } });
    return updated;
  });
}
