/**
 * Zero emissions, in the sense the register can check: monitoring results against the
 * discharge permit's limits per outlet and pollutant. A result over the upper limit (or
 * under a lower one, as for pH 6–9) is an exceedance (超标), recorded and explained.
 */
import { AppError, invalid } from '../errors.ts';

export const OUTLET_MEDIA = ['air', 'water'] as const;
export type OutletMedium = (typeof OUTLET_MEDIA)[number];

export const MONITORING_METHODS = ['online', 'manual'] as const;
export type MonitoringMethod = (typeof MONITORING_METHODS)[number];

export interface PermitLimit {
  limitMax: number | null;
  limitMin: number | null;
}

export function assertPermitLimit(limit: PermitLimit): void {
  if (limit.limitMax === null && limit.limitMin === null) throw invalid('limitMax', 'a limit needs an upper or a lower bound / 须填写排放限值上限或下限');
  for (const [path, value] of [['limitMax', limit.limitMax], ['limitMin', limit.limitMin]] as const) {
    if (value !== null && (!Number.isFinite(value) || value < 0)) throw invalid(path, 'must be a number ≥ 0 / 须为不小于0的数');
  }
  if (limit.limitMax !== null && limit.limitMin !== null && limit.limitMin > limit.limitMax) throw invalid('limitMin', 'the lower bound is above the upper bound / 下限高于上限');
}

/** Strictly over the upper limit or under the lower one; the limit value itself complies. */
export function isExceedance(value: number, limit: PermitLimit): boolean {
  return (limit.limitMax !== null && value > limit.limitMax) || (limit.limitMin !== null && value < limit.limitMin);
}

export function assertMonitoredValue(path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(path, 'must be a number ≥ 0 / 监测值须为不小于0的数');
  return value;
}

/** Only an exceedance is explained, once, with words. */
export function assertExplanation(result: { isExceedance: boolean; explanation: string | null }, explanation: string): string {
  if (!result.isExceedance) throw new AppError('INVALID_TRANSITION', 'this result is within its limit: there is nothing to explain / 该监测结果未超标');
  const text = explanation.trim();
  if (text.length < 4) throw invalid('explanation', 'say what happened and what was done (at least a few words) / 请说明超标原因及处置情况');
  return text;
}
