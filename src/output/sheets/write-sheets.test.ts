import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { csvStream, jsonStream, xlsxStream } from './write-sheets.ts';
import type { SheetColumn } from './sheet-columns.ts';

interface Row {
  name: string;
  count: number;
  note: string | null;
}

const columns: SheetColumn<Row>[] = [
  { key: 'name_zh', zh: '企业名称', en: 'Name', value: (r) => r.name },
  { key: 'count', zh: '数量', en: 'Count', value: (r) => r.count },
  { key: 'note', zh: '备注', en: 'Note', value: (r) => r.note },
];
const rows: Row[] = [
  { name: '江西蓝星星火有机硅有限公司', count: 1, note: 'a "quoted", comma' },
  { name: 'Line\nbreak', count: 2, note: null },
];
async function* each() {
  yield* rows;
}
const meta = { title: '测试 / Test', licence: 'CC BY 4.0', source: 'test', generatedAt: '2026-11-30T00:00:00.000Z' };

test('CSV: UTF-8 with a BOM, "中文 / key" headers, quoting that reads back', async () => {
  const bytes = await buffer(csvStream(each(), columns));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 byte-order mark');
  const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(records[0]!), ['企业名称 / name_zh', '数量 / count', '备注 / note']);
  assert.deepEqual(records.map((r) => [r['企业名称 / name_zh'], r['数量 / count'], r['备注 / note']]), [
    ['江西蓝星星火有机硅有限公司', '1', 'a "quoted", comma'],
    ['Line\nbreak', '2', ''],
  ]);
});

test('JSON: metadata, field labels in both languages, and the rows', async () => {
  const document = JSON.parse((await buffer(jsonStream(each(), columns, meta))).toString('utf8'));
  assert.equal(document.licence, 'CC BY 4.0');
  assert.deepEqual(document.fields[0], { key: 'name_zh', zh: '企业名称', en: 'Name' });
  assert.deepEqual(document.entries, [
    { name_zh: '江西蓝星星火有机硅有限公司', count: 1, note: 'a "quoted", comma' },
    { name_zh: 'Line\nbreak', count: 2, note: null },
  ]);
  async function* none() {}
  assert.deepEqual(JSON.parse((await buffer(jsonStream(none(), columns, meta))).toString('utf8')).entries, []);
});

test('XLSX: a workbook exceljs reads back, header row then the rows, and an about sheet', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buffer(xlsxStream(each(), columns, meta))) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('list')!;
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['企业名称 / name_zh', '数量 / count', '备注 / note']);
  assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), ['江西蓝星星火有机硅有限公司', 1, 'a "quoted", comma']);
  assert.equal(sheet.rowCount, 3);
  assert.equal(workbook.getWorksheet('about')!.getRow(2).getCell(2).value, 'CC BY 4.0');
});
