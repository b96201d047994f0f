/**
 * GB/T 4754-2017 国民经济行业分类, read from reference/industries.json: the 20 sections,
 * the manufacturing divisions 13–43, and the groups and classes of division 26.
 */
import industriesJson from '../../../reference/industries.json' with { type: 'json' };
import { AppError, invalid, notFound } from '../errors.ts';
import { indexBy, PROVENANCE_TAGS, readReferenceFile, type ProvenanceTag, type ReferenceFile } from './reference-file.ts';

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface Industry {
  /** As the standard writes it: 'C', '26', '261', '2614'. */
  readonly code: string;
  readonly level: IndustryLevel;
  /** The section letter, A–T. */
  readonly section: string;
  readonly parentCode?: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Sections only: first and last two-digit division, e.g. ['13', '43'] for C. */
  readonly divisionRange?: readonly [string, string];
  /** A remark on what the class covers, with its own provenance tag. */
  readonly note?: string;
  readonly noteTag?: ProvenanceTag;
}

// GB/T 4754-2017 §4: sections are letters, then 2-, 3- and 4-digit codes.
const CODE_SHAPE = /^(?:[A-T]|\d{2}|\d{3}|\d{4})$/;
const LEVEL_BY_LENGTH: Record<number, IndustryLevel> = { 2: 'division', 3: 'group', 4: 'class' };

export const industriesFile: ReferenceFile<Industry> = readReferenceFile('industries.json', industriesJson, (r) => {
  const code = r.string('code', CODE_SHAPE);
  const level = r.oneOf('level', ['section', 'division', 'group', 'class']);
  const expectedLevel = /^[A-T]$/.test(code) ? 'section' : LEVEL_BY_LENGTH[code.length];
  if (level !== expectedLevel) r.fail('level', `must be ${expectedLevel} for code ${code}`);
  const parentCode = r.optionalString('parentCode');
  const note = r.optionalString('note');
  return {
    code,
    level,
    section: r.string('section', /^[A-T]$/),
    ...(parentCode === undefined ? {} : { parentCode }),
    nameZh: r.string('nameZh'),
    nameEn: r.string('nameEn'),
    ...(level === 'section' ? { divisionRange: r.stringPair('divisionRange', /^\d{2}$/) } : {}),
    ...(note === undefined ? {} : { note, noteTag: r.oneOf('noteTag', PROVENANCE_TAGS) }),
  };
});

const byCode = indexBy('industries.json', industriesFile.items, (i) => i.code);
const sections = industriesFile.items.filter((i) => i.level === 'section');

// Every listed code must sit in the section its division range says, under a listed parent.
for (const industry of industriesFile.items) {
  if (industry.level === 'section') continue;
  const section = sectionOfDivision(industry.code.slice(0, 2));
  if (section?.code !== industry.section) {
    throw new AppError('CONFIG', `reference/industries.json: ${industry.code} is not in section ${industry.section}`);
  }
  if (industry.parentCode !== undefined && !byCode.has(industry.parentCode)) {
    throw new AppError('CONFIG', `reference/industries.json: ${industry.code} has no parent ${industry.parentCode}`);
  }
}

function sectionOfDivision(division: string): Industry | undefined {
  return sections.find((s) => s.divisionRange !== undefined && division >= s.divisionRange[0] && division <= s.divisionRange[1]);
}

/**
 * The code as the standard writes it. Accepts a section-prefixed form ('C2614' → '2614',
 * 'c26' → '26') and surrounding spaces; returns undefined for anything else.
 */
export function normalizeIndustryCode(code: string): string | undefined {
  const trimmed = code.trim().toUpperCase();
  const match = /^([A-T])?(\d{2,4})$/.exec(trimmed);
  if (match) {
    const digits = match[2] ?? '';
    // A prefix must agree with the digits' section: 'B2614' is a typo, not a code.
    if (match[1] !== undefined && sectionOfDivision(digits.slice(0, 2))?.code !== match[1]) return undefined;
    return digits;
  }
  return /^[A-T]$/.test(trimmed) ? trimmed : undefined;
}

export function findIndustry(code: string): Industry | undefined {
  const normalized = normalizeIndustryCode(code);
  return normalized === undefined ? undefined : byCode.get(normalized);
}

export function getIndustry(code: string): Industry {
  const industry = findIndustry(code);
  if (!industry) throw notFound(`industry ${code}`);
  return industry;
}

/**
 * The section of any well-formed code, listed or not (by the sections' division ranges):
 * '2614' → C 制造业, '4411' → D. Throws VALIDATION for a malformed code.
 */
export function industrySectionOf(code: string): Industry {
  const normalized = normalizeIndustryCode(code);
  if (normalized === undefined) throw invalid('industryCode', `"${code}" is not a GB/T 4754-2017 code`);
  const section = /^[A-T]$/.test(normalized) ? byCode.get(normalized) : sectionOfDivision(normalized.slice(0, 2));
  if (!section) throw invalid('industryCode', `"${code}" falls in no GB/T 4754-2017 section`);
  return section;
}

/** The listed ancestors of a code, section first: '2614' → [C, 26, 261, 2614]. */
export function industryPathOf(code: string): readonly Industry[] {
  const normalized = normalizeIndustryCode(code);
  if (normalized === undefined) throw invalid('industryCode', `"${code}" is not a GB/T 4754-2017 code`);
  const path = [industrySectionOf(normalized)];
  for (const length of [2, 3, 4]) {
    if (normalized.length < length) break;
    const industry = byCode.get(normalized.slice(0, length));
    if (industry) path.push(industry);
  }
  return path;
}

export function listIndustrySections(): readonly Industry[] {
  return sections;
}

/** The 31 manufacturing divisions 13–43. */
export function listManufacturingDivisions(): readonly Industry[] {
  return industriesFile.items.filter((i) => i.level === 'division' && i.section === 'C');
}

/** The listed children of a code: 'C' → divisions, '26' → groups, '261' → classes. */
export function listIndustryChildren(code: string): readonly Industry[] {
  const normalized = normalizeIndustryCode(code);
  return industriesFile.items.filter((i) => i.parentCode !== undefined && i.parentCode === normalized);
}

/** True when the code is well formed and falls in section C (manufacturing). */
export function isManufacturing(code: string): boolean {
  const normalized = normalizeIndustryCode(code);
  if (normalized === undefined) return false;
  if (/^[A-T]$/.test(normalized)) return normalized === 'C';
  return sectionOfDivision(normalized.slice(0, 2))?.code === 'C';
}
