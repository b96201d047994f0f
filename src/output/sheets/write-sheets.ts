/**
 * Streams rows to CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text
 * correctly), XLSX (exceljs's streaming writer, no shared strings) or JSON, without
 * holding the rows in memory. Each returns a readable stream the HTTP layer pipes out.
 */
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { headerOf, type SheetColumn } from './sheet-columns.ts';

export type SheetFormat = 'csv' | 'json' | 'xlsx';

export const SHEET_MEDIA_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface SheetMeta {
  title: string;
  licence: string;
  source: string;
  generatedAt: string;
}

export function csvStream<Row>(rows: AsyncIterable<Row>, columns: readonly SheetColumn<Row>[]): Readable {
  const out = stringify({ bom: true, header: true, columns: columns.map((c) => ({ key: c.key, header: headerOf(c as SheetColumn<unknown>) })), record_delimiter: 'windows' });
  void (async () => {
    try {
      for await (const row of rows) {
        const record: Record<string, string | number | null> = {};
        for (const column of columns) record[column.key] = column.value(row);
        if (!out.write(record)) await new Promise((resolve) => out.once('drain', resolve));
      }
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export function jsonStream<Row>(rows: AsyncIterable<Row>, columns: readonly SheetColumn<Row>[], meta: SheetMeta, listKey = 'entries'): Readable {
  async function* chunks() {
    const head = { title: meta.title, licence: meta.licence, source: meta.source, generatedAt: meta.generatedAt, fields: columns.map((c) => ({ key: c.key, zh: c.zh, en: c.en })) };
    yield JSON.stringify(head, null, 2).slice(0, -2) + `,\n  "${listKey}": [`;
    let first = true;
    for await (const row of rows) {
      const record: Record<string, string | number | null> = {};
      for (const column of columns) record[column.key] = column.value(row);
      yield (first ? '\n    ' : ',\n    ') + JSON.stringify(record);
      first = false;
    }
    yield first ? ']\n}\n' : '\n  ]\n}\n';
  }
  return Readable.from(chunks(), { objectMode: false });
}

export function xlsxStream<Row>(rows: AsyncIterable<Row>, columns: readonly SheetColumn<Row>[], meta: SheetMeta): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
      workbook.creator = 'greenlist';
      workbook.title = meta.title;
      const sheet = workbook.addWorksheet('list', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((c) => ({ header: headerOf(c as SheetColumn<unknown>), key: c.key, width: Math.min(Math.max(headerOf(c as SheetColumn<unknown>).length + 2, 12), 48) }));
      for await (const row of rows) {
        const record: Record<string, string | number | null> = {};
        for (const column of columns) record[column.key] = column.value(row);
        sheet.addRow(record).commit();
      }
      sheet.commit();
      const about = workbook.addWorksheet('about');
      for (const line of [[meta.title], ['licence', meta.licence], ['source', meta.source], ['generated_at', meta.generatedAt]]) about.addRow(line).commit();
      about.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export function sheetStream<Row>(format: SheetFormat, rows: AsyncIterable<Row>, columns: readonly SheetColumn<Row>[], meta: SheetMeta): Readable {
  if (format === 'csv') return csvStream(rows, columns);
  if (format === 'xlsx') return xlsxStream(rows, columns, meta);
  return jsonStream(rows, columns, meta);
}
