/**
 * Monitoring results against the permit, shared by the API command and the file import:
 * each result finds the limit of its outlet and pollutant in force on its day; every
 * result is checked before anything is written; an exceedance is flagged, fed to
 * `ehs_events`, and may carry its explanation. Identical results sent again are left.
 */
import { isPlainDate } from '../../domain/calendar/plain-date.ts';
import { isExceedance, MONITORING_METHODS } from '../../domain/ehs/emissions.ts';
import { linkEhsEvent } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { insertItem, insertMonitoringResults, monitoringResultsByKey, permitLimitsOf, type NewMonitoringResult } from '../../store/repositories/ehs/ehs-items.ts';
import type { Row } from '../../store/schema.ts';
import type { Executor } from '../../store/store.ts';

export interface MonitoringResultInput {
  outletCode: string;
  pollutantCode: string;
  sampledOn: string;
  method: string;
  value: number;
  explanation?: string | null;
}

export interface MonitoringProblem {
  index: number;
  field: 'outletCode' | 'pollutantCode' | 'sampledOn' | 'method' | 'value';
  reason: string;
}

export interface MonitoringOutcome {
  stored: number;
  unchanged: number;
  exceedances: Row<'ehs_monitoring_results'>[];
}

export async function writeMonitoringResults(trx: Executor, enterpriseId: number, results: readonly MonitoringResultInput[], context: { today: string; source: string }): Promise<{ problems: MonitoringProblem[]; outcome?: MonitoringOutcome }> {
  const limits = await permitLimitsOf(trx, enterpriseId);
  const dates = results.map((r) => r.sampledOn).filter(isPlainDate).sort();
  const existing = await monitoringResultsByKey(trx, enterpriseId, limits.map((l) => l.id), dates[0] ?? '0000-00-00', dates.at(-1) ?? '0000-00-00');
  const problems: MonitoringProblem[] = [];
  const planned: { input: MonitoringResultInput; limit: Row<'ehs_permit_limits'>; exceeds: boolean }[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const [index, result] of results.entries()) {
    const problem = (field: MonitoringProblem['field'], reason: string) => problems.push({ index, field, reason });
    if (!isPlainDate(result.sampledOn)) { problem('sampledOn', `"${result.sampledOn}" is not a date YYYY-MM-DD / 日期格式应为YYYY-MM-DD`); continue; }
    if (result.sampledOn > context.today) { problem('sampledOn', `${result.sampledOn} is in the future / 监测日期晚于今天`); continue; }
    if (!(MONITORING_METHODS as readonly string[]).includes(result.method)) { problem('method', 'must be online or manual / 须为online（在线）或manual（手工）'); continue; }
    if (typeof result.value !== 'number' || !Number.isFinite(result.value) || result.value < 0) { problem('value', 'must be a number ≥ 0 / 监测值须为不小于0的数'); continue; }
    const ofOutlet = limits.filter((l) => l.outlet_code === result.outletCode);
    if (ofOutlet.length === 0) { problem('outletCode', `outlet ${result.outletCode} is not in the permit limits / 许可限值中无此排放口`); continue; }
    const limit = ofOutlet.find((l) => l.pollutant_code === result.pollutantCode && l.valid_from <= result.sampledOn && (l.valid_until === null || l.valid_until >= result.sampledOn));
    if (limit === undefined) { problem('pollutantCode', `no limit for ${result.outletCode}/${result.pollutantCode} in force on ${result.sampledOn} / 该日无此排放口污染物的许可限值`); continue; }
    const key = `${limit.id}|${result.sampledOn}|${result.method}`;
    if (seen.has(key)) { problem('sampledOn', `${result.outletCode}/${result.pollutantCode} ${result.method} on ${result.sampledOn} appears twice / 重复的监测记录`); continue; }
    seen.add(key);
    const before = existing.get(key);
    if (before !== undefined) {
      if (before.value === result.value) unchanged++;
      else problem('value', `already recorded as ${before.value} ${limit.unit} / 已有不同的监测值`);
      continue;
    }
    planned.push({ input: result, limit, exceeds: isExceedance(result.value, { limitMax: limit.limit_max, limitMin: limit.limit_min }) });
  }
  if (problems.length > 0) return { problems };

  const asRow = (p: (typeof planned)[number]): NewMonitoringResult => {
    const explanation = p.exceeds ? (p.input.explanation ?? '').trim() || null : null;
    return {
      enterprise_id: enterpriseId,
      permit_limit_id: p.limit.id,
      sampled_on: p.input.sampledOn,
      method: p.input.method,
      value: p.input.value,
      limit_max: p.limit.limit_max,
      limit_min: p.limit.limit_min,
      is_exceedance: p.exceeds ? 1 : 0,
      explanation,
      explained_on: explanation === null ? null : context.today,
      source: context.source,
      ehs_event_id: null,
    };
  };
  await insertMonitoringResults(trx, planned.filter((p) => !p.exceeds).map(asRow));
  const exceedances: Row<'ehs_monitoring_results'>[] = [];
  for (const p of planned.filter((q) => q.exceeds)) {
    const row = await insertItem(trx, 'ehs_monitoring_results', asRow(p));
    const eventId = await linkEhsEvent(trx, { table: 'ehs_monitoring_results', id: row.id }, {
      enterpriseId,
      kind: 'exceedance',
      category: 'environment',
      severity: null,
      occurredOn: row.sampled_on,
      title: `超标：${p.limit.outlet_code} ${p.limit.pollutant_name} ${row.value} ${p.limit.unit}（限值 ${p.limit.limit_max ?? ''}${p.limit.limit_min === null ? '' : ` 下限 ${p.limit.limit_min}`}）`,
      details: { outletCode: p.limit.outlet_code, pollutantCode: p.limit.pollutant_code, value: row.value, limitMax: p.limit.limit_max, limitMin: p.limit.limit_min, unit: p.limit.unit },
      status: row.explanation === null ? 'open' : 'closed',
    });
    exceedances.push({ ...row, ehs_event_id: eventId });
  }
  return { problems: [], outcome: { stored: planned.length, unchanged, exceedances } };
}
