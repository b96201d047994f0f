/**
 * Certificate numbers: `GF-N-2025-000000-000123` = programme, tier, list year, issuing
 * authority's region (GB/T 2260; 000000 for the nation) and a sequence per prefix.
 * Read left to right a number says what was granted, by whom and for which year's list,
 * and sorts by issue order within that list. The scheme is greenlist's own: who issues
 * green-factory certificates and in what format is not published (domain.md §3.2 [U]).
 */
import type { ProgrammeCode } from '../programmes/programmes.ts';
import { invalid } from '../errors.ts';

export type CertificateTier = 'national' | 'province' | 'city';

export const PROGRAMME_NUMBER_CODES: Readonly<Record<ProgrammeCode, string>> = {
  green_factory: 'GF',
  green_park: 'GP',
  green_supply_chain: 'GS',
  green_design_product: 'GD',
  system_integration: 'SI',
};

export const TIER_NUMBER_CODES: Readonly<Record<CertificateTier, string>> = { national: 'N', province: 'P', city: 'C' };

export interface CertificateNumberParts {
  programme: ProgrammeCode;
  tier: CertificateTier;
  /** The list's year (2025 for 2025年度 lists, 2019 for the 4th batch). */
  year: number;
  /** Six-digit GB/T 2260 code of the issuing authority. */
  regionCode: string;
  /** 1 … 999 999 within the prefix. */
  sequence: number;
}

export const MAX_SEQUENCE = 999_999;
const NUMBER_PATTERN = /^(GF|GP|GS|GD|SI)-(N|P|C)-(\d{4})-(\d{6})-(\d{6})$/;

function invert<K extends string>(table: Readonly<Record<K, string>>): Map<string, K> {
  return new Map(Object.entries(table).map(([key, code]) => [code as string, key as K]));
}
const PROGRAMME_BY_CODE = invert(PROGRAMME_NUMBER_CODES);
const TIER_BY_CODE = invert(TIER_NUMBER_CODES);

/** Everything before the sequence, e.g. `GF-N-2025-000000-`. */
export function certificateNumberPrefix(parts: Omit<CertificateNumberParts, 'sequence'>): string {
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) throw invalid('year', `list year ${parts.year} is not four digits`);
  if (!/^\d{6}$/.test(parts.regionCode)) throw invalid('regionCode', `"${parts.regionCode}" is not a six-digit GB/T 2260 code`);
  return `${PROGRAMME_NUMBER_CODES[parts.programme]}-${TIER_NUMBER_CODES[parts.tier]}-${parts.year}-${parts.regionCode}-`;
}

export function formatCertificateNumber(parts: CertificateNumberParts): string {
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > MAX_SEQUENCE) throw invalid('sequence', `sequence ${parts.sequence} is outside 1…${MAX_SEQUENCE}`);
  return certificateNumberPrefix(parts) + String(parts.sequence).padStart(6, '0');
}

/** The parts of a well-formed number; undefined for anything else (never throws on user input). */
export function parseCertificateNumber(text: string): CertificateNumberParts | undefined {
  const match = NUMBER_PATTERN.exec(text.trim().toUpperCase());
  if (match === null) return undefined;
  const sequence = Number(match[5]);
  if (sequence < 1) return undefined;
  return { programme: PROGRAMME_BY_CODE.get(match[1]!)!, tier: TIER_BY_CODE.get(match[2]!)!, year: Number(match[3]), regionCode: match[4]!, sequence };
}

/** Upper-cases and trims what a visitor typed; the canonical spelling of a number. */
export function normalizeCertificateNumber(text: string): string {
  return text.trim().toUpperCase();
}
