/**
 * Batch names as the programme writes them (domain.md §8): "第N批" for the numbered
 * batches (1–5 nationally, provinces count their own), then "YYYY年度". Provincial and
 * city lists carry the region's name: 江西省第二批绿色工厂名单, 九江市2025年度绿色工厂名单.
 */
import { invalid } from '../errors.ts';
import { findRegion } from '../reference/regions.ts';
import type { ProgrammeCode } from '../programmes/programmes.ts';
import type { Tier } from './application-states.ts';

const LIST_NAMES: Readonly<Record<ProgrammeCode, { zh: string; en: string; slug: string }>> = {
  green_factory: { zh: '绿色工厂名单', en: 'green factories', slug: 'factory' },
  green_park: { zh: '绿色工业园区名单', en: 'green industrial parks', slug: 'park' },
  green_supply_chain: { zh: '绿色供应链管理企业名单', en: 'green supply-chain management enterprises', slug: 'supply-chain' },
  green_design_product: { zh: '绿色设计产品名单', en: 'green-design products', slug: 'design-product' },
  system_integration: { zh: '绿色制造系统集成项目名单', en: 'green-manufacturing system-integration projects', slug: 'system-integration' },
};

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function chineseOrdinalNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw invalid('ordinal', 'must be an integer from 1 to 99');
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

function englishOrdinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export interface BatchNameInput {
  programme: ProgrammeCode;
  tier: Tier;
  /** GB/T 2260 code of the authority's region ('000000' nationally). */
  regionCode: string;
  /** 第N批 when given, else YYYY年度. */
  ordinal: number | null;
  year: number;
}

export interface BatchName {
  nameZh: string;
  nameEn: string;
  slug: string;
}

export function batchName(input: BatchNameInput): BatchName {
  const list = LIST_NAMES[input.programme];
  if (!Number.isInteger(input.year) || input.year < 2016 || input.year > 2100) throw invalid('year', 'must be a year from 2016 (the programme began) to 2100');
  const region = input.tier === 'national' ? undefined : findRegion(input.regionCode);
  if (input.tier !== 'national' && region === undefined) throw invalid('regionCode', `unknown region ${input.regionCode}`);
  const prefixZh = region?.nameZh ?? '';
  const englishList = list.en.charAt(0).toUpperCase() + list.en.slice(1);
  const listEn = region === undefined ? englishList : `${region.nameEn} ${list.en}`;
  const scope = region === undefined ? 'national' : region.nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const level = input.tier === 'province' ? 'provincial ' : input.tier === 'city' ? 'city ' : '';
  if (input.ordinal !== null) {
    const nameZh = `${prefixZh}第${chineseOrdinalNumber(input.ordinal)}批${list.zh}`;
    return { nameZh, nameEn: `${listEn}, ${englishOrdinal(input.ordinal)} ${level}batch`, slug: `${scope}-${list.slug}-${input.ordinal}` };
  }
  return { nameZh: `${prefixZh}${input.year}年度${list.zh}`, nameEn: `${listEn}, ${input.year} ${level}list`, slug: `${scope}-${list.slug}-${input.year}` };
}
