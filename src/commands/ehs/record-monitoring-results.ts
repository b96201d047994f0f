/** Records monitoring results (API and form); exceedances are computed against the permit. */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, type RegisterOptions } from './ehs-register-access.ts';
import { writeMonitoringResults, type MonitoringOutcome, type MonitoringResultInput } from './write-monitoring-results.ts';

export const MAX_RESULTS_PER_REQUEST = 20_000;

export async function recordMonitoringResults(store: Store, actor: Actor, input: { enterpriseId: number; results: readonly MonitoringResultInput[] }, options: RegisterOptions & { source?: 'form' | 'api' } = {}): Promise<MonitoringOutcome> {
  const today = options.today ?? todayInShanghai();
  if (!Array.isArray(input.results) || input.results.length === 0) throw invalid('results', 'at least one result / 至少需要一条监测结果');
  if (input.results.length > MAX_RESULTS_PER_REQUEST) throw invalid('results', `at most ${MAX_RESULTS_PER_REQUEST} per request; import a file for more / 单次最多${MAX_RESULTS_PER_REQUEST}条`);
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const { problems, outcome } = await writeMonitoringResults(trx, enterprise.id, input.results, { today, source: options.source ?? 'api' });
    if (problems.length > 0 || outcome === undefined) {
      const first = problems[0]!;
      throw invalid(`results[${first.index}].${first.field}`, first.reason, { problems: problems.slice(0, 100).map((p) => ({ path: `results[${p.index}].${p.field}`, reason: p.reason })) });
    }
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.monitoring-results.recorded', subjectType: 'ehs_monitoring_results', subjectId: enterprise.id, data: { stored: outcome.stored, unchanged: outcome.unchanged, exceedanceIds: outcome.exceedances.map((e) => e.id) } });
    return outcome;
  });
}
