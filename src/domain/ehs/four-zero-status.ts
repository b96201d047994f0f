/**
 * "Four Zero" at a glance: zero leakage, zero hidden dangers, zero violations, zero
 * emissions (exceedances). For each: days since the last one, how many are open and
 * overdue, a level (clear / open / overdue) and a twelve-month trend.
 */
import { countByMonth, daysSince, lastTwelveMonths } from './ehs-dates.ts';

export const FOUR_ZERO_PILLARS = ['leakage', 'hazards', 'violations', 'emissions'] as const;
export type FourZeroPillar = (typeof FOUR_ZERO_PILLARS)[number];

export interface PillarFacts {
  /** Date of the most recent leak, hazard, violation or exceedance; null when none. */
  lastOn: string | null;
  open: number;
  overdue: number;
  /** Dates of the events over (at least) the last twelve months, for the trend. */
  recentDates: readonly string[];
}

export type PillarLevel = 'clear' | 'open' | 'overdue';

export interface PillarStatus {
  pillar: FourZeroPillar;
  daysSince: number | null;
  open: number;
  overdue: number;
  level: PillarLevel;
  /** Events per month, aligned with FourZeroStatus.months. */
  monthly: number[];
}

export interface FourZeroStatus {
  today: string;
  months: string[];
  pillars: PillarStatus[];
}

export function pillarLevel(open: number, overdue: number): PillarLevel {
  return overdue > 0 ? 'overdue' : open > 0 ? 'open' : 'clear';
}

export function fourZeroStatus(facts: Record<FourZeroPillar, PillarFacts>, today: string): FourZeroStatus {
  const months = lastTwelveMonths(today);
  return {
    today,
    months,
    pillars: FOUR_ZERO_PILLARS.map((pillar) => {
      const f = facts[pillar];
      return { pillar, daysSince: daysSince(f.lastOn, today), open: f.open, overdue: f.overdue, level: pillarLevel(f.open, f.overdue), monthly: countByMonth(f.recentDates, months) };
    }),
  };
}
