/**
 * The layout of the annual-data workbook (AnnualData v1, design.md), shared by the template
 * writer (annual-data-template.ts) and the importer (commands/annual-data/
 * import-annual-data-workbook.ts): one sheet per part of AnnualData with Chinese and
 * English headers, the machine key of every single-value field in column A (so rows may be
 * moved), and the choices the drop-down lists offer, taken from the engine's factor set.
 */
import { getFactorSet, GRID_REGIONS, ELECTRICITY_ORIGINS } from '../../engine/index.ts';
import { CALORIFIC_UNITS, MEASURE_UNITS, PRODUCT_UNITS, STANDARD_COAL_UNITS } from '../../engine/units.ts';
import { listGridRegions } from '../../domain/reference/grid-regions.ts';

export interface SheetName {
  /** The part of AnnualData the sheet holds. */
  part: 'energy' | 'output' | 'land' | 'water' | 'solidWaste' | 'materials' | 'other';
  /** The sheet's name in the workbook: Chinese and English. */
  name: string;
  zh: string;
  en: string;
}

export const SHEETS: Readonly<Record<SheetName['part'], SheetName>> = {
  energy: { part: 'energy', name: '能源 energy', zh: '能源', en: 'energy' },
  output: { part: 'output', name: '产品与产值 output', zh: '产品与产值', en: 'output' },
  land: { part: 'land', name: '用地 land', zh: '用地', en: 'land' },
  water: { part: 'water', name: '水 water', zh: '水', en: 'water' },
  solidWaste: { part: 'solidWaste', name: '固废 solid waste', zh: '固废', en: 'solid waste' },
  materials: { part: 'materials', name: '物料 materials', zh: '物料', en: 'materials' },
  other: { part: 'other', name: '其他 other', zh: '其他', en: 'other' },
};

export const README_SHEET = '说明 README';
export const LISTS_SHEET = 'lists';

/** A single-value field: its key (column A), labels, unit. */
export interface ValueField {
  key: string;
  zh: string;
  en: string;
  unit: string;
}

/** The single-value sheets and their fields, in AnnualData's order. */
export const VALUE_SHEETS: readonly { sheet: SheetName; section: 'land' | 'water' | 'solidWaste' | 'materials' | 'other'; fields: readonly ValueField[] }[] = [
  {
    sheet: SHEETS.land,
    section: 'land',
    fields: [
      { key: 'siteAreaM2', zh: '厂区用地面积', en: 'Site area', unit: 'm²' },
      { key: 'footprintM2', zh: '建(构)筑物占地面积', en: 'Building footprint', unit: 'm²' },
      { key: 'floorAreaM2', zh: '计容建筑面积', en: 'Floor area counted for the plot ratio', unit: 'm²' },
    ],
  },
  {
    sheet: SHEETS.water,
    section: 'water',
    fields: [
      { key: 'withdrawalM3', zh: '取水量', en: 'Water withdrawal', unit: 'm³' },
      { key: 'reusedM3', zh: '重复利用水量', en: 'Water reused', unit: 'm³' },
      { key: 'wastewaterTreatedM3', zh: '废水处理量', en: 'Wastewater treated', unit: 'm³' },
      { key: 'wastewaterReusedM3', zh: '废水回用量', en: 'Treated wastewater reused', unit: 'm³' },
    ],
  },
  {
    sheet: SHEETS.solidWaste,
    section: 'solidWaste',
    fields: [
      { key: 'generatedT', zh: '一般工业固废产生量', en: 'Solid waste generated', unit: 't' },
      { key: 'utilizedT', zh: '综合利用量', en: 'Solid waste utilised', unit: 't' },
      { key: 'priorStockUtilizedT', zh: '综合利用往年贮存量', en: 'Prior-year stock utilised', unit: 't' },
    ],
  },
  {
    sheet: SHEETS.materials,
    section: 'materials',
    fields: [
      { key: 'greenT', zh: '绿色物料使用量', en: 'Green materials used', unit: 't' },
      { key: 'totalT', zh: '同类物料总使用量', en: 'All materials of the kind', unit: 't' },
    ],
  },
  {
    sheet: SHEETS.other,
    section: 'other',
    fields: [
      { key: 'year', zh: '数据年度', en: 'Data year', unit: '' },
      { key: 'gridRegion', zh: '所在区域电网', en: 'Regional grid', unit: '' },
      { key: 'processEmissionsTCO2e', zh: '工业生产过程排放', en: 'Process emissions', unit: 'tCO2e' },
    ],
  },
];

/** The output sheet: the output value as a key row, then the products table under its header. */
export const OUTPUT_VALUE_FIELD: ValueField = { key: 'valueTenThousandYuan', zh: '工业总产值', en: 'Industrial output value', unit: '万元' };
export const PRODUCT_HEADER_MARK = '产品名称';

/** Columns of the energy sheet and of the products table (A, B, C …). */
export const ENERGY_COLUMNS = [
  { key: 'carrier', zh: '能源品种', en: 'Carrier' },
  { key: 'quantity', zh: '实物量', en: 'Quantity' },
  { key: 'unit', zh: '计量单位', en: 'Unit' },
  { key: 'origin', zh: '电力来源（仅电力）', en: 'Electricity origin (electricity only)' },
  { key: 'enthalpyKjPerKg', zh: '蒸汽焓值 kJ/kg（仅蒸汽）', en: 'Steam enthalpy kJ/kg (steam only)' },
] as const;

export const PRODUCT_COLUMNS = [
  { key: 'name', zh: PRODUCT_HEADER_MARK, en: 'Product' },
  { key: 'quantity', zh: '产量', en: 'Quantity' },
  { key: 'unit', zh: '单位', en: 'Unit' },
] as const;

export const VALUE_COLUMNS = [
  { zh: '字段', en: 'Field' },
  { zh: '项目', en: 'Item' },
  { zh: '数值', en: 'Value' },
  { zh: '单位', en: 'Unit' },
] as const;

/** Column letter of a 1-based column number (A … Z is all the layout needs). */
export function columnLetter(column: number): string {
  return String.fromCharCode(64 + column);
}

export function header(column: { zh: string; en: string }): string {
  return `${column.zh} / ${column.en}`;
}

/** A drop-down choice: the label shown in the cell ("电力 electricity") and the value it stands for. */
export interface Choice {
  label: string;
  value: string;
}

const GRID_NAMES: Record<string, { zh: string; en: string }> = {
  national: { zh: '全国', en: 'National' },
  ...Object.fromEntries(listGridRegions().map((r) => [r.id, { zh: r.nameZh, en: r.nameEn }])),
};

const ORIGIN_NAMES: Record<(typeof ELECTRICITY_ORIGINS)[number], string> = { grid: '电网购入', onsite_renewable: '自建可再生能源', green_power: '绿电交易' };

export function carrierChoices(): Choice[] {
  return [...getFactorSet().carriers.values()].map((c) => ({ label: `${c.nameZh} ${c.id}`, value: c.id }));
}

export function gridRegionChoices(): Choice[] {
  return GRID_REGIONS.map((id) => ({ label: `${GRID_NAMES[id]?.zh ?? id} ${id}`, value: id }));
}

export function originChoices(): Choice[] {
  return ELECTRICITY_ORIGINS.map((id) => ({ label: `${ORIGIN_NAMES[id]} ${id}`, value: id }));
}

/** Every unit some carrier of the factor set accepts, in the order of the unit tables. */
export function energyUnits(): string[] {
  const factorSet = getFactorSet();
  const candidates = [...new Set([...Object.values(MEASURE_UNITS).flatMap((units) => Object.keys(units)), ...Object.keys(CALORIFIC_UNITS), ...Object.keys(STANDARD_COAL_UNITS)])];
  return candidates.filter((unit) => [...factorSet.carriers.keys()].some((carrier) => factorSet.conversion(carrier, unit) !== undefined));
}

/** The units a carrier accepts (the form offers only these). */
export function unitsOfCarrier(carrier: string): string[] {
  const factorSet = getFactorSet();
  return energyUnits().filter((unit) => factorSet.conversion(carrier, unit) !== undefined);
}

export function productUnits(): string[] {
  return Object.keys(PRODUCT_UNITS);
}

/**
 * The value a cell's text stands for among choices: the value itself, the label, the
 * Chinese or English part of the label, case-insensitively ('电力', 'Electricity', 'electricity').
 */
export function choiceValue(text: string, choices: readonly Choice[], names: (value: string) => readonly string[] = () => []): string | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return undefined;
  for (const choice of choices) {
    const spellings = [choice.value, choice.label, ...choice.label.split(' '), ...names(choice.value)].map((s) => s.toLowerCase());
    if (spellings.includes(wanted)) return choice.value;
  }
  return undefined;
}

/** Other spellings of a carrier: its English name, and its Chinese name without the bracketed note (天然气). */
export function carrierNames(id: string): string[] {
  const carrier = getFactorSet().carriers.get(id);
  if (carrier === undefined) return [];
  return [carrier.nameEn, carrier.nameZh, carrier.nameZh.replace(/（.*?）|\(.*?\)/g, '')];
}

export function gridRegionNames(id: string): string[] {
  const names = GRID_NAMES[id];
  return names === undefined ? [] : [names.zh, names.en, `${names.zh}电网`];
}
