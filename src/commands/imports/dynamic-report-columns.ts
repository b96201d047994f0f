/**
 * Dynamic-report CSV v1 (docs/formats/dynamic-report-csv.md): one row per listed
 * factory-year, its columns mapped onto AnnualData v1 (design.md). Keys are stable —
 * extend, never rename. A header cell may be the key, the Chinese label, an alias, or
 * "中文 / key" as the open-data downloads and our own template write it; matching ignores
 * case, spaces and full-width forms (NFKC: （m³） reads as (m3)).
 */

/** Where a column's value goes in AnnualData v1. */
export type ColumnTarget =
  | { kind: 'credit-code' }
  | { kind: 'year' }
  | { kind: 'list-entry' }
  | { kind: 'grid-region' }
  /** Read by people, ignored on import (the enterprise's name as the template writes it). */
  | { kind: 'note' }
  | { kind: 'energy'; carrier: string; unit: string; origin?: 'onsite_renewable' | 'green_power' }
  | { kind: 'product-name' }
  | { kind: 'product-quantity' }
  | { kind: 'product-unit' }
  | { kind: 'quantity'; section: 'output' | 'land' | 'water' | 'solidWaste' | 'materials' | 'root'; field: string };

export interface DynamicReportColumn {
  key: string;
  zh: string;
  en: string;
  /** Further headers accepted for this column (Chinese forms seen on provincial tables). */
  aliases: readonly string[];
  target: ColumnTarget;
}

const energy = (key: string, zh: string, en: string, carrier: string, unit: string, aliases: string[] = [], origin?: 'onsite_renewable' | 'green_power'): DynamicReportColumn => ({
  key,
  zh,
  en,
  aliases,
  target: origin === undefined ? { kind: 'energy', carrier, unit } : { kind: 'energy', carrier, unit, origin },
});

const quantity = (key: string, zh: string, en: string, section: 'output' | 'land' | 'water' | 'solidWaste' | 'materials' | 'root', field: string, aliases: string[] = []): DynamicReportColumn => ({ key, zh, en, aliases, target: { kind: 'quantity', section, field } });

/** Every column of v1, in the order the template writes them. */
export const DYNAMIC_REPORT_COLUMNS: readonly DynamicReportColumn[] = [
  { key: 'credit_code', zh: '统一社会信用代码', en: 'Unified social credit code (GB 32100)', aliases: ['信用代码', '社会信用代码'], target: { kind: 'credit-code' } },
  { key: 'year', zh: '数据年度', en: 'Data year (the year reported, e.g. 2025 for the table filed by 2026-04-15)', aliases: ['年度', '报告年度', '年份'], target: { kind: 'year' } },
  { key: 'list_entry_id', zh: '名单条目编号', en: 'List entry id (only where one enterprise has several listed factories)', aliases: ['条目编号', 'entry_id'], target: { kind: 'list-entry' } },
  { key: 'enterprise_name', zh: '企业名称', en: 'Enterprise name (for people; not read)', aliases: ['单位名称', 'name_zh'], target: { kind: 'note' } },
  { key: 'grid_region', zh: '电网区域', en: 'Regional grid (national, north, northeast, east, central, northwest, south, southwest or 华北…); empty: the factory’s region', aliases: ['区域电网'], target: { kind: 'grid-region' } },
  energy('electricity_kwh', '电力（kWh）', 'Electricity from the grid, kWh', 'electricity', 'kWh', ['用电量（kWh）', '电力（千瓦时）', '外购电力（kWh）']),
  energy('electricity_onsite_renewable_kwh', '自发可再生能源电力（kWh）', 'Electricity from on-site renewables, kWh', 'electricity', 'kWh', ['自发绿电（kWh）'], 'onsite_renewable'),
  energy('electricity_green_power_kwh', '绿电交易电量（kWh）', 'Green-power purchases, kWh', 'electricity', 'kWh', ['绿色电力（kWh）'], 'green_power'),
  energy('raw_coal_t', '原煤（t）', 'Raw coal, t', 'raw_coal', 't', ['原煤（吨）']),
  energy('washed_coal_t', '洗精煤（t）', 'Washed coal, t', 'washed_coal', 't', ['洗精煤（吨）']),
  energy('coke_t', '焦炭（t）', 'Coke, t', 'coke', 't', ['焦炭（吨）']),
  energy('crude_oil_t', '原油（t）', 'Crude oil, t', 'crude_oil', 't', ['原油（吨）']),
  energy('fuel_oil_t', '燃料油（t）', 'Fuel oil, t', 'fuel_oil', 't', ['燃料油（吨）']),
  energy('gasoline_t', '汽油（t）', 'Gasoline, t', 'gasoline', 't', ['汽油（吨）']),
  energy('kerosene_t', '煤油（t）', 'Kerosene, t', 'kerosene', 't', ['煤油（吨）']),
  energy('diesel_t', '柴油（t）', 'Diesel, t', 'diesel', 't', ['柴油（吨）']),
  energy('lpg_t', '液化石油气（t）', 'LPG, t', 'lpg', 't', ['液化石油气（吨）']),
  energy('refinery_gas_t', '炼厂干气（t）', 'Refinery dry gas, t', 'refinery_gas', 't', ['炼厂干气（吨）']),
  energy('natural_gas_m3', '天然气（m³）', 'Natural gas, m³', 'natural_gas', 'm3', ['天然气（立方米）']),
  energy('natural_gas_gasfield_m3', '气田天然气（m³）', 'Gas-field natural gas, m³', 'natural_gas_gasfield', 'm3', ['气田天然气（立方米）']),
  energy('steam_t', '蒸汽（t）', 'Steam (low pressure), t', 'steam', 't', ['蒸汽（吨）']),
  energy('heat_gj', '热力（GJ）', 'Heat, GJ', 'heat', 'GJ', ['热力（吉焦）']),
  { key: 'product_name', zh: '主要产品', en: 'Main product', aliases: ['产品名称'], target: { kind: 'product-name' } },
  { key: 'output_quantity', zh: '产量', en: 'Output of the main product', aliases: ['产品产量'], target: { kind: 'product-quantity' } },
  { key: 'output_unit', zh: '产量单位', en: 'Unit of the output (t, m3, m2, piece, set, vehicle or 吨…)', aliases: ['计量单位'], target: { kind: 'product-unit' } },
  quantity('output_value_10k_yuan', '工业总产值（万元）', 'Output value, 10⁴ yuan', 'output', 'valueTenThousandYuan', ['产值（万元）']),
  quantity('site_area_m2', '用地面积（m²）', 'Site area, m²', 'land', 'siteAreaM2', ['厂区用地面积（m²）']),
  quantity('footprint_m2', '建筑物基底面积（m²）', 'Building footprint, m²', 'land', 'footprintM2', ['建（构）筑物占地面积（m²）']),
  quantity('floor_area_m2', '总建筑面积（m²）', 'Gross floor area, m²', 'land', 'floorAreaM2', ['建筑面积（m²）']),
  quantity('water_withdrawal_m3', '取水量（m³）', 'Water withdrawal, m³', 'water', 'withdrawalM3', ['新鲜水取水量（m³）']),
  quantity('water_reused_m3', '重复利用水量（m³）', 'Water reused, m³', 'water', 'reusedM3', ['重复用水量（m³）']),
  quantity('wastewater_treated_m3', '废水处理量（m³）', 'Wastewater treated, m³', 'water', 'wastewaterTreatedM3'),
  quantity('wastewater_reused_m3', '废水回用量（m³）', 'Wastewater reused, m³', 'water', 'wastewaterReusedM3'),
  quantity('solid_waste_generated_t', '工业固体废物产生量（t）', 'Industrial solid waste generated, t', 'solidWaste', 'generatedT', ['固废产生量（t）']),
  quantity('solid_waste_utilized_t', '工业固体废物综合利用量（t）', 'Industrial solid waste utilised (including prior stock), t', 'solidWaste', 'utilizedT', ['固废综合利用量（t）']),
  quantity('solid_waste_prior_stock_utilized_t', '综合利用往年贮存量（t）', 'Prior-year stock utilised, t', 'solidWaste', 'priorStockUtilizedT'),
  quantity('green_materials_t', '绿色物料使用量（t）', 'Green materials used, t', 'materials', 'greenT'),
  quantity('materials_total_t', '物料使用总量（t）', 'Materials used in total, t', 'materials', 'totalT'),
  quantity('process_emissions_tco2e', '工业过程排放（tCO₂e）', 'Process emissions, tCO₂e', 'root', 'processEmissionsTCO2e', ['过程排放（tCO₂e）']),
];

/** Columns a file must have. */
export const REQUIRED_COLUMN_KEYS: readonly string[] = ['credit_code', 'year'];

/** Header text as compared: NFKC (full-width forms, ³ and ₂ become ASCII), lower case, no spaces. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const BY_HEADER = new Map<string, DynamicReportColumn>();
for (const column of DYNAMIC_REPORT_COLUMNS) {
  for (const name of [column.key, column.zh, ...column.aliases]) {
    const normalised = normaliseHeader(name);
    if (BY_HEADER.has(normalised)) throw new Error(`dynamic-report columns: header "${name}" is used twice`);
    BY_HEADER.set(normalised, column);
  }
}

/** The column a header cell names, or undefined. "中文 / key" cells are read by either half. */
export function columnOfHeader(cell: string): DynamicReportColumn | undefined {
  const direct = BY_HEADER.get(normaliseHeader(cell));
  if (direct !== undefined) return direct;
  const slash = cell.lastIndexOf('/');
  if (slash < 0) return undefined;
  return BY_HEADER.get(normaliseHeader(cell.slice(slash + 1))) ?? BY_HEADER.get(normaliseHeader(cell.slice(0, slash)));
}

export interface HeaderProblem {
  column: string;
  reason: string;
}

export interface MappedHeader {
  /** For each cell index, its column (undefined for an empty header cell). */
  columns: (DynamicReportColumn | undefined)[];
  problems: HeaderProblem[];
}

/** Maps a header row; unknown, repeated and missing required columns are problems (never dropped silently). */
export function mapDynamicReportHeader(cells: readonly (string | number | null)[]): MappedHeader {
  const columns: (DynamicReportColumn | undefined)[] = [];
  const problems: HeaderProblem[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    const text = cell === null ? '' : String(cell).trim();
    if (text === '') {
      columns.push(undefined);
      continue;
    }
    const column = columnOfHeader(text);
    if (column === undefined) problems.push({ column: text, reason: 'unknown column; see docs/formats/dynamic-report-csv.md / 未知列名' });
    else if (seen.has(column.key)) problems.push({ column: text, reason: `column ${column.key} appears twice / 列重复` });
    else seen.add(column.key);
    columns.push(column !== undefined && !problems.some((p) => p.column === text) ? column : undefined);
  }
  for (const key of REQUIRED_COLUMN_KEYS) {
    if (!seen.has(key)) problems.push({ column: key, reason: 'required column is missing from the header / 表头缺少必填列' });
  }
  return { columns, problems };
}

/** True when a header row looks like a dynamic-report file (names the credit code and the year). */
export function isDynamicReportHeader(cells: readonly (string | number | null)[]): boolean {
  const keys = new Set(cells.map((cell) => (cell === null ? undefined : columnOfHeader(String(cell).trim())?.key)));
  return REQUIRED_COLUMN_KEYS.every((key) => keys.has(key));
}
