/**
 * The writer side of dynamic-report CSV v1: an AnnualData document back to the cells of
 * its row, and the sheet columns the template and the export write (headers "中文 / key",
 * read back by the importer). A document read from a v1 row gives the same row again;
 * one v1 cannot carry (a second product, coal given in tce, steam with its enthalpy) gives
 * undefined rather than a row that would lose figures when imported back.
 */
import type { AnnualData } from '../../engine/index.ts';
import { canonicalUnit, MEASURE_UNITS } from '../../engine/units.ts';
import type { SheetColumn } from '../../output/sheets/sheet-columns.ts';
import { DYNAMIC_REPORT_COLUMNS, type DynamicReportColumn } from './dynamic-report-columns.ts';

export type CellValue = string | number | null;

/** What the template and the export write per report. */
export interface DynamicReportSheetRow {
  creditCode: string;
  enterpriseName: string;
  listEntryId: number;
  year: number;
  /** The filed document, or null for a report still due. */
  document: AnnualData | null;
}

/** How many of `unit` one `columnUnit` holds, when both measure the same thing (kWh/MWh, t/kg, m3/10^4 m3, GJ/MJ). */
function unitFactor(unit: string, columnUnit: string): number | undefined {
  const from = canonicalUnit(unit);
  for (const units of Object.values(MEASURE_UNITS)) {
    const a = units[from];
    const b = units[columnUnit];
    if (a !== undefined && b !== undefined) return a / b;
  }
  return undefined;
}

/** Binary noise of a unit conversion (0.1 × 3) removed: 12 significant digits are more than any meter gives. */
const tidy = (value: number): number => Number(value.toPrecision(12));

/** The cells of a document's row by column key, or undefined when v1 cannot carry the document whole. */
export function dynamicReportCells(document: AnnualData): Map<string, CellValue> | undefined {
  const cells = new Map<string, CellValue>();
  const energyColumns = DYNAMIC_REPORT_COLUMNS.filter((c): c is DynamicReportColumn & { target: { kind: 'energy' } } => c.target.kind === 'energy');
  for (const entry of document.energy) {
    const origin = entry.origin === 'grid' ? undefined : entry.origin;
    const column = energyColumns.find((c) => c.target.carrier === entry.carrier && c.target.origin === origin);
    const factor = column === undefined ? undefined : unitFactor(entry.unit, column.target.unit);
    if (column === undefined || factor === undefined || entry.enthalpyKjPerKg !== undefined) return undefined;
    const previous = cells.get(column.key);
    cells.set(column.key, tidy((typeof previous === 'number' ? previous : 0) + entry.quantity * factor));
  }
  const products = document.output?.products ?? [];
  if (products.length > 1) return undefined;
  if (products[0] !== undefined) {
    cells.set('product_name', products[0].name);
    cells.set('output_quantity', products[0].quantity);
    cells.set('output_unit', products[0].unit);
  }
  const sections: Record<string, Record<string, number | undefined> | undefined> = { output: document.output as Record<string, number | undefined> | undefined, land: document.land, water: document.water, solidWaste: document.solidWaste, materials: document.materials, root: { processEmissionsTCO2e: document.processEmissionsTCO2e } };
  for (const column of DYNAMIC_REPORT_COLUMNS) {
    if (column.target.kind !== 'quantity') continue;
    const value = sections[column.target.section]?.[column.target.field];
    if (typeof value === 'number') cells.set(column.key, value);
  }
  return cells;
}

/**
 * The sheet columns of the template: every v1 column, the key cells always filled, the
 * figures of a filed report when v1 carries them (`dynamicReportCells`), else empty.
 * The grid column stays empty unless the document differs from the factory's default —
 * the writer does not know that default, so it writes the document's grid as given.
 */
export function dynamicReportSheetColumns(): SheetColumn<DynamicReportSheetRow & { cells?: Map<string, CellValue> | undefined }>[] {
  return DYNAMIC_REPORT_COLUMNS.map((column) => ({
    key: column.key,
    zh: column.zh,
    en: column.en,
    value: (row) => {
      switch (column.target.kind) {
        case 'credit-code':
          return row.creditCode;
        case 'year':
          return row.year;
        case 'list-entry':
          return row.listEntryId;
        case 'note':
          return row.enterpriseName;
        case 'grid-region':
          return row.document?.gridRegion ?? null;
        default:
          return row.cells?.get(column.key) ?? null;
      }
    },
  }));
}
