/**
 * The columns of the open-data downloads, each with a stable machine key and Chinese and
 * English labels; CSV and XLSX headers read "中文 / key" so people and programs both
 * find their way. Region and industry names come from the reference data.
 */
import { findCity, findProvince } from '../../domain/reference/regions.ts';
import { findIndustry } from '../../domain/reference/industries.ts';
import type { OpenDataRow } from '../../store/queries/open-data-rows.ts';

export interface SheetColumn<Row> {
  key: string;
  zh: string;
  en: string;
  value(row: Row): string | number | null;
}

export function headerOf(column: SheetColumn<unknown>): string {
  return `${column.zh} / ${column.key}`;
}

export function provinceName(code: string): string {
  return findProvince(code)?.nameZh ?? '';
}

export function cityName(code: string): string {
  return findCity(code)?.nameZh ?? '';
}

/** The class name where the reference holds it, else its division's. */
export function industryName(code: string): string {
  return (findIndustry(code) ?? findIndustry(code.slice(0, 2)))?.nameZh ?? '';
}

/** What every list row carries: the open-data read model's row. */
export type ListSheetRow = OpenDataRow;

export function listColumns(publicUrl: string): SheetColumn<ListSheetRow>[] {
  return [
    { key: 'entry_id', zh: '条目编号', en: 'Entry id', value: (r) => r.entryId },
    { key: 'batch', zh: '批次代码', en: 'Batch', value: (r) => r.batchSlug },
    { key: 'batch_name_zh', zh: '批次名称', en: 'Batch name (Chinese)', value: (r) => r.batchNameZh },
    { key: 'batch_name_en', zh: '批次英文名称', en: 'Batch name (English)', value: (r) => r.batchNameEn },
    { key: 'programme', zh: '名单类型', en: 'Programme', value: (r) => r.programmeCode },
    { key: 'tier', zh: '层级', en: 'Tier', value: (r) => r.tier },
    { key: 'credit_code', zh: '统一社会信用代码', en: 'Unified social credit code', value: (r) => r.creditCode },
    { key: 'name_zh', zh: '企业名称', en: 'Name (Chinese)', value: (r) => r.nameZh },
    { key: 'name_en', zh: '英文名称', en: 'Name (English)', value: (r) => r.nameEn },
    { key: 'province_code', zh: '省级行政区划代码', en: 'Province code (GB/T 2260)', value: (r) => r.provinceCode },
    { key: 'province', zh: '省份', en: 'Province', value: (r) => provinceName(r.provinceCode) },
    { key: 'city_code', zh: '地市行政区划代码', en: 'City code (GB/T 2260)', value: (r) => r.cityCode },
    { key: 'city', zh: '地市', en: 'City', value: (r) => cityName(r.cityCode) },
    { key: 'industry_code', zh: '行业代码', en: 'Industry code (GB/T 4754-2017)', value: (r) => r.industryCode },
    { key: 'industry', zh: '行业', en: 'Industry', value: (r) => industryName(r.industryCode) },
    { key: 'status', zh: '状态', en: 'Status', value: (r) => r.status },
    { key: 'listed_on', zh: '入选日期', en: 'Listed on', value: (r) => r.listedOn },
    { key: 'removed_on', zh: '移出日期', en: 'Removed on', value: (r) => r.removedOn },
    { key: 'removal_reason', zh: '移出原因', en: 'Removal reason', value: (r) => r.removalReason },
    { key: 'removal_mode', zh: '移出方式', en: 'Removal mode', value: (r) => r.removalMode },
    { key: 'renamed_from', zh: '原名称', en: 'Former name', value: (r) => r.renamedFrom },
    { key: 'renamed_on', zh: '更名日期', en: 'Renamed on', value: (r) => r.renamedOn },
    { key: 'enterprise_url', zh: '企业页面', en: 'Enterprise page', value: (r) => `${publicUrl}/enterprises/${r.enterpriseId}` },
  ];
}

export interface DiffSheetRow {
  change: 'added' | 'removed' | 'renamed';
  entryId: number;
  enterpriseId: number;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
  cityCode: string;
  industryCode: string;
  batchSlug: string;
  date: string | null;
  reason: string | null;
  mode: string | null;
  from: string | null;
}

export function diffColumns(publicUrl: string): SheetColumn<DiffSheetRow>[] {
  return [
    { key: 'change', zh: '变化', en: 'Change (added / removed / renamed)', value: (r) => r.change },
    { key: 'entry_id', zh: '条目编号', en: 'Entry id', value: (r) => r.entryId },
    { key: 'batch', zh: '所属批次', en: 'Batch of the entry', value: (r) => r.batchSlug },
    { key: 'name_zh', zh: '企业名称', en: 'Name (Chinese)', value: (r) => r.nameZh },
    { key: 'name_en', zh: '英文名称', en: 'Name (English)', value: (r) => r.nameEn },
    { key: 'province_code', zh: '省级行政区划代码', en: 'Province code', value: (r) => r.provinceCode },
    { key: 'province', zh: '省份', en: 'Province', value: (r) => provinceName(r.provinceCode) },
    { key: 'city_code', zh: '地市行政区划代码', en: 'City code', value: (r) => r.cityCode },
    { key: 'industry_code', zh: '行业代码', en: 'Industry code', value: (r) => r.industryCode },
    { key: 'date', zh: '日期', en: 'Date', value: (r) => r.date },
    { key: 'reason', zh: '移出原因', en: 'Removal reason', value: (r) => r.reason },
    { key: 'mode', zh: '移出方式', en: 'Removal mode', value: (r) => r.mode },
    { key: 'renamed_from', zh: '原名称', en: 'Former name', value: (r) => r.from },
    { key: 'enterprise_url', zh: '企业页面', en: 'Enterprise page', value: (r) => `${publicUrl}/enterprises/${r.enterpriseId}` },
  ];
}
