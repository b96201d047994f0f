/** The annual-data workbook: its sheets, headers and drop-down lists, and a round trip through the reader. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readAnnualDataWorkbook } from '../../commands/annual-data/read-annual-data-workbook.ts';
import type { AnnualData } from '../../engine/index.ts';
import { writeAnnualDataTemplate } from './annual-data-template.ts';

const DATA: AnnualData = {
  year: 2025,
  gridRegion: 'central',
  energy: [
    { carrier: 'electricity', quantity: 12_000_000, unit: 'kWh', origin: 'green_power' },
    { carrier: 'steam', quantity: 4_000, unit: 't', enthalpyKjPerKg: 2_800 },
    { carrier: 'natural_gas', quantity: 30, unit: '10^4 m3' },
  ],
  output: { products: [{ name: '有机硅单体（DMC）', quantity: 100_000, unit: 't' }, { name: '107胶', quantity: 2_500.5, unit: 't' }], valueTenThousandYuan: 250_000 },
  land: { siteAreaM2: 800_000, footprintM2: 320_000, floorAreaM2: 640_000 },
  water: { withdrawalM3: 3_985_180, reusedM3: 95_644_320 },
  solidWaste: { generatedT: 19_602.2, utilizedT: 18_034, priorStockUtilizedT: 0 },
  materials: { greenT: 50_813.2, totalT: 133_121.2 },
  processEmissionsTCO2e: 1_958,
};

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

test('one sheet per part with Chinese and English headers, and drop-down lists from the factor set', async () => {
  const workbook = await load(await writeAnnualDataTemplate({ year: 2025, data: DATA, title: '江西蓝星星火有机硅有限公司' }));
  assert.deepEqual(workbook.worksheets.map((s) => [s.name, s.state]), [
    ['说明 README', 'visible'], ['能源 energy', 'visible'], ['产品与产值 output', 'visible'], ['用地 land', 'visible'], ['水 water', 'visible'], ['固废 solid waste', 'visible'], ['物料 materials', 'visible'], ['其他 other', 'visible'], ['lists', 'veryHidden'],
  ]);
  const energy = workbook.getWorksheet('能源 energy')!;
  assert.deepEqual((energy.getRow(1).values as unknown[]).slice(1), ['能源品种 / Carrier', '实物量 / Quantity', '计量单位 / Unit', '电力来源（仅电力） / Electricity origin (electricity only)', '蒸汽焓值 kJ/kg（仅蒸汽） / Steam enthalpy kJ/kg (steam only)']);
  assert.deepEqual((energy.getRow(2).values as unknown[]).slice(1, 5), ['电力 electricity', 12_000_000, 'kWh', '绿电交易 green_power']);
  const validations = (energy as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
  // exceljs expands the ranges per cell when it reads them back: A2 … A500.
  assert.equal(validations.A2?.type, 'list');
  assert.equal(validations.A500?.type, 'list');
  assert.equal(validations.C2?.formulae[0], 'lists!$B$2:$B$17');
  const lists = workbook.getWorksheet('lists')!;
  const carriers = lists.getColumn(1).values.slice(2);
  // The factor set lists 15 carriers (electricity … heat): the range covers exactly them.
  assert.equal(carriers.length, 15);
  assert.equal(validations.A2?.formulae[0], 'lists!$A$2:$A$16');
  assert.ok(carriers.includes('天然气（油田天然气） natural_gas'));
  assert.ok(lists.getColumn(2).values.includes('10^4 m3'), 'energy units include 10^4 m3');
});

test('a filled workbook reads back to the same document, Chinese product names included', async () => {
  const bytes = await writeAnnualDataTemplate({ year: 2025, data: DATA });
  const read = await readAnnualDataWorkbook(Readable.from([bytes]), { year: 2025 });
  assert.equal(read.ok, true, JSON.stringify(read));
  assert.deepEqual(read.ok && read.data, DATA);
});

test('a blank workbook carries only its year, and asks for the regional grid', async () => {
  const read = await readAnnualDataWorkbook(Readable.from([await writeAnnualDataTemplate({ year: 2026 })]), { year: 2026 });
  assert.deepEqual(read.ok ? [] : read.problems, [{ sheet: '其他 other', row: 3, column: 'C', reason: { zh: '请选择所在区域电网', en: 'choose the regional grid' } }]);
});
