/**
 * The AnnualData form's fields, named by their path in the document (`energy[2].unit`,
 * `land.siteAreaM2`), so the engine's error path names the field to mark. Reading the
 * form gives the document and the problems of fields that are not numbers; the engine
 * then checks the document itself.
 */
import { AppError } from '../../../../domain/errors.ts';
import { parseAnnualData, type AnnualData } from '../../../../engine/index.ts';
import { VALUE_SHEETS, OUTPUT_VALUE_FIELD } from '../../../../output/sheets/annual-data-layout.ts';

export type FormFields = Record<string, string>;

/** The single-value sections and their fields, as the workbook lays them out (minus the year). */
export const SECTION_FIELDS = VALUE_SHEETS.flatMap((s) => (s.section === 'other' ? [] : [{ section: s.section, sheet: s.sheet, fields: s.fields }]));
export const OTHER_FIELDS = VALUE_SHEETS.find((s) => s.section === 'other')!.fields.filter((f) => f.key !== 'year');
export { OUTPUT_VALUE_FIELD };

/** Rows the form offers beyond those filled: blank energy lines and products. */
export const SPARE_ROWS = 2;

export interface FormReading {
  /** The document as typed (may still be invalid for the engine). */
  document: Record<string, unknown>;
  /** Field path → message, for fields that are not numbers. */
  problems: Record<string, string>;
}

function rowIndexes(fields: FormFields, prefix: string): number[] {
  // At most two digits: the form never shows 100 rows, and a posted `energy[99999999999]`
  // would otherwise have the page draw that many (found by the fuzzer: a 500).
  const pattern = new RegExp(`^${prefix.replace(/[[\].]/g, '\\$&')}\\[(\\d{1,2})\\]\\.`);
  return [...new Set(Object.keys(fields).map((k) => pattern.exec(k)?.[1]).filter((i): i is string => i !== undefined).map(Number))].sort((a, b) => a - b);
}

function numberField(fields: FormFields, path: string, problems: Record<string, string>): number | undefined {
  const text = (fields[path] ?? '').replace(/[,，\s]/g, '');
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    problems[path] = `“${fields[path]}” 不是数字 / is not a number`;
    return undefined;
  }
  return value;
}

/** Reads the posted form into an AnnualData document for `year`; blank rows are left out. */
export function readAnnualDataForm(fields: FormFields, year: number): FormReading {
  const problems: Record<string, string> = {};
  const energy = rowIndexes(fields, 'energy').flatMap((i) => {
    const path = `energy[${i}]`;
    const carrier = (fields[`${path}.carrier`] ?? '').trim();
    const quantityText = (fields[`${path}.quantity`] ?? '').trim();
    if (carrier === '' && quantityText === '') return [];
    const entry: Record<string, unknown> = { carrier, quantity: numberField(fields, `${path}.quantity`, problems) ?? (quantityText === '' ? Number.NaN : 0), unit: (fields[`${path}.unit`] ?? '').trim() };
    if (quantityText === '') problems[`${path}.quantity`] = '请填写实物量 / the quantity is missing';
    const origin = (fields[`${path}.origin`] ?? '').trim();
    if (origin !== '') entry.origin = origin;
    const enthalpy = numberField(fields, `${path}.enthalpyKjPerKg`, problems);
    if (enthalpy !== undefined) entry.enthalpyKjPerKg = enthalpy;
    return [entry];
  });
  const document: Record<string, unknown> = { year, gridRegion: (fields.gridRegion ?? '').trim(), energy };
  const products = rowIndexes(fields, 'output.products').flatMap((i) => {
    const path = `output.products[${i}]`;
    const name = (fields[`${path}.name`] ?? '').trim();
    const quantity = numberField(fields, `${path}.quantity`, problems);
    if (name === '' && quantity === undefined) return [];
    return [{ name, quantity: quantity ?? 0, unit: (fields[`${path}.unit`] ?? '').trim() }];
  });
  const output: Record<string, unknown> = {};
  if (products.length > 0) output.products = products;
  const value = numberField(fields, `output.${OUTPUT_VALUE_FIELD.key}`, problems);
  if (value !== undefined) output.valueTenThousandYuan = value;
  if (Object.keys(output).length > 0) document.output = output;
  for (const { section, fields: sectionFields } of SECTION_FIELDS) {
    const values: Record<string, number> = {};
    for (const field of sectionFields) {
      const v = numberField(fields, `${section}.${field.key}`, problems);
      if (v !== undefined) values[field.key] = v;
    }
    if (Object.keys(values).length > 0) document[section] = values;
  }
  const process = numberField(fields, 'processEmissionsTCO2e', problems);
  if (process !== undefined) document.processEmissionsTCO2e = process;
  return { document, problems };
}

/** The form's fields for a document (to fill the form from stored data). */
export function annualDataFormFields(data: Partial<AnnualData> | null | undefined): FormFields {
  const fields: FormFields = {};
  if (data === null || data === undefined) return fields;
  if (data.gridRegion) fields.gridRegion = data.gridRegion;
  (data.energy ?? []).forEach((entry, i) => {
    fields[`energy[${i}].carrier`] = entry.carrier;
    fields[`energy[${i}].quantity`] = String(entry.quantity);
    fields[`energy[${i}].unit`] = entry.unit;
    if (entry.origin) fields[`energy[${i}].origin`] = entry.origin;
    if (entry.enthalpyKjPerKg !== undefined) fields[`energy[${i}].enthalpyKjPerKg`] = String(entry.enthalpyKjPerKg);
  });
  (data.output?.products ?? []).forEach((product, i) => {
    fields[`output.products[${i}].name`] = product.name;
    fields[`output.products[${i}].quantity`] = String(product.quantity);
    fields[`output.products[${i}].unit`] = product.unit;
  });
  if (data.output?.valueTenThousandYuan !== undefined) fields[`output.${OUTPUT_VALUE_FIELD.key}`] = String(data.output.valueTenThousandYuan);
  for (const { section, fields: sectionFields } of SECTION_FIELDS) {
    const values = (data[section] ?? {}) as Record<string, number | undefined>;
    for (const field of sectionFields) if (values[field.key] !== undefined) fields[`${section}.${field.key}`] = String(values[field.key]);
  }
  if (data.processEmissionsTCO2e !== undefined) fields.processEmissionsTCO2e = String(data.processEmissionsTCO2e);
  return fields;
}

export type FormOutcome = { ok: true; data: AnnualData } | { ok: false; problems: Record<string, string>; document: Record<string, unknown> };

/** The form checked as a whole: number problems first, then the engine's (one field at a time). */
export function checkAnnualDataForm(fields: FormFields, year: number): FormOutcome {
  const reading = readAnnualDataForm(fields, year);
  if (Object.keys(reading.problems).length > 0) return { ok: false, problems: reading.problems, document: reading.document };
  try {
    return { ok: true, data: parseAnnualData(reading.document) };
  } catch (error) {
    if (!AppError.is(error, 'VALIDATION')) throw error;
    return { ok: false, problems: { [error.path ?? 'gridRegion']: error.message }, document: reading.document };
  }
}

/** Number of energy and product rows the form shows: those filled, plus spare ones. */
export function formRowCounts(fields: FormFields, extra: number): { energy: number; products: number } {
  const count = (prefix: string) => Math.max(-1, ...rowIndexes(fields, prefix)) + 1;
  return { energy: count('energy') + SPARE_ROWS + extra, products: count('output.products') + SPARE_ROWS + extra };
}

/** An id for a field's element, from its path (`energy[2].unit` → `f-energy-2-unit`). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}
