/**
 * One row of a dynamic-report file → its key (credit code, year, optional list entry) and
 * its AnnualData v1 document, checked by the engine (`parseAnnualData`). Built once per
 * header as a plan, so the per-row work is a loop over the columns the file has. Documents
 * are built in one key order, so the same row always gives the same JSON text (re-importing
 * a file is recognised as unchanged by comparing texts).
 */
import { listGridRegions } from '../../domain/reference/grid-regions.ts';
import { normalizeCreditCode } from '../../domain/credit-code/credit-code.ts';
import { AppError } from '../../domain/errors.ts';
// The engine's modules themselves, not its index: a parse worker loads only these (parse-dynamic-report-rows-in-worker.ts).
import { parseAnnualData, type AnnualData } from '../../engine/annual-data.ts';
import { GRID_REGIONS } from '../../engine/factor-set-schema.ts';
import type { FactorSet } from '../../engine/factor-set.ts';
import { DYNAMIC_REPORT_COLUMNS, type DynamicReportColumn } from './dynamic-report-columns.ts';

export type Cell = string | number | null;

export interface RowProblem {
  column: string | null;
  reason: string;
}

export interface DynamicReportRow {
  creditCode: string;
  year: number;
  listEntryId: number | null;
  /** null: take the factory's regional grid. */
  gridRegion: AnnualData['gridRegion'] | null;
  /** AnnualData v1 with `gridRegion` still to be set (its key is already in place). */
  document: AnnualData;
}

type Section = 'output' | 'land' | 'water' | 'solidWaste' | 'materials';
interface Indexed<T> {
  index: number;
  column: DynamicReportColumn;
  target: T;
}
type TargetOf<K extends DynamicReportColumn['target']['kind']> = Extract<DynamicReportColumn['target'], { kind: K }>;

export interface RowPlan {
  creditCode: number;
  year: number;
  listEntry: number | undefined;
  gridRegion: number | undefined;
  energy: Indexed<TargetOf<'energy'>>[];
  productName: number | undefined;
  productQuantity: number | undefined;
  productUnit: number | undefined;
  quantities: Record<Section | 'root', Indexed<TargetOf<'quantity'>>[]>;
  /** Column key of each cell index, for error messages. */
  keys: string[];
}

/** Grid names as people write them (华北, 南方 …) besides the AnnualData ids. */
const GRID_BY_NAME = new Map<string, AnnualData['gridRegion']>([...GRID_REGIONS.map((id) => [id, id] as const), ...listGridRegions().map((r) => [r.nameZh, r.id] as const), ['全国', 'national']]);

const CANONICAL_ORDER = new Map(DYNAMIC_REPORT_COLUMNS.map((column, position) => [column.key, position]));
const inCanonicalOrder = <T extends { column: DynamicReportColumn }>(list: T[]): T[] => list.sort((a, b) => CANONICAL_ORDER.get(a.column.key)! - CANONICAL_ORDER.get(b.column.key)!);

/** The per-header plan; fields go into the document in the format's order whatever the file's column order. */
export function planRows(columns: readonly (DynamicReportColumn | undefined)[]): RowPlan {
  const plan: RowPlan = { creditCode: -1, year: -1, listEntry: undefined, gridRegion: undefined, energy: [], productName: undefined, productQuantity: undefined, productUnit: undefined, quantities: { output: [], land: [], water: [], solidWaste: [], materials: [], root: [] }, keys: [] };
  columns.forEach((column, index) => {
    plan.keys[index] = column?.key ?? '';
    if (column === undefined) return;
    const target = column.target;
    if (target.kind === 'credit-code') plan.creditCode = index;
    else if (target.kind === 'year') plan.year = index;
    else if (target.kind === 'list-entry') plan.listEntry = index;
    else if (target.kind === 'grid-region') plan.gridRegion = index;
    else if (target.kind === 'energy') plan.energy.push({ index, column, target });
    else if (target.kind === 'product-name') plan.productName = index;
    else if (target.kind === 'product-quantity') plan.productQuantity = index;
    else if (target.kind === 'product-unit') plan.productUnit = index;
    else if (target.kind === 'quantity') plan.quantities[target.section].push({ index, column, target });
  });
  inCanonicalOrder(plan.energy);
  for (const list of Object.values(plan.quantities)) inCanonicalOrder(list);
  return plan;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

class CellProblem extends Error {
  constructor(readonly column: string, reason: string) {
    super(reason);
  }
}

function text(cell: Cell): string {
  return cell === null ? '' : typeof cell === 'number' ? String(cell) : cell.trim();
}

/** A quantity cell: empty → undefined; a plain or thousands-grouped decimal ≥ 0; anything else is a problem. */
function quantityOf(cell: Cell, column: string): number | undefined {
  let value: number;
  if (typeof cell === 'number') value = cell;
  else {
    const raw = text(cell);
    if (raw === '') return undefined;
    if (PLAIN_NUMBER.test(raw)) value = Number(raw);
    else if (GROUPED_NUMBER.test(raw)) value = Number(raw.replace(/,/g, ''));
    else throw new CellProblem(column, `${JSON.stringify(raw.length > 30 ? `${raw.slice(0, 30)}…` : raw)} is not a number / 不是数字`);
  }
  if (!Number.isFinite(value)) throw new CellProblem(column, 'is not a finite number / 不是有效数字');
  if (value < 0) throw new CellProblem(column, `must not be negative, got ${value} / 不得为负数`);
  return value;
}

function wholeNumberOf(cell: Cell, column: string, what: string): number {
  const value = quantityOf(cell, column);
  if (value === undefined) throw new CellProblem(column, `${what} is required / 必填`);
  if (!Number.isInteger(value)) throw new CellProblem(column, `must be a whole number, got ${value} / 应为整数`);
  return value;
}

function gridRegionOf(cell: Cell, column: string): AnnualData['gridRegion'] | null {
  const raw = text(cell);
  if (raw === '') return null;
  const region = GRID_BY_NAME.get(raw) ?? GRID_BY_NAME.get(raw.toLowerCase());
  if (region === undefined) throw new CellProblem(column, `unknown grid "${raw}" (${GRID_REGIONS.join(', ')} or 华北, 东北, 华东, 华中, 西北, 南方, 西南) / 电网区域不正确`);
  return region;
}

function creditCodeOf(cell: Cell, column: string): string {
  const raw = text(cell);
  if (raw === '') throw new CellProblem(column, 'the credit code is required / 统一社会信用代码必填');
  // Most cells are already canonical; NFKC only for the others (full-width, lower case).
  return /^[0-9A-Z]{18}$/.test(raw) ? raw : normalizeCreditCode(raw);
}

/** Maps an engine field path (`energy[2].quantity`, `land.siteAreaM2`) back to the column that filled it. */
function columnOfPath(plan: RowPlan, energyColumns: string[], path: string | undefined): string | null {
  if (path === undefined) return null;
  const energy = /^energy\[(\d+)\]/.exec(path);
  if (energy) return energyColumns[Number(energy[1])] ?? null;
  if (path.startsWith('output.products')) return path.endsWith('.unit') ? 'output_unit' : path.endsWith('.name') ? 'product_name' : 'output_quantity';
  if (path === 'year') return 'year';
  if (path === 'gridRegion') return 'grid_region';
  const field = path.split('.').pop();
  for (const list of Object.values(plan.quantities)) for (const q of list) if (q.target.field === field) return q.column.key;
  return null;
}

/**
 * Reads one data row. Returns the row or the problems found (cell formats first; the
 * engine's check of the whole document runs when the cells are well-formed).
 */
export function readDynamicReportRow(plan: RowPlan, cells: readonly Cell[], factorSet: FactorSet): DynamicReportRow | RowProblem[] {
  const energyColumns: string[] = [];
  try {
    const creditCode = creditCodeOf(cells[plan.creditCode] ?? null, 'credit_code');
    const year = wholeNumberOf(cells[plan.year] ?? null, 'year', 'the year');
    const listEntryId = plan.listEntry === undefined || text(cells[plan.listEntry] ?? null) === '' ? null : wholeNumberOf(cells[plan.listEntry] ?? null, 'list_entry_id', 'the list entry');
    const gridRegion = plan.gridRegion === undefined ? null : gridRegionOf(cells[plan.gridRegion] ?? null, 'grid_region');
    const document: AnnualData = { year, gridRegion: 'national', energy: [] };
    for (const { index, column, target } of plan.energy) {
      const quantity = quantityOf(cells[index] ?? null, column.key);
      if (quantity === undefined) continue;
      document.energy.push(target.origin === undefined ? { carrier: target.carrier, quantity, unit: target.unit } : { carrier: target.carrier, quantity, unit: target.unit, origin: target.origin });
      energyColumns.push(column.key);
    }
    const productQuantity = plan.productQuantity === undefined ? undefined : quantityOf(cells[plan.productQuantity] ?? null, 'output_quantity');
    const productName = plan.productName === undefined ? '' : text(cells[plan.productName] ?? null);
    const productUnit = plan.productUnit === undefined ? '' : text(cells[plan.productUnit] ?? null);
    const outputValues = sectionOf(plan.quantities.output, cells);
    if (productQuantity !== undefined || productName !== '' || productUnit !== '' || outputValues !== undefined) {
      document.output = {};
      if (productQuantity !== undefined || productName !== '' || productUnit !== '') {
        const missing = [productName === '' ? 'product_name' : '', productQuantity === undefined ? 'output_quantity' : '', productUnit === '' ? 'output_unit' : ''].filter((c) => c !== '');
        if (missing.length > 0) throw new CellProblem(missing[0]!, 'product_name, output_quantity and output_unit go together / 主要产品、产量和产量单位须同时填写');
        document.output.products = [{ name: productName, quantity: productQuantity!, unit: productUnit }];
      }
      if (outputValues?.valueTenThousandYuan !== undefined) document.output.valueTenThousandYuan = outputValues.valueTenThousandYuan;
    }
    for (const section of ['land', 'water', 'solidWaste', 'materials'] as const) {
      const values = sectionOf(plan.quantities[section], cells);
      if (values !== undefined) (document as unknown as Record<string, unknown>)[section] = values;
    }
    const process = sectionOf(plan.quantities.root, cells);
    if (process?.processEmissionsTCO2e !== undefined) document.processEmissionsTCO2e = process.processEmissionsTCO2e;
    // A template row sent back untouched is no filing: a report needs at least one figure.
    if (Object.keys(document).length === 3 && document.energy.length === 0) return [{ column: null, reason: 'the row has no figures; fill it in or leave it out / 该行未填写任何数据，请填写或删除该行' }];
    // The engine is the authority on AnnualData (units, ranges): one check per row.
    parseAnnualData(document, { factorSet });
    return { creditCode, year, listEntryId, gridRegion, document };
  } catch (error) {
    if (error instanceof CellProblem) return [{ column: error.column, reason: error.message }];
    if (AppError.is(error, 'VALIDATION')) return [{ column: columnOfPath(plan, energyColumns, error.path), reason: error.message }];
    throw error;
  }
}

function sectionOf(columns: readonly Indexed<TargetOf<'quantity'>>[], cells: readonly Cell[]): Record<string, number> | undefined {
  let values: Record<string, number> | undefined;
  for (const { index, column, target } of columns) {
    const value = quantityOf(cells[index] ?? null, column.key);
    if (value === undefined) continue;
    (values ??= {})[target.field] = value;
  }
  return values;
}
