/**
 * The "Three First" summary of one year (safety first, environmental protection first,
 * quality first), as an enterprise states it in its annual dynamic report: what was
 * found, what was closed and on time, accidents by grade, and whether the enterprise
 * is on the negative list at the year's end.
 */
import { ACCIDENT_GRADES, type AccidentCategory, type AccidentGrade } from './ehs-reference.ts';
import { isNegativeListedOn } from './accidents.ts';
import { wasLate } from './ehs-dates.ts';

export interface ThreeFirstInput {
  year: number;
  hazards: readonly { foundOn: string; grade: string; deadline: string; closedOn: string | null }[];
  leaks: readonly { detectedOn: string; repairDue: string; repairedOn: string | null }[];
  rounds: readonly { completedOn: string; readings: number }[];
  violations: readonly { decidedOn: string; domain: AccidentCategory; penaltyYuan: number; correctedOn: string | null }[];
  monitoring: { results: number; exceedances: readonly { sampledOn: string; explained: boolean }[] };
  accidents: readonly { occurredOn: string; category: AccidentCategory; grade: AccidentGrade; negativeListUntil: string | null }[];
}

type ByGrade = Record<AccidentGrade, number>;

export interface ThreeFirstSummary {
  year: number;
  safety: { hazardsFound: number; majorHazards: number; hazardsClosed: number; hazardsClosedOnTime: number; hazardsOpenAtYearEnd: number; violations: number; accidents: ByGrade };
  environment: {
    ldarRounds: number; readings: number; leaksFound: number; leaksRepairedOnTime: number; leaksRepairedLate: number; leaksOpenAtYearEnd: number;
    monitoringResults: number; exceedances: number; exceedancesExplained: number; violations: number; penaltiesYuan: number; emergencies: ByGrade;
  };
  quality: { violations: number; accidents: ByGrade };
  /** Last day on the negative list, when the enterprise is on it at the year's end. */
  negativeListUntil: string | null;
}

const inYear = (date: string, year: number) => date.startsWith(`${year}-`);

function byGrade(accidents: ThreeFirstInput['accidents'], category: AccidentCategory, year: number): ByGrade {
  const counts = Object.fromEntries(ACCIDENT_GRADES.map((grade) => [grade, 0])) as ByGrade;
  for (const accident of accidents) if (accident.category === category && inYear(accident.occurredOn, year)) counts[accident.grade]++;
  return counts;
}

export function threeFirstSummary(input: ThreeFirstInput): ThreeFirstSummary {
  const { year } = input;
  const yearEnd = `${year}-12-31`;
  const openAtYearEnd = (startOn: string, closedOn: string | null) => startOn <= yearEnd && (closedOn === null || closedOn > yearEnd);
  const hazards = input.hazards.filter((h) => inYear(h.foundOn, year));
  const closedInYear = input.hazards.filter((h) => h.closedOn !== null && inYear(h.closedOn, year));
  const leaks = input.leaks.filter((l) => inYear(l.detectedOn, year));
  const repairedInYear = input.leaks.filter((l) => l.repairedOn !== null && inYear(l.repairedOn, year));
  const violations = input.violations.filter((v) => inYear(v.decidedOn, year));
  const exceedances = input.monitoring.exceedances.filter((e) => inYear(e.sampledOn, year));
  const rounds = input.rounds.filter((r) => inYear(r.completedOn, year));
  const listedUntil = input.accidents
    .map((a) => a.negativeListUntil)
    .filter((until): until is string => until !== null && isNegativeListedOn(until, yearEnd))
    .sort()
    .at(-1);
  return {
    year,
    safety: {
      hazardsFound: hazards.length,
      majorHazards: hazards.filter((h) => h.grade === 'major').length,
      hazardsClosed: closedInYear.length,
      hazardsClosedOnTime: closedInYear.filter((h) => !wasLate(h.deadline, h.closedOn)).length,
      hazardsOpenAtYearEnd: input.hazards.filter((h) => openAtYearEnd(h.foundOn, h.closedOn)).length,
      violations: violations.filter((v) => v.domain === 'safety').length,
      accidents: byGrade(input.accidents, 'safety', year),
    },
    environment: {
      ldarRounds: rounds.length,
      readings: rounds.reduce((sum, r) => sum + r.readings, 0),
      leaksFound: leaks.length,
      leaksRepairedOnTime: repairedInYear.filter((l) => !wasLate(l.repairDue, l.repairedOn)).length,
      leaksRepairedLate: repairedInYear.filter((l) => wasLate(l.repairDue, l.repairedOn)).length,
      leaksOpenAtYearEnd: input.leaks.filter((l) => openAtYearEnd(l.detectedOn, l.repairedOn)).length,
      monitoringResults: input.monitoring.results,
      exceedances: exceedances.length,
      exceedancesExplained: exceedances.filter((e) => e.explained).length,
      violations: violations.filter((v) => v.domain === 'environment').length,
      penaltiesYuan: violations.reduce((sum, v) => sum + v.penaltyYuan, 0),
      emergencies: byGrade(input.accidents, 'environment', year),
    },
    quality: { violations: violations.filter((v) => v.domain === 'quality').length, accidents: byGrade(input.accidents, 'quality', year) },
    negativeListUntil: listedUntil ?? null,
  };
}
