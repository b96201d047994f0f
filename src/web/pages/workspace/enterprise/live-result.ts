/**
 * The KPIs and the score of a factory-year as typed: the engine on the form's document,
 * scored with the framework and answers of the year's application (or the default
 * framework without answers). Nothing is stored; a document the engine refuses gives the
 * reason instead.
 */
import { computeKpis, score, type KpiResult, type ScoreResult } from '../../../../engine/index.ts';
import type { AnnualDataView } from '../../../../commands/annual-data/read-annual-data.ts';
import type { FormOutcome } from '../shared/annual-data-form.ts';

export interface LiveResult {
  kpis: KpiResult | null;
  score: ScoreResult | null;
  problem: string | null;
}

export function liveResult(view: Pick<AnnualDataView, 'framework' | 'answers'>, outcome: FormOutcome): LiveResult {
  if (!outcome.ok) return { kpis: null, score: null, problem: Object.entries(outcome.problems).map(([path, message]) => `${path}: ${message}`).join('; ') };
  const kpis = computeKpis(outcome.data);
  try {
    const answers = view.answers ?? {};
    const result = score({ framework: view.framework, data: outcome.data, kpiResult: kpis, ...(answers.qualitative ? { qualitative: answers.qualitative } : {}), ...(answers.basicRequirements ? { basicRequirements: answers.basicRequirements } : {}) });
    return { kpis, score: result, problem: null };
  } catch (error) {
    return { kpis, score: null, problem: (error as Error).message };
  }
}
