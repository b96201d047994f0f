/**
 * The columns of the two EHS import files, each with the headers accepted for it (zh and
 * en, case and spacing ignored), whether it is required and how a cell is read. A file
 * may have its columns in any order and extra columns, which are ignored.
 */
import { isPlainDate } from '../../../domain/calendar/plain-date.ts';
import type { Cell } from './read-table-rows.ts';

export const EHS_IMPORT_KINDS = ['inspection-readings', 'monitoring-results'] as const;
export type EhsImportKind = (typeof EHS_IMPORT_KINDS)[number];

type Reader = (cell: Cell) => { value: unknown } | { reason: string };

export interface ColumnSpec {
  key: string;
  headers: readonly string[];
  required: boolean;
  read: Reader;
}

const text: Reader = (cell) => ({ value: cell === null ? '' : String(cell).trim() });
const number: Reader = (cell) => {
  if (cell === null || cell === '') return { reason: 'a number is required / 须填写数值' };
  const value = typeof cell === 'number' ? cell : Number(String(cell).replace(/,/g, '').trim());
  return Number.isFinite(value) ? { value } : { reason: `"${cell}" is not a number / 不是数值` };
};
const optionalNumber: Reader = (cell) => (cell === null || cell === '' ? { value: null } : number(cell));
const date: Reader = (cell) => {
  const value = cell === null ? '' : String(cell).trim().replace(/\//g, '-');
  const padded = /^\d{4}-\d{1,2}-\d{1,2}$/.test(value) ? value.replace(/-(\d)(?=-|$)/g, '-0$1') : value;
  return isPlainDate(padded) ? { value: padded } : { reason: `"${cell ?? ''}" is not a date YYYY-MM-DD / 日期格式应为YYYY-MM-DD` };
};
const yesNo: Reader = (cell) => {
  const value = cell === null ? '' : String(cell).trim().toLowerCase();
  if (['', '0', 'no', 'false', 'n', '否', '无'].includes(value)) return { value: false };
  if (['1', 'yes', 'true', 'y', '是', '有'].includes(value)) return { value: true };
  return { reason: `"${cell}" is not yes/no / 应填是或否` };
};
const method: Reader = (cell) => {
  const value = cell === null ? '' : String(cell).trim().toLowerCase();
  if (['online', '在线', '自动', '在线监测'].includes(value)) return { value: 'online' };
  if (['manual', '手工', '手工监测', '人工'].includes(value)) return { value: 'manual' };
  return { reason: `"${cell ?? ''}" is not online/manual (在线/手工) / 监测方式应为在线或手工` };
};

export const IMPORT_COLUMNS: Record<EhsImportKind, readonly ColumnSpec[]> = {
  'inspection-readings': [
    { key: 'round', headers: ['round', '检测轮次', '轮次'], required: true, read: text },
    { key: 'tag', headers: ['tag', 'seal point', '密封点编号', '密封点'], required: true, read: text },
    { key: 'measuredOn', headers: ['measured on', 'date', '检测日期', '日期'], required: true, read: date },
    { key: 'valueUmolPerMol', headers: ['value', 'value (μmol/mol)', 'value (umol/mol)', '检测值', '检测值(μmol/mol)', '检测值（μmol/mol）'], required: true, read: number },
    { key: 'backgroundUmolPerMol', headers: ['background', '背景值'], required: false, read: optionalNumber },
    { key: 'visibleLeak', headers: ['visible leak', '可见泄漏'], required: false, read: yesNo },
    { key: 'inspector', headers: ['inspector', '检测单位', '检测人员'], required: false, read: text },
    { key: 'instrument', headers: ['instrument', '检测仪器'], required: false, read: text },
  ],
  'monitoring-results': [
    { key: 'outletCode', headers: ['outlet', 'outlet code', '排放口编号', '排放口'], required: true, read: text },
    { key: 'pollutantCode', headers: ['pollutant', 'pollutant code', '污染物代码', '污染物'], required: true, read: text },
    { key: 'sampledOn', headers: ['sampled on', 'date', '监测日期', '日期'], required: true, read: date },
    { key: 'method', headers: ['method', '监测方式'], required: true, read: method },
    { key: 'value', headers: ['value', '监测值'], required: true, read: number },
    { key: 'explanation', headers: ['explanation', '超标说明', '说明'], required: false, read: text },
  ],
};

export function normalizeHeader(header: Cell): string {
  return String(header ?? '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/（/g, '(').replace(/）/g, ')');
}

/** Column index by key, and the header text as the file wrote it (for error messages). */
export function mapHeader(kind: EhsImportKind, header: readonly Cell[]): { columns: Map<string, { index: number; name: string }>; missing: string[] } {
  const columns = new Map<string, { index: number; name: string }>();
  const normalized = header.map(normalizeHeader);
  for (const spec of IMPORT_COLUMNS[kind]) {
    const index = normalized.findIndex((h) => spec.headers.some((accepted) => normalizeHeader(accepted) === h));
    if (index >= 0) columns.set(spec.key, { index, name: String(header[index] ?? '').trim() });
  }
  const missing = IMPORT_COLUMNS[kind].filter((spec) => spec.required && !columns.has(spec.key)).map((spec) => spec.headers.slice(0, 3).join(' / '));
  return { columns, missing };
}
