/**
 * Reads an annual-data workbook (the layout of output/sheets/annual-data-layout.ts) into
 * an AnnualData document: the upload is received chunk by chunk with a progress report,
 * then read sheet by sheet, keeping only the values. Every problem is collected, each with its sheet, row, column and a
 * reason in Chinese and English; the document is returned only when there is none.
 * Each energy line and product is checked by the engine's own parser on its own, so a
 * row's reason is the engine's rule, never a second copy of it.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.ts';
import { parseAnnualData, type AnnualData, type EnergyEntry } from '../../engine/index.ts';
import {
  carrierChoices, carrierNames, choiceValue, columnLetter, gridRegionChoices, gridRegionNames, originChoices, OUTPUT_VALUE_FIELD, PRODUCT_HEADER_MARK,
  SHEETS, VALUE_SHEETS, type SheetName,
} from '../../output/sheets/annual-data-layout.ts';

export interface WorkbookProblem {
  sheet: string;
  /** 1-based row; 0 for a problem with the sheet as a whole. */
  row: number;
  /** Column letter, or '' for the sheet as a whole. */
  column: string;
  reason: { zh: string; en: string };
}

export interface WorkbookProgress {
  bytes: number;
  rows: number;
}

export type WorkbookReadResult = { ok: true; data: AnnualData; rows: number } | { ok: false; problems: WorkbookProblem[]; rows: number };

export interface ReadWorkbookOptions {
  /** The factory-year the workbook must be for; an empty year cell takes it. */
  year?: number;
  onProgress?: (progress: WorkbookProgress) => void;
  /** Stop collecting after this many problems (a wrong file would list thousands). */
  maxProblems?: number;
}

type CellValue = string | number | null;

/** A cell's value as text or number: formulas give their result, rich text its characters, dates their ISO day. */
export function cellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'boolean') return String(raw);
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'object') {
    const value = raw as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in value) return cellValue(value.result);
    if (Array.isArray(value.richText)) return cellValue(value.richText.map((part) => part.text).join(''));
    if (typeof value.text === 'string') return cellValue(value.text);
    if (value.error !== undefined) return String(value.error);
  }
  return null;
}

/** A number from a cell: numbers as they are, text with thousands separators or full-width digits read as numbers. */
export function numberOf(value: CellValue): number | undefined {
  if (typeof value === 'number') return value;
  if (value === null) return undefined;
  const normalised = value.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).replace(/[,，\s]/g, '').replace('．', '.');
  return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(normalised) ? Number(normalised) : undefined;
}

function sheetPart(name: string): SheetName | undefined {
  const lower = name.trim().toLowerCase();
  return Object.values(SHEETS).find((s) => lower === s.name.toLowerCase() || lower === s.zh.toLowerCase() || lower === s.en.toLowerCase());
}

class Collector {
  readonly problems: WorkbookProblem[] = [];
  constructor(private readonly max: number) {}
  add(sheet: string, row: number, column: number | string, zh: string, en: string): void {
    if (this.problems.length < this.max) this.problems.push({ sheet, row, column: typeof column === 'number' ? columnLetter(column) : column, reason: { zh, en } });
  }
}

/** The engine's verdict on one part of a document: undefined when valid, else the failing field and message. */
function engineProblem(document: unknown): { path: string; message: string } | undefined {
  try {
    parseAnnualData(document);
    return undefined;
  } catch (error) {
    if (!AppError.is(error, 'VALIDATION')) throw error;
    // The engine's message starts with the field path of the one-row document it was given; the row and column say where instead.
    const path = error.path ?? '';
    return { path, message: error.message.startsWith(`${path}: `) ? error.message.slice(path.length + 2) : error.message };
  }
}

const quantityProblem = (text: string) => ({ zh: `“${text}”不是非负数字`, en: `"${text}" is not a number ≥ 0` });

interface SheetRows {
  name: string;
  rows: { number: number; cells: CellValue[] }[];
}

/** Annual-data workbooks hold one factory-year: a few hundred rows at most. */
export const WORKBOOK_MAX_BYTES = 10 * 1024 * 1024;

/** Receives the upload chunk by chunk (counting bytes for the progress report), up to the limit. */
async function receive(source: Readable, onProgress: ReadWorkbookOptions['onProgress']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    if (bytes > WORKBOOK_MAX_BYTES) {
      source.destroy();
      throw new AppError('PAYLOAD_TOO_LARGE', `The workbook exceeds ${WORKBOOK_MAX_BYTES / 1024 / 1024} MB / 工作簿不得超过 ${WORKBOOK_MAX_BYTES / 1024 / 1024} MB`, { path: 'file' });
    }
    chunks.push(buffer);
    onProgress?.({ bytes, rows: 0 });
  }
  return Buffer.concat(chunks);
}

/**
 * The workbook's sheets of the layout as rows of plain cell values (1-based cells).
 * The zip is opened in memory: exceljs's streaming reader loses sheets when a workbook
 * stores them before xl/workbook.xml (files exceljs writes itself, and Excel's, with six
 * or more sheets), and an annual-data workbook is small (see WORKBOOK_MAX_BYTES).
 */
async function readRows(source: Readable, onProgress: ReadWorkbookOptions['onProgress']): Promise<{ sheets: SheetRows[]; rows: number }> {
  const bytes = await receive(source, onProgress);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file is not a readable .xlsx workbook / 无法读取该文件，请上传 .xlsx 工作簿 (${(error as Error).message})`, { path: 'file' });
  }
  const sheets: SheetRows[] = [];
  let rows = 0;
  for (const worksheet of workbook.worksheets) {
    if (sheetPart(worksheet.name) === undefined) continue;
    const sheet: SheetRows = { name: worksheet.name, rows: [] };
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      rows++;
      sheet.rows.push({ number, cells: Array.from(row.values as unknown[], cellValue) });
      if (rows % 1000 === 0) onProgress?.({ bytes: bytes.length, rows });
    });
    sheets.push(sheet);
  }
  onProgress?.({ bytes: bytes.length, rows });
  return { sheets, rows };
}

const isBlank = (cells: CellValue[]) => cells.every((c) => c === null);

function readEnergy(sheet: SheetRows | undefined, problems: Collector): { entries: EnergyEntry[] } {
  const entries: EnergyEntry[] = [];
  if (sheet === undefined) {
    problems.add(SHEETS.energy.name, 0, '', '缺少“能源 energy”工作表', 'the sheet "能源 energy" is missing');
    return { entries };
  }
  const carriers = carrierChoices();
  const origins = originChoices();
  for (const { number, cells } of sheet.rows) {
    if (number === 1 || isBlank(cells)) continue;
    const [, carrierCell, quantityCell, unitCell, originCell, enthalpyCell] = cells;
    const carrier = carrierCell === null ? undefined : choiceValue(String(carrierCell), carriers, carrierNames);
    if (carrier === undefined) {
      problems.add(sheet.name, number, 1, carrierCell === null ? '请选择能源品种' : `未知能源品种“${carrierCell}”`, carrierCell === null ? 'choose a carrier' : `unknown carrier "${carrierCell}"`);
      continue;
    }
    const quantity = numberOf(quantityCell ?? null);
    if (quantity === undefined || quantity < 0) {
      problems.add(sheet.name, number, 2, quantityCell === null ? '请填写实物量' : quantityProblem(String(quantityCell)).zh, quantityCell === null ? 'the quantity is missing' : quantityProblem(String(quantityCell)).en);
      continue;
    }
    if (unitCell === null) {
      problems.add(sheet.name, number, 3, '请选择计量单位', 'choose a unit');
      continue;
    }
    const entry: EnergyEntry = { carrier, quantity, unit: String(unitCell).trim() };
    if (originCell !== null && originCell !== undefined) {
      const origin = choiceValue(String(originCell), origins);
      entry.origin = (origin ?? String(originCell)) as EnergyEntry['origin'];
    }
    if (enthalpyCell !== null && enthalpyCell !== undefined) {
      const enthalpy = numberOf(enthalpyCell);
      if (enthalpy === undefined) {
        problems.add(sheet.name, number, 5, quantityProblem(String(enthalpyCell)).zh, quantityProblem(String(enthalpyCell)).en);
        continue;
      }
      entry.enthalpyKjPerKg = enthalpy;
    }
    const problem = engineProblem({ year: 2000, gridRegion: 'national', energy: [entry] });
    if (problem !== undefined) {
      const field = problem.path.split('.').pop() ?? '';
      const column = { carrier: 1, unit: 3, origin: 4, enthalpyKjPerKg: 5 }[field] ?? 2;
      const zh = field === 'unit' ? `计量单位“${entry.unit}”不适用于${carrierCell}` : field === 'origin' ? '电力来源仅适用于电力，且须从列表中选择' : field === 'enthalpyKjPerKg' ? '蒸汽焓值仅适用于蒸汽，且须在给水焓值与4000 kJ/kg之间' : '数据不符合要求';
      problems.add(sheet.name, number, column, zh, problem.message);
      continue;
    }
    entries.push(entry);
  }
  return { entries };
}

function readOutput(sheet: SheetRows | undefined, problems: Collector): AnnualData['output'] | undefined {
  if (sheet === undefined) return undefined;
  const output: NonNullable<AnnualData['output']> = {};
  let inProducts = false;
  const products: { name: string; quantity: number; unit: string }[] = [];
  for (const { number, cells } of sheet.rows) {
    if (isBlank(cells)) continue;
    const first = cells[1];
    if (typeof first === 'string' && first.startsWith(PRODUCT_HEADER_MARK)) {
      inProducts = true;
      continue;
    }
    if (!inProducts) {
      if (first === OUTPUT_VALUE_FIELD.key && cells[3] !== null && cells[3] !== undefined) {
        const value = numberOf(cells[3]);
        if (value === undefined || value < 0) problems.add(sheet.name, number, 3, quantityProblem(String(cells[3])).zh, quantityProblem(String(cells[3])).en);
        else output.valueTenThousandYuan = value;
      }
      continue;
    }
    const [, nameCell, quantityCell, unitCell] = cells;
    if (nameCell === null || nameCell === undefined) {
      problems.add(sheet.name, number, 1, '请填写产品名称', 'the product name is missing');
      continue;
    }
    const quantity = numberOf(quantityCell ?? null);
    if (quantity === undefined || quantity < 0) {
      problems.add(sheet.name, number, 2, quantityCell == null ? '请填写产量' : quantityProblem(String(quantityCell)).zh, quantityCell == null ? 'the quantity is missing' : quantityProblem(String(quantityCell)).en);
      continue;
    }
    const product = { name: String(nameCell), quantity, unit: unitCell == null ? '' : String(unitCell).trim() };
    const problem = engineProblem({ year: 2000, gridRegion: 'national', energy: [], output: { products: [product] } });
    if (problem !== undefined) {
      problems.add(sheet.name, number, 3, product.unit === '' ? '请选择产品单位' : `未知产品单位“${product.unit}”`, problem.message);
      continue;
    }
    products.push(product);
  }
  if (products.length > 0) output.products = products;
  return Object.keys(output).length === 0 ? undefined : output;
}

/** The value column of the single-value sheets, by the key in column A. */
function readValues(sheet: SheetRows, fields: readonly { key: string }[], problems: Collector, numeric: (key: string) => boolean): Record<string, { value: CellValue; row: number }> {
  const found: Record<string, { value: CellValue; row: number }> = {};
  for (const { number, cells } of sheet.rows) {
    const key = cells[1];
    if (typeof key !== 'string' || !fields.some((f) => f.key === key)) continue;
    const value = cells[3] ?? null;
    if (value === null) continue;
    if (numeric(key)) {
      const parsed = numberOf(value);
      if (parsed === undefined || parsed < 0) {
        problems.add(sheet.name, number, 3, quantityProblem(String(value)).zh, quantityProblem(String(value)).en);
        continue;
      }
      found[key] = { value: parsed, row: number };
    } else {
      found[key] = { value, row: number };
    }
  }
  return found;
}

/** Reads the workbook; `ok: false` lists every problem (nothing is taken from a workbook with one). */
export async function readAnnualDataWorkbook(source: Readable, options: ReadWorkbookOptions = {}): Promise<WorkbookReadResult> {
  const problems = new Collector(options.maxProblems ?? 200);
  const { sheets, rows } = await readRows(source, options.onProgress);
  const byPart = (part: SheetName) => sheets.find((s) => sheetPart(s.name)?.part === part.part);
  const { entries } = readEnergy(byPart(SHEETS.energy), problems);
  const output = readOutput(byPart(SHEETS.output), problems);
  const document: Record<string, unknown> = { energy: entries };
  if (output !== undefined) document.output = output;
  let yearRow = 0;
  let gridRow = 0;
  for (const { sheet: name, section, fields } of VALUE_SHEETS) {
    const sheet = byPart(name);
    if (sheet === undefined) {
      if (section === 'other') problems.add(name.name, 0, '', '缺少“其他 other”工作表（数据年度、区域电网）', 'the sheet "其他 other" (data year, regional grid) is missing');
      continue;
    }
    const values = readValues(sheet, fields, problems, (key) => key !== 'gridRegion');
    if (section !== 'other') {
      const part = Object.fromEntries(Object.entries(values).map(([key, v]) => [key, v.value]));
      if (Object.keys(part).length > 0) document[section] = part;
      continue;
    }
    yearRow = values.year?.row ?? fields.findIndex((f) => f.key === 'year') + 2;
    gridRow = values.gridRegion?.row ?? fields.findIndex((f) => f.key === 'gridRegion') + 2;
    const year = values.year?.value ?? options.year ?? null;
    if (year === null || !Number.isInteger(year) || (year as number) < 1990 || (year as number) > 2100) problems.add(name.name, yearRow, 3, '请填写数据年度（如2025）', 'give the data year (e.g. 2025)');
    else if (options.year !== undefined && year !== options.year) problems.add(name.name, yearRow, 3, `本表为${year}年度数据，此处需要${options.year}年度`, `the workbook holds ${year} data; ${options.year} is expected here`);
    else document.year = year;
    const gridText = values.gridRegion?.value;
    const grid = gridText == null ? undefined : choiceValue(String(gridText), gridRegionChoices(), gridRegionNames);
    if (grid === undefined) problems.add(name.name, gridRow, 3, gridText == null ? '请选择所在区域电网' : `未知区域电网“${gridText}”`, gridText == null ? 'choose the regional grid' : `unknown regional grid "${gridText}"`);
    else document.gridRegion = grid;
    if (values.processEmissionsTCO2e !== undefined) document.processEmissionsTCO2e = values.processEmissionsTCO2e.value;
  }
  if (problems.problems.length > 0) return { ok: false, problems: problems.problems, rows };
  // Each part passed on its own; the whole is checked once more by the engine.
  const whole = engineProblem(document);
  if (whole !== undefined) return { ok: false, problems: [{ sheet: SHEETS.other.name, row: 0, column: '', reason: { zh: '数据不符合要求', en: whole.message } }], rows };
  return { ok: true, data: parseAnnualData(document), rows };
}
