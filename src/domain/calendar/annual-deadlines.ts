/**
 * Default annual deadlines per authority, read from reference/annual-deadlines.json
 * (dynamic report 04-15, provincial recommendation 07-31, provincial variants).
 */
import deadlinesJson from '../../../reference/annual-deadlines.json' with { type: 'json' };
import { notFound } from '../errors.ts';
import { PROVENANCE_TAGS, readReferenceFile, type ProvenanceTag, type ReferenceFile } from '../reference/reference-file.ts';
import { deadlineFor, type DeadlineOptions } from './calendar.ts';

export interface AnnualDeadlineRule {
  readonly id: string;
  /** 'national' or a GB/T 2260 province code. */
  readonly authority: string;
  readonly monthDay: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly source: string;
  readonly tag: ProvenanceTag;
}

export interface AnnualDeadline extends AnnualDeadlineRule {
  readonly date: string;
}

export const annualDeadlinesFile: ReferenceFile<AnnualDeadlineRule> = readReferenceFile(
  'annual-deadlines.json',
  deadlinesJson,
  (r) => {
    const rule = {
      id: r.string('id', /^[a-z-]+$/),
      authority: r.string('authority', /^(?:national|\d{2}0000)$/),
      monthDay: r.string('monthDay', /^\d{2}-\d{2}$/),
      nameZh: r.string('nameZh'),
      nameEn: r.string('nameEn'),
      source: r.string('source'),
      tag: r.oneOf('tag', PROVENANCE_TAGS),
    };
    // 02-29 would not exist every year; refuse any month-day that a leap year does not have.
    try {
      deadlineFor(2024, rule.monthDay);
    } catch {
      r.fail('monthDay', `"${rule.monthDay}" is not a day of the year`);
    }
    return rule;
  },
);

/** The rule that applies to an authority: its own, else the national one; undefined if neither. */
export function findAnnualDeadlineRule(id: string, provinceCode?: string): AnnualDeadlineRule | undefined {
  const rules = annualDeadlinesFile.items.filter((rule) => rule.id === id);
  return rules.find((rule) => rule.authority === provinceCode) ?? rules.find((rule) => rule.authority === 'national');
}

/** The deadline `id` in `year` for a province (or nationally), as a date with its source. */
export function annualDeadline(id: string, year: number, provinceCode?: string, options: DeadlineOptions = {}): AnnualDeadline {
  const rule = findAnnualDeadlineRule(id, provinceCode);
  if (!rule) throw notFound(`annual deadline ${id}${provinceCode ? ` for ${provinceCode}` : ''}`);
  return { ...rule, date: deadlineFor(year, rule.monthDay, options) };
}
