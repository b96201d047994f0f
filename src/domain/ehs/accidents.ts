/**
 * Accidents and the negative list. Safety accidents are graded by 493号令 第三条,
 * environmental emergencies by the 国家突发环境事件应急预案 (2014) 附件1, quality
 * accidents as the authority determines. A 重大 or worse safety or quality accident, or
 * a Ⅱ级 (重大) or worse environmental emergency, puts the enterprise on the negative list
 * for three years from the accident date (domain.md §3.2; reference/ehs/).
 */
import { invalid } from '../errors.ts';
import { fromDayNumber, toDayNumber } from '../calendar/plain-date.ts';
import { accidentGradesFile, negativeListRulesFile, ACCIDENT_CATEGORIES, ACCIDENT_GRADES, type AccidentCategory, type AccidentGrade, type AccidentGradeRule, type NegativeListRule } from './ehs-reference.ts';

export function isAccidentCategory(value: string): value is AccidentCategory {
  return (ACCIDENT_CATEGORIES as readonly string[]).includes(value);
}

export function isAccidentGrade(value: string): value is AccidentGrade {
  return (ACCIDENT_GRADES as readonly string[]).includes(value);
}

export function gradeRank(grade: AccidentGrade): number {
  return ACCIDENT_GRADES.indexOf(grade);
}

export interface AccidentFigures {
  deaths?: number;
  /** Seriously injured, acute industrial poisoning included (493号令); poisoned or seriously injured (应急预案). */
  seriousInjuries?: number;
  /** People evacuated or relocated (environmental emergencies only). */
  evacuated?: number;
  directLossTenThousandYuan?: number;
}

function reaches(rule: AccidentGradeRule, figures: AccidentFigures): boolean {
  const pairs: [number | undefined, number | undefined][] = [
    [figures.deaths, rule.deathsAtLeast],
    [figures.seriousInjuries, rule.seriousInjuriesAtLeast],
    [figures.evacuated, rule.evacuatedAtLeast],
    [figures.directLossTenThousandYuan, rule.directLossTenThousandYuanAtLeast],
  ];
  return pairs.some(([value, threshold]) => value !== undefined && threshold !== undefined && value >= threshold);
}

/**
 * The lowest grade the figures imply: the highest grade any one figure reaches
 * (以上包括本数). Null for quality accidents, which have no national thresholds.
 */
export function gradeImpliedByFigures(category: AccidentCategory, figures: AccidentFigures, rules: readonly AccidentGradeRule[] = accidentGradesFile.items): AccidentGrade | null {
  const ofCategory = rules.filter((rule) => rule.category === category);
  const withThresholds = ofCategory.filter((rule) => [rule.deathsAtLeast, rule.seriousInjuriesAtLeast, rule.evacuatedAtLeast, rule.directLossTenThousandYuanAtLeast].some((t) => t !== undefined));
  if (withThresholds.length === 0) return null;
  const reached = withThresholds.filter((rule) => reaches(rule, figures)).map((rule) => rule.grade);
  return reached.reduce<AccidentGrade>((highest, grade) => (gradeRank(grade) > gradeRank(highest) ? grade : highest), 'general');
}

/** The recorded grade may be higher than the figures imply (qualitative criteria), never lower. */
export function assertGradeFitsFigures(category: AccidentCategory, grade: AccidentGrade, figures: AccidentFigures): void {
  for (const [field, value] of Object.entries(figures)) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw invalid(field, 'must be a number ≥ 0 / 须为不小于0的数');
  }
  const implied = gradeImpliedByFigures(category, figures);
  if (implied !== null && gradeRank(grade) < gradeRank(implied)) {
    throw invalid('grade', `the figures make this at least a ${implied} accident (${category}); the recorded grade ${grade} is lower / 伤亡或损失数字对应的等级高于所填等级`);
  }
}

export function negativeListRuleFor(category: AccidentCategory, rules: readonly NegativeListRule[] = negativeListRulesFile.items): NegativeListRule {
  const rule = rules.find((r) => r.category === category);
  if (rule === undefined) throw invalid('category', `no negative-list rule for ${category}`);
  return rule;
}

/**
 * The first day of the window of `years` that ends on `asOf`: the same calendar day
 * `years` earlier, 02-29 mapping to 02-28. Mirrors windowStart in src/engine/negative-list.ts,
 * so a register row and the engine's veto agree day for day.
 */
function windowStart(asOf: string, years: number): string {
  const monthDay = asOf.slice(5) === '02-29' ? '02-28' : asOf.slice(5);
  return `${String(Number(asOf.slice(0, 4)) - years).padStart(4, '0')}-${monthDay}`;
}

/**
 * The last day (inclusive) on which an accident of `occurredOn` is still within the
 * window: 2023-05-20 + 3 years → 2026-05-20. For an accident on 02-28 before a leap year
 * the window still covers 02-29 (2021-02-28 → 2024-02-29), as the engine counts it.
 */
export function negativeListUntil(occurredOn: string, years: number): string {
  const monthDay = occurredOn.slice(5) === '02-29' ? '02-28' : occurredOn.slice(5);
  let until = `${String(Number(occurredOn.slice(0, 4)) + years).padStart(4, '0')}-${monthDay}`;
  for (;;) {
    const next = fromDayNumber(toDayNumber(until) + 1);
    if (windowStart(next, years) > occurredOn) return until;
    until = next;
  }
}

export interface NegativeListing {
  listed: boolean;
  /** Last day on the list (inclusive); null when not listed. */
  until: string | null;
  /** Kind id of frameworks/negative-list.json for the engine's veto. */
  negativeListKind: string;
  rule: NegativeListRule;
}

export function negativeListingOf(accident: { category: AccidentCategory; grade: AccidentGrade; occurredOn: string }): NegativeListing {
  const rule = negativeListRuleFor(accident.category);
  const listed = gradeRank(accident.grade) >= gradeRank(rule.minimumGrade);
  return { listed, until: listed ? negativeListUntil(accident.occurredOn, rule.windowYears) : null, negativeListKind: rule.negativeListKind, rule };
}

/** On the negative list on `asOf`: listed and `asOf` not after the last day. */
export function isNegativeListedOn(until: string | null, asOf: string): boolean {
  return until !== null && asOf <= until;
}
