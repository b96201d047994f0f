/**
 * The EHS register's reference data, read once from reference/ehs/*.json and checked
 * field by field (a defect is a CONFIG error at boot). Each rule keeps its source and
 * provenance tag; [U] values are configuration, not fact.
 */
import thresholdsJson from '../../../reference/ehs/ldar-leak-thresholds.json' with { type: 'json' };
import intervalsJson from '../../../reference/ehs/ldar-repair-intervals.json' with { type: 'json' };
import criteriaJson from '../../../reference/ehs/major-hazard-criteria.json' with { type: 'json' };
import gradesJson from '../../../reference/ehs/accident-grades.json' with { type: 'json' };
import negativeListJson from '../../../reference/ehs/negative-list-rule.json' with { type: 'json' };
import { PROVENANCE_TAGS, readReferenceFile, type ItemReader, type ProvenanceTag, type ReferenceFile } from '../reference/reference-file.ts';

export const MEDIUM_CLASSES = ['gas_vapour', 'light_liquid', 'heavy_liquid'] as const;
/** The medium class of a seal point decides its LDAR leak threshold. */
export type MediumClass = (typeof MEDIUM_CLASSES)[number];

export const ACCIDENT_CATEGORIES = ['safety', 'environment', 'quality'] as const;
/** "Three First": safety, environmental protection, quality. */
export type AccidentCategory = (typeof ACCIDENT_CATEGORIES)[number];

/** Lowest first. Environmental emergencies use the same four steps: Ⅳ, Ⅲ, Ⅱ, Ⅰ级. */
export const ACCIDENT_GRADES = ['general', 'larger', 'major', 'especially_major'] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

/** 'national' or a GB/T 2260 province code. */
const AUTHORITY = /^(?:national|\d{2}0000)$/;

type NumberFields = Record<string, number | undefined>;

/**
 * readReferenceFile checks strings and enumerations; these files also hold numbers. Items
 * are read in order, so the raw item beside each reader is found by counting.
 */
function readEhsFile<Item>(fileName: string, json: unknown, numeric: readonly { field: string; optional?: boolean; integer?: boolean }[], readItem: (reader: ItemReader, numbers: NumberFields) => Item): ReferenceFile<Item> {
  const rawItems = ((json as { items?: unknown }).items ?? []) as Record<string, unknown>[];
  let index = 0;
  return readReferenceFile(fileName, json, (reader) => {
    const raw = rawItems[index++] ?? {};
    const numbers: NumberFields = {};
    for (const { field, optional, integer } of numeric) {
      const value = raw[field];
      if (value === undefined && optional) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) reader.fail(field, integer ? 'must be a whole number ≥ 0' : 'must be a non-negative number');
      numbers[field] = value as number;
    }
    return readItem(reader, numbers);
  });
}

export interface LeakThresholdRule {
  readonly authority: string;
  readonly medium: MediumClass;
  readonly thresholdUmolPerMol: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly source: string;
  readonly tag: ProvenanceTag;
}

export interface RepairIntervalRule {
  readonly authority: string;
  readonly firstAttemptDays: number;
  readonly repairDays: number;
  readonly source: string;
  readonly tag: ProvenanceTag;
}

export interface MajorHazardCriterion {
  readonly id: string;
  readonly textZh: string;
  readonly textEn: string;
  readonly tag: ProvenanceTag;
}

export interface AccidentGradeRule {
  readonly category: AccidentCategory;
  readonly grade: AccidentGrade;
  readonly deathsAtLeast?: number;
  readonly seriousInjuriesAtLeast?: number;
  readonly evacuatedAtLeast?: number;
  readonly directLossTenThousandYuanAtLeast?: number;
  readonly source: string;
  readonly tag: ProvenanceTag;
}

export interface NegativeListRule {
  readonly category: AccidentCategory;
  readonly minimumGrade: AccidentGrade;
  readonly windowYears: number;
  /** The kind id in frameworks/negative-list.json that the engine's veto uses. */
  readonly negativeListKind: string;
  readonly source: string;
  readonly tag: ProvenanceTag;
}

export const leakThresholdsFile: ReferenceFile<LeakThresholdRule> = readEhsFile('ehs/ldar-leak-thresholds.json', thresholdsJson, [{ field: 'thresholdUmolPerMol' }], (r, n) => ({
  authority: r.string('authority', AUTHORITY),
  medium: r.oneOf('medium', MEDIUM_CLASSES),
  thresholdUmolPerMol: n.thresholdUmolPerMol!,
  nameZh: r.string('nameZh'),
  nameEn: r.string('nameEn'),
  source: r.string('source'),
  tag: r.oneOf('tag', PROVENANCE_TAGS),
}));

export const repairIntervalsFile: ReferenceFile<RepairIntervalRule> = readEhsFile('ehs/ldar-repair-intervals.json', intervalsJson, [{ field: 'firstAttemptDays', integer: true }, { field: 'repairDays', integer: true }], (r, n) => {
  if (n.firstAttemptDays! > n.repairDays!) r.fail('repairDays', 'must not be shorter than firstAttemptDays');
  return { authority: r.string('authority', AUTHORITY), firstAttemptDays: n.firstAttemptDays!, repairDays: n.repairDays!, source: r.string('source'), tag: r.oneOf('tag', PROVENANCE_TAGS) };
});

export const majorHazardCriteriaFile: ReferenceFile<MajorHazardCriterion> = readReferenceFile('ehs/major-hazard-criteria.json', criteriaJson, (r) => ({
  id: r.string('id', /^121-\d{2}$/),
  textZh: r.string('textZh'),
  textEn: r.string('textEn'),
  tag: r.oneOf('tag', PROVENANCE_TAGS),
}));

const FIGURE_FIELDS = ['deathsAtLeast', 'seriousInjuriesAtLeast', 'evacuatedAtLeast', 'directLossTenThousandYuanAtLeast'] as const;

export const accidentGradesFile: ReferenceFile<AccidentGradeRule> = readEhsFile('ehs/accident-grades.json', gradesJson, FIGURE_FIELDS.map((field) => ({ field, optional: true })), (r, n) => {
  const figures: Partial<Record<(typeof FIGURE_FIELDS)[number], number>> = {};
  for (const field of FIGURE_FIELDS) if (n[field] !== undefined) figures[field] = n[field];
  return { category: r.oneOf('category', ACCIDENT_CATEGORIES), grade: r.oneOf('grade', ACCIDENT_GRADES), ...figures, source: r.string('source'), tag: r.oneOf('tag', PROVENANCE_TAGS) };
});

export const negativeListRulesFile: ReferenceFile<NegativeListRule> = readEhsFile('ehs/negative-list-rule.json', negativeListJson, [{ field: 'windowYears', integer: true }], (r, n) => {
  if (n.windowYears! < 1) r.fail('windowYears', 'must be at least one year');
  return {
    category: r.oneOf('category', ACCIDENT_CATEGORIES),
    minimumGrade: r.oneOf('minimumGrade', ACCIDENT_GRADES),
    windowYears: n.windowYears!,
    negativeListKind: r.string('negativeListKind', /^[a-z_]+$/),
    source: r.string('source'),
    tag: r.oneOf('tag', PROVENANCE_TAGS),
  };
});

/** The rule for an authority: the province's own item, else the national one. */
export function ruleForProvince<Rule extends { authority: string }>(rules: readonly Rule[], provinceCode: string | null | undefined): Rule | undefined {
  return rules.find((rule) => provinceCode != null && rule.authority === provinceCode) ?? rules.find((rule) => rule.authority === 'national');
}
