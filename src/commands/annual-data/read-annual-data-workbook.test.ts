/**
 * Reading annual-data workbooks: what people type in Excel (Chinese names, thousands
 * commas, full-width digits, unit spellings, reordered rows) reads as the engine expects;
 * every mistake is listed with its sheet, row and column; a file that is no workbook or is
 * too large is refused outright.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.ts';
import { writeAnnualDataTemplate } from '../../output/sheets/annual-data-template.ts';
import { cellValue, numberOf, readAnnualDataWorkbook, WORKBOOK_MAX_BYTES } from './read-annual-data-workbook.ts';

async function blank(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeAnnualDataTemplate({ year: 2025 })) as unknown as ArrayBuffer);
  return workbook;
}

async function read(workbook: ExcelJS.Workbook, year = 2025) {
  return readAnnualDataWorkbook(Readable.from([Buffer.from(await workbook.xlsx.writeBuffer())]), { year });
}

function setValue(workbook: ExcelJS.Workbook, sheet: string, key: string, value: string | number): void {
  workbook.getWorksheet(sheet)!.eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(3).value = value;
  });
}

test('numbers as typed: thousands commas, full-width digits, formulas; empty cells are not zero', () => {
  assert.equal(numberOf('1,250.5'), 1250.5);
  assert.equal(numberOf('１２３'), 123);
  assert.equal(numberOf('12 000'), 12000);
  assert.equal(numberOf('约三百万'), undefined);
  assert.equal(numberOf(null), undefined);
  assert.equal(cellValue({ formula: 'B2*2', result: 84 }), 84);
  assert.equal(cellValue({ richText: [{ text: '电' }, { text: '力' }] }), '电力');
  assert.equal(cellValue('   '), null);
});

test('Chinese names and spellings read as the engine’s ids and units', async () => {
  const workbook = await blank();
  const energy = workbook.getWorksheet('能源 energy')!;
  energy.getCell('A2').value = '电力';
  energy.getCell('B2').value = '1,200';
  energy.getCell('C2').value = '万千瓦时';
  energy.getCell('A3').value = '天然气';
  energy.getCell('B3').value = 30;
  energy.getCell('C3').value = '万立方米';
  energy.getCell('A4').value = 'Diesel';
  energy.getCell('B4').value = { formula: '100*4', result: 400 } as unknown as ExcelJS.CellValue;
  energy.getCell('C4').value = '吨';
  setValue(workbook, '其他 other', 'gridRegion', '华中');
  setValue(workbook, '用地 land', 'siteAreaM2', '800,000');
  const result = await read(workbook);
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.deepEqual(result.ok && result.data, {
    year: 2025,
    gridRegion: 'central',
    energy: [
      { carrier: 'electricity', quantity: 1200, unit: '万千瓦时' },
      { carrier: 'natural_gas', quantity: 30, unit: '万立方米' },
      { carrier: 'diesel', quantity: 400, unit: '吨' },
    ],
    land: { siteAreaM2: 800_000 },
  });
});

test('every mistake is listed by sheet, row and column, in both languages', async () => {
  const workbook = await blank();
  const energy = workbook.getWorksheet('能源 energy')!;
  energy.getCell('A2').value = '煤气';
  energy.getCell('B2').value = 5;
  energy.getCell('C2').value = 't';
  energy.getCell('A3').value = '原煤 raw_coal';
  energy.getCell('C3').value = 't';
  energy.getCell('A4').value = '柴油 diesel';
  energy.getCell('B4').value = 5;
  energy.getCell('C4').value = 'kWh';
  energy.getCell('A5').value = '原煤 raw_coal';
  energy.getCell('B5').value = 5;
  energy.getCell('C5').value = 't';
  energy.getCell('D5').value = '绿电交易 green_power';
  setValue(workbook, '水 water', 'reusedM3', '-3');
  setValue(workbook, '其他 other', 'year', 2024);
  setValue(workbook, '其他 other', 'gridRegion', '火星');
  const result = await read(workbook);
  assert.equal(result.ok, false);
  const problems = result.ok ? [] : result.problems;
  assert.deepEqual(problems.map((p) => [p.sheet, p.row, p.column, p.reason.zh]), [
    ['能源 energy', 2, 'A', '未知能源品种“煤气”'],
    ['能源 energy', 3, 'B', '请填写实物量'],
    ['能源 energy', 4, 'C', '计量单位“kWh”不适用于柴油 diesel'],
    ['能源 energy', 5, 'D', '电力来源仅适用于电力，且须从列表中选择'],
    ['水 water', 3, 'C', '“-3”不是非负数字'],
    ['其他 other', 2, 'C', '本表为2024年度数据，此处需要2025年度'],
    ['其他 other', 3, 'C', '未知区域电网“火星”'],
  ]);
  assert.equal(problems[2]!.reason.en, 'unknown unit "kWh" for diesel (base unit kg)', 'the engine’s own rule, without its one-row path');
});

test('a workbook that is none, or too large, is refused as a whole', async () => {
  await assert.rejects(readAnnualDataWorkbook(Readable.from([Buffer.from('plain text, not a zip')])), (e) => AppError.is(e, 'UNSUPPORTED_MEDIA_TYPE'));
  const huge = Readable.from((function* () {
    for (let i = 0; i <= WORKBOOK_MAX_BYTES / (1024 * 1024); i++) yield Buffer.alloc(1024 * 1024);
  })());
  await assert.rejects(readAnnualDataWorkbook(huge), (e) => AppError.is(e, 'PAYLOAD_TOO_LARGE'));
});

test('progress is reported while the file arrives and as rows are read', async () => {
  const seen: { bytes: number; rows: number }[] = [];
  const bytes = await writeAnnualDataTemplate({ year: 2025 });
  await readAnnualDataWorkbook(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), { year: 2025, onProgress: (p) => seen.push(p) });
  assert.deepEqual(seen.slice(0, 2), [{ bytes: 1000, rows: 0 }, { bytes: bytes.length, rows: 0 }]);
  // Non-empty rows of the layout's sheets in a blank template (header + fields): energy 1,
  // output 1 + 1 + 1 (value row, product header), land 1 + 3, water 1 + 4, solid waste 1 + 3,
  // materials 1 + 2, other 1 + 3 (the year filled in) = 24; README and lists are not read.
  assert.deepEqual(seen.at(-1), { bytes: bytes.length, rows: 24 });
});
