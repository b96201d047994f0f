/**
 * The evaluator records the values it verified: the factory-year as it found it (may
 * differ from what the enterprise declared) and its own answers. The verified data are
 * scored with the batch's framework; reviewers see every difference from the declared
 * values (evaluation-differences.ts).
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { annualDataDifferences } from '../../domain/applications/annual-data-differences.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError } from '../../domain/errors.ts';
import { parseAnnualData, score } from '../../engine/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Store } from '../../store/store.ts';
import { pinnedFramework } from '../batches/pin-framework.ts';
import { checkSelfEvaluation } from '../applications/update-application.ts';
import { negativeListEventsOf } from '../applications/negative-list.ts';
import { loadEngagement, requireEngagementState, type EvaluationRow } from './evaluation-records.ts';

export interface RecordVerifiedDataInput {
  evaluationId: number;
  /** The verified AnnualData v1 document. */
  data: unknown;
  /** The evaluator's answers (same shape as a self-evaluation). */
  answers?: unknown;
  today?: string;
}

export async function recordVerifiedData(store: Store, actor: Actor, input: RecordVerifiedDataInput): Promise<EvaluationRow> {
  const today = input.today ?? todayInShanghai();
  const data = parseAnnualData(input.data);
  const answers = input.answers === undefined ? {} : checkSelfEvaluation(input.answers);
  return store.transaction(async (trx) => {
    const { evaluation, application } = await loadEngagement(trx, store, actor, input.evaluationId, 'record-verified-data');
    requireEngagementState(evaluation, ['accepted'], 'record verified values for');
    if (data.year !== application.data_year) throw new AppError('VALIDATION', `data.year: the application reports ${application.data_year}, not ${data.year}`, { path: 'data.year' });
    const batch = application.batch_id === null ? undefined : await trx.selectFrom('batches').select('framework_id').where('id', '=', application.batch_id).executeTakeFirst();
    let result = null;
    if (batch?.framework_id != null) {
      result = score({
        framework: await pinnedFramework(trx, batch.framework_id),
        data,
        ...(answers.qualitative === undefined ? {} : { qualitative: answers.qualitative }),
        ...(answers.basicRequirements === undefined ? {} : { basicRequirements: answers.basicRequirements }),
        negativeListEvents: await negativeListEventsOf(trx, application.enterprise_id, today),
        asOf: today,
      });
    }
    const declared = application.factory_id === null ? undefined : await trx.selectFrom('annual_data').select('document').where('enterprise_id', '=', application.enterprise_id).where('factory_id', '=', application.factory_id).where('year', '=', application.data_year).where('kind', '=', 'declared').executeTakeFirst();
    const differences = declared === undefined ? [] : annualDataDifferences(JSON.parse(declared.document), input.data);
    const updated = await trx
      .updateTable('evaluations')
      .set({ verified_document: JSON.stringify({ data: input.data, answers }), result_document: result === null ? null : JSON.stringify(result) })
      .where('id', '=', evaluation.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: 'evaluation.verified-data-recorded',
      subjectType: 'evaluation',
      subjectId: evaluation.id,
      enterpriseId: evaluation.enterprise_id,
      data: { applicationId: application.id, differences: differences.length, verifiedScore: result?.total ?? null, declaredScore: application.score_total },
    });
    return updated;
  });
}
