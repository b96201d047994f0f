/**
 * The self-evaluation score pinned at submission: the factory-year's declared AnnualData
 * scored with the framework the batch pinned, the enterprise's answers, and the
 * negative-list events of the EHS register in force on the day (the engine's veto). For
 * list types that no framework scores (parks, supply chains, design products,
 * system-integration projects), the self-evaluation is a summary in words.
 */
import { parseAnnualData, score, type ScoreResult } from '../../engine/index.ts';
import type { Executor } from '../../store/store.ts';
import { pinnedFramework } from '../batches/pin-framework.ts';
import { detailsOf, type ApplicationRow } from './application-records.ts';
import { negativeListEventsOf } from './negative-list.ts';

export interface PinnedScore {
  /** Why the self-evaluation cannot be submitted yet, or null. */
  problem: string | null;
  vetoes: string[];
  result: ScoreResult | null;
  frameworkId: string | null;
}

export async function scoreApplication(db: Executor, application: ApplicationRow, today: string): Promise<PinnedScore> {
  const none = (problem: string): PinnedScore => ({ problem, vetoes: [], result: null, frameworkId: null });
  const self = detailsOf(application).selfEvaluation;
  if (self === null) return none('Attach the self-evaluation first / 请先填写自评价');
  if (application.batch_id === null) return none('Choose the batch the application is for / 请选择申报批次');
  const batch = await db.selectFrom('batches').select(['framework_id', 'status', 'slug']).where('id', '=', application.batch_id).executeTakeFirstOrThrow();
  if (batch.framework_id === null) {
    // No framework scores this list type: the self-evaluation is the enterprise's account in words.
    const summary = self.summary?.trim() ?? '';
    return summary.length >= 10 ? { problem: null, vetoes: [], result: null, frameworkId: null } : none('The self-evaluation needs a summary of at least 10 characters / 自评价说明至少10个字');
  }
  if (application.factory_id === null) return none('Choose the factory the application is for / 请选择申报工厂');
  const framework = await pinnedFramework(db, batch.framework_id);
  const stored = await db
    .selectFrom('annual_data')
    .select('document')
    .where('enterprise_id', '=', application.enterprise_id)
    .where('factory_id', '=', application.factory_id)
    .where('year', '=', application.data_year)
    .where('kind', '=', 'declared')
    .executeTakeFirst();
  if (stored === undefined) return none(`No declared annual data for ${application.data_year} / 缺少${application.data_year}年度数据`);
  const negativeListEvents = await negativeListEventsOf(db, application.enterprise_id, today);
  const result = score({
    framework,
    data: parseAnnualData(JSON.parse(stored.document)),
    ...(self.qualitative === undefined ? {} : { qualitative: self.qualitative }),
    ...(self.basicRequirements === undefined ? {} : { basicRequirements: self.basicRequirements }),
    negativeListEvents,
    asOf: today,
  });
  const problem = result.unconfirmed.length === 0 ? null : `The self-evaluation leaves requirements unanswered / 自评价尚有未确认项: ${result.unconfirmed.map((f) => f.id).join(', ')}`;
  return { problem, vetoes: result.vetoes.map((f) => f.reason), result, frameworkId: batch.framework_id };
}
