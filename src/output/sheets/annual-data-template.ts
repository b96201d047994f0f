/**
 * The annual-data workbook an enterprise downloads, fills in Excel (or WPS) and uploads
 * back: a README sheet, one sheet per part of AnnualData (能源, 产品与产值, 用地, 水, 固废,
 * 物料, 其他) with Chinese and English headers, and drop-down lists for carriers, units,
 * electricity origins and the regional grid (from the engine's factor set, on a hidden
 * `lists` sheet). When data are given, the cells come filled with them.
 */
import ExcelJS from 'exceljs';
import type { AnnualData } from '../../engine/index.ts';
import {
  carrierChoices, energyUnits, ENERGY_COLUMNS, gridRegionChoices, header, LISTS_SHEET, originChoices, OUTPUT_VALUE_FIELD, PRODUCT_COLUMNS,
  productUnits, README_SHEET, SHEETS, VALUE_COLUMNS, VALUE_SHEETS, type Choice,
} from './annual-data-layout.ts';

export interface AnnualDataTemplateInput {
  year: number;
  /** Filled in when given (the factory-year as declared so far). */
  data?: AnnualData | null;
  /** Shown on the README sheet: enterprise and factory the workbook is for. */
  title?: string;
  /** Rows offered for energy lines and products (more may be added below). */
  blankRows?: number;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F2EC' } };
const KEY_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF4F5953' }, size: 9 };
/** Data validation reaches this far down the table sheets. */
const LAST_ROW = 500;

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FF0B3D2C' } };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
}

/** exceljs keeps data validations on the worksheet; its type declarations leave the property out. */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

function listValidation(range: string, prompt: string): ExcelJS.DataValidation {
  return { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle: 'warning', errorTitle: '请从列表中选择 / Choose from the list', error: prompt };
}

type ListName = 'carriers' | 'units' | 'products' | 'grids' | 'origins';
type ListRanges = Record<ListName, string>;

function listColumns(): [ListName, string[]][] {
  return [
    ['carriers', carrierChoices().map((c) => c.label)],
    ['units', energyUnits()],
    ['products', productUnits()],
    ['grids', gridRegionChoices().map((c) => c.label)],
    ['origins', originChoices().map((c) => c.label)],
  ];
}

/** Where each list will sit on the hidden sheet (written last, so it ends the tab order). */
function listRanges(): ListRanges {
  return Object.fromEntries(listColumns().map(([key, values], index) => {
    const letter = String.fromCharCode(65 + index);
    return [key, `${LISTS_SHEET}!$${letter}$2:$${letter}$${values.length + 1}`];
  })) as ListRanges;
}

function writeLists(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  listColumns().forEach(([key, values], index) => {
    const letter = String.fromCharCode(65 + index);
    sheet.getCell(`${letter}1`).value = key;
    values.forEach((value, row) => (sheet.getCell(`${letter}${row + 2}`).value = value));
  });
}

function labelOf(choices: readonly Choice[], value: string | undefined): string | undefined {
  return value === undefined ? undefined : (choices.find((c) => c.value === value)?.label ?? value);
}

function writeReadme(workbook: ExcelJS.Workbook, input: AnnualDataTemplateInput): void {
  const sheet = workbook.addWorksheet(README_SHEET);
  sheet.getColumn(1).width = 110;
  const lines = [
    `绿色工厂年度数据填报表（AnnualData v1）· Annual data workbook (AnnualData v1) · ${input.year}`,
    input.title ?? '',
    '',
    '填写说明：',
    '1. 每个工作表对应年度数据的一部分：能源、产品与产值、用地、水、固废、物料、其他。表头为中文和英文。',
    '2. 能源品种、计量单位、电力来源、区域电网请从下拉列表中选择；数值请填数字（可含千分位逗号），不填表示未报告。',
    '3. 单值工作表中，A列为字段代码，请勿修改；只在“数值”列填写。能源和产品每行一项，可在表格下方继续添加行。',
    '4. 上传后系统逐行检查：有错误时不保存任何数据，并按工作表、行、列列出原因。',
    '',
    'How to fill in:',
    '1. Each sheet holds one part of the year: energy, output, land, water, solid waste, materials, other. Headers are in Chinese and English.',
    '2. Choose carriers, units, electricity origin and the regional grid from the drop-down lists; type numbers (thousands commas allowed); leave a cell empty for "not reported".',
    '3. On the single-value sheets column A holds the field key: keep it, fill only the Value column. Energy lines and products go one per row; add rows below the table.',
    '4. On upload every row is checked: if any is wrong nothing is stored, and each problem is listed by sheet, row and column.',
  ];
  lines.forEach((text, index) => {
    const cell = sheet.getCell(`A${index + 1}`);
    cell.value = text;
    if (index === 0) cell.font = { bold: true, size: 13, color: { argb: 'FF0B3D2C' } };
  });
}

function writeEnergy(workbook: ExcelJS.Workbook, input: AnnualDataTemplateInput, ranges: ListRanges): void {
  const sheet = workbook.addWorksheet(SHEETS.energy.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ENERGY_COLUMNS.map((c, index) => ({ header: header(c), key: c.key, width: index === 0 ? 26 : index >= 3 ? 30 : 16 }));
  styleHeader(sheet.getRow(1));
  const carriers = carrierChoices();
  const origins = originChoices();
  for (const entry of input.data?.energy ?? []) {
    sheet.addRow({ carrier: labelOf(carriers, entry.carrier), quantity: entry.quantity, unit: entry.unit, origin: labelOf(origins, entry.origin), enthalpyKjPerKg: entry.enthalpyKjPerKg });
  }
  validations(sheet).add(`A2:A${LAST_ROW}`, listValidation(ranges.carriers, '能源品种 / carrier'));
  validations(sheet).add(`C2:C${LAST_ROW}`, listValidation(ranges.units, '计量单位 / unit'));
  validations(sheet).add(`D2:D${LAST_ROW}`, listValidation(ranges.origins, '电力来源 / electricity origin'));
  validations(sheet).add(`B2:B${LAST_ROW}`, { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorStyle: 'warning', error: '请填写非负数 / a number ≥ 0' });
}

function writeValueRows(sheet: ExcelJS.Worksheet, fields: readonly { key: string; zh: string; en: string; unit: string }[], values: Record<string, string | number | undefined>): void {
  for (const field of fields) {
    const row = sheet.addRow([field.key, `${field.zh} / ${field.en}`, values[field.key] ?? null, field.unit]);
    row.getCell(1).font = KEY_FONT;
  }
}

function valueSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 24 }, { width: 40 }, { width: 18 }, { width: 10 }];
  sheet.addRow(VALUE_COLUMNS.map(header));
  styleHeader(sheet.getRow(1));
  return sheet;
}

function writeOutput(workbook: ExcelJS.Workbook, input: AnnualDataTemplateInput, ranges: ListRanges): void {
  const sheet = valueSheet(workbook, SHEETS.output.name);
  sheet.getColumn(1).width = 30;
  writeValueRows(sheet, [OUTPUT_VALUE_FIELD], { valueTenThousandYuan: input.data?.output?.valueTenThousandYuan });
  sheet.addRow([]);
  const headerRow = sheet.addRow(PRODUCT_COLUMNS.map(header));
  styleHeader(headerRow);
  const first = headerRow.number + 1;
  for (const product of input.data?.output?.products ?? []) sheet.addRow([product.name, product.quantity, product.unit]);
  validations(sheet).add(`C${first}:C${LAST_ROW}`, listValidation(ranges.products, '产品单位 / product unit'));
}

/** The workbook as an .xlsx file. */
export async function writeAnnualDataTemplate(input: AnnualDataTemplateInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'greenlist';
  workbook.title = `AnnualData ${input.year}`;
  writeReadme(workbook, input);
  const lists = listRanges();
  writeEnergy(workbook, input, lists);
  writeOutput(workbook, input, lists);
  for (const { sheet: name, section, fields } of VALUE_SHEETS) {
    const sheet = valueSheet(workbook, name.name);
    const data = input.data;
    const values: Record<string, string | number | undefined> = section === 'other'
      ? { year: data?.year ?? input.year, gridRegion: labelOf(gridRegionChoices(), data?.gridRegion), processEmissionsTCO2e: data?.processEmissionsTCO2e }
      : { ...((data?.[section] ?? {}) as Record<string, number>) };
    writeValueRows(sheet, fields, values);
    if (section === 'other') {
      const gridRow = fields.findIndex((f) => f.key === 'gridRegion') + 2;
      validations(sheet).add(`C${gridRow}`, listValidation(lists.grids, '区域电网 / regional grid'));
    }
  }
  writeLists(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
