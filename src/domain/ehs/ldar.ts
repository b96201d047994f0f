/**
 * Zero leakage: LDAR (泄漏检测与修复). A reading is a leak when it is over the threshold for
 * the seal point's medium, or liquid is seen seeping (GB 37822-2019 §8.3.2, as recalled
 * [U]); each leak must have a first repair attempt within N days and be repaired within
 * M days of detection (§8.3.3 / HJ 1230-2021 [U]), and is closed only by a
 * re-measurement below the threshold. Thresholds and intervals come from
 * reference/ehs/ per authority.
 */
import { AppError, invalid } from '../errors.ts';
import { assertPastDate, dueAfter, isOverdue, wasLate } from './ehs-dates.ts';
import { leakThresholdsFile, repairIntervalsFile, ruleForProvince, MEDIUM_CLASSES, type LeakThresholdRule, type MediumClass, type RepairIntervalRule } from './ehs-reference.ts';

/** Equipment and pipeline components counted as seal points (HJ 1230-2021 categories, as recalled [U]). */
export const COMPONENT_TYPES = ['pump', 'compressor', 'agitator', 'valve', 'open_ended_line', 'flange', 'connector', 'pressure_relief', 'sampling', 'other'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

export function isMediumClass(value: string): value is MediumClass {
  return (MEDIUM_CLASSES as readonly string[]).includes(value);
}

export function isComponentType(value: string): value is ComponentType {
  return (COMPONENT_TYPES as readonly string[]).includes(value);
}

/** The leak threshold for a medium in a province (its own rule, else the national one). */
export function leakThresholdFor(medium: MediumClass, provinceCode?: string | null, rules: readonly LeakThresholdRule[] = leakThresholdsFile.items): LeakThresholdRule {
  const rule = ruleForProvince(rules.filter((r) => r.medium === medium), provinceCode);
  if (rule === undefined) throw new AppError('CONFIG', `reference/ehs/ldar-leak-thresholds.json: no threshold for medium ${medium}`);
  return rule;
}

/** The repair intervals for a province (its own rule, else the national one). */
export function repairIntervalsFor(provinceCode?: string | null, rules: readonly RepairIntervalRule[] = repairIntervalsFile.items): RepairIntervalRule {
  const rule = ruleForProvince(rules, provinceCode);
  if (rule === undefined) throw new AppError('CONFIG', 'reference/ehs/ldar-repair-intervals.json: no national rule');
  return rule;
}

export interface Reading {
  /** Measured concentration, μmol/mol (ppm by volume). */
  valueUmolPerMol: number;
  /** Liquid seen seeping or dripping: a leak whatever the instrument says. */
  visibleLeak?: boolean;
}

/** Over the threshold (strictly) or visibly leaking. At the threshold itself is not a leak. */
export function isLeak(reading: Reading, thresholdUmolPerMol: number): boolean {
  return reading.visibleLeak === true || reading.valueUmolPerMol > thresholdUmolPerMol;
}

export function assertReadingValue(path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(path, 'must be a concentration ≥ 0 in μmol/mol / 检测值须为不小于0的数（μmol/mol）');
  return value;
}

export interface LeakDeadlines {
  firstAttemptDue: string;
  repairDue: string;
}

/** Detected on 2025-03-10 with 5/15 days: first attempt due 2025-03-15, repair due 2025-03-25. */
export function leakDeadlines(detectedOn: string, intervals: Pick<RepairIntervalRule, 'firstAttemptDays' | 'repairDays'>): LeakDeadlines {
  return { firstAttemptDue: dueAfter(detectedOn, intervals.firstAttemptDays), repairDue: dueAfter(detectedOn, intervals.repairDays) };
}

export interface LeakProgress extends LeakDeadlines {
  detectedOn: string;
  firstAttemptOn: string | null;
  repairedOn: string | null;
}

export interface LeakFlags {
  open: boolean;
  firstAttemptOverdue: boolean;
  repairOverdue: boolean;
  firstAttemptLate: boolean;
  repairedLate: boolean;
}

export function leakFlags(leak: LeakProgress, today: string): LeakFlags {
  return {
    open: leak.repairedOn === null,
    // Once repaired, the repair itself was the first attempt if none was recorded.
    firstAttemptOverdue: leak.repairedOn === null && isOverdue(leak.firstAttemptDue, leak.firstAttemptOn, today),
    repairOverdue: isOverdue(leak.repairDue, leak.repairedOn, today),
    firstAttemptLate: wasLate(leak.firstAttemptDue, leak.firstAttemptOn ?? leak.repairedOn),
    repairedLate: wasLate(leak.repairDue, leak.repairedOn),
  };
}

export function assertFirstAttempt(leak: LeakProgress, attemptedOn: string, today: string): void {
  if (leak.repairedOn !== null) throw new AppError('INVALID_TRANSITION', 'the leak is already repaired / 该泄漏点已修复');
  if (leak.firstAttemptOn !== null) throw new AppError('INVALID_TRANSITION', `the first repair attempt was already recorded on ${leak.firstAttemptOn} / 已记录首次维修`);
  assertPastDate('attemptedOn', attemptedOn, today, { date: leak.detectedOn, what: 'detection / 发现泄漏日期' });
}

/**
 * A leak closes with a re-measurement at or below the threshold; one still over it is
 * refused (the repair did not work), as is a visible leak.
 */
export function assertClosure(leak: LeakProgress, remeasurement: { remeasuredOn: string; reading: Reading; thresholdUmolPerMol: number }, today: string): void {
  if (leak.repairedOn !== null) throw new AppError('INVALID_TRANSITION', 'the leak is already closed / 该泄漏已关闭');
  assertPastDate('remeasuredOn', remeasurement.remeasuredOn, today, { date: leak.firstAttemptOn ?? leak.detectedOn, what: leak.firstAttemptOn ? 'the first repair attempt / 首次维修日期' : 'detection / 发现泄漏日期' });
  if (isLeak(remeasurement.reading, remeasurement.thresholdUmolPerMol)) {
    throw new AppError('RULE_VIOLATION', `re-measurement ${remeasurement.reading.valueUmolPerMol} μmol/mol is still over the threshold ${remeasurement.thresholdUmolPerMol}: the leak stays open / 复测值仍超过泄漏认定浓度，泄漏未关闭`, { path: 'valueUmolPerMol' });
  }
}
