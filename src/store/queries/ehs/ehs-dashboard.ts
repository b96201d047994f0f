/**
 * The register at a glance for one enterprise on one day: the Four Zero status (days
 * since, open, overdue, twelve-month trend), the open and overdue items, accidents of
 * the last three years and the negative-list status, and the LDAR inventory.
 */
import { fourZeroStatus, type FourZeroStatus } from '../../../domain/ehs/four-zero-status.ts';
import { lastTwelveMonths } from '../../../domain/ehs/ehs-dates.ts';
import { addCalendarDays } from '../../../domain/calendar/calendar.ts';
import type { Executor } from '../../store.ts';
import { listAccidents, listHazards, listLeaks, listMonitoringResults, listRounds, listViolations, type AccidentView, type HazardView, type LeakView, type MonitoringResultView, type RoundView, type ViolationView } from './ehs-register-views.ts';

export interface EhsDashboard {
  enterprise: { id: number; nameZh: string; nameEn: string; provinceCode: string; cityCode: string; isDemo: boolean };
  today: string;
  fourZero: FourZeroStatus;
  openLeaks: LeakView[];
  openHazards: HazardView[];
  openViolations: ViolationView[];
  unexplainedExceedances: MonitoringResultView[];
  /** Accidents of the last three years, and older ones still negative-listing. */
  accidents: AccidentView[];
  /** Last day on the negative list, when the enterprise is on it today. */
  negativeListUntil: string | null;
  inventory: { sealPoints: number; units: { unit: string; count: number }[]; rounds: number; lastRound: RoundView | null };
}

const PILLAR_KIND = { leakage: 'leak', hazards: 'hazard', violations: 'violation', emissions: 'exceedance' } as const;

export async function ehsDashboard(db: Executor, enterpriseId: number, today: string): Promise<EhsDashboard | undefined> {
  const enterprise = await db.selectFrom('enterprises').select(['id', 'name_zh', 'name_en', 'province_code', 'city_code', 'is_demo']).where('id', '=', enterpriseId).executeTakeFirst();
  if (enterprise === undefined) return undefined;
  const firstMonth = `${lastTwelveMonths(today)[0]}-01`;
  const [latest, recent, openLeaks, openHazards, violations, exceedances, accidents, units, rounds, listed] = await Promise.all([
    db.selectFrom('ehs_events').select(['kind']).select((eb) => eb.fn.max('occurred_on').as('last_on')).where('enterprise_id', '=', enterpriseId).where('occurred_on', '<=', today).groupBy('kind').execute(),
    db.selectFrom('ehs_events').select(['kind', 'occurred_on']).where('enterprise_id', '=', enterpriseId).where('occurred_on', '>=', firstMonth).where('occurred_on', '<=', today).execute(),
    listLeaks(db, enterpriseId, today, { status: 'open' }),
    listHazards(db, enterpriseId, today, { status: 'open' }),
    listViolations(db, enterpriseId, today),
    listMonitoringResults(db, enterpriseId, { exceedancesOnly: true, limit: 1000 }),
    listAccidents(db, enterpriseId, today),
    db.selectFrom('ehs_seal_points').select(['unit']).select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('status', '=', 'active').groupBy('unit').orderBy('unit').execute(),
    listRounds(db, enterpriseId),
    db.selectFrom('ehs_events').select((eb) => eb.fn.max('negative_list_until').as('until')).where('enterprise_id', '=', enterpriseId).where('negative_list_until', '>=', today).executeTakeFirst(),
  ]);
  const lastOf = (kind: string) => (latest.find((row) => row.kind === kind)?.last_on as string | null | undefined) ?? null;
  const datesOf = (kind: string) => recent.filter((row) => row.kind === kind).map((row) => row.occurred_on);
  const openViolations = violations.filter((v) => v.status === 'open');
  const unexplained = exceedances.items.filter((e) => e.explanation === null);
  const threeYearsAgo = addCalendarDays(today, -3 * 366);
  const fact = (pillar: keyof typeof PILLAR_KIND, open: number, overdue: number) => ({ lastOn: lastOf(PILLAR_KIND[pillar]), open, overdue, recentDates: datesOf(PILLAR_KIND[pillar]) });
  return {
    enterprise: { id: enterprise.id, nameZh: enterprise.name_zh, nameEn: enterprise.name_en, provinceCode: enterprise.province_code, cityCode: enterprise.city_code, isDemo: enterprise.is_demo === 1 },
    today,
    fourZero: fourZeroStatus({
      leakage: fact('leakage', openLeaks.length, openLeaks.filter((l) => l.flags.repairOverdue || l.flags.firstAttemptOverdue).length),
      hazards: fact('hazards', openHazards.length, openHazards.filter((h) => h.overdue).length),
      violations: fact('violations', openViolations.length, openViolations.filter((v) => v.overdue).length),
      emissions: fact('emissions', unexplained.length, 0),
    }, today),
    openLeaks,
    openHazards,
    openViolations,
    unexplainedExceedances: unexplained,
    accidents: accidents.filter((a) => a.occurredOn >= threeYearsAgo || a.negativeListedNow),
    negativeListUntil: (listed?.until as string | null | undefined) ?? null,
    inventory: { sealPoints: units.reduce((sum, u) => sum + Number(u.n), 0), units: units.map((u) => ({ unit: u.unit, count: Number(u.n) })), rounds: rounds.length, lastRound: rounds[0] ?? null },
  };
}
