/**
 * Dynamic-report CSV v1 without a database: header names and aliases, cells to AnnualData
 * (the engine's check included), the problems a row can have, and the writer's cells
 * read back to the very same document text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnOfHeader, DYNAMIC_REPORT_COLUMNS, isDynamicReportHeader, mapDynamicReportHeader } from '../../src/commands/imports/dynamic-report-columns.ts';
import { planRows, readDynamicReportRow, type Cell, type DynamicReportRow, type RowProblem } from '../../src/commands/imports/dynamic-report-row.ts';
import { dynamicReportCells, dynamicReportSheetColumns } from '../../src/commands/imports/dynamic-report-cells.ts';
import { documentJson } from '../../src/commands/imports/parse-dynamic-report-rows.ts';
import { getFactorSet, parseAnnualData, type AnnualData } from '../../src/engine/index.ts';

const PLANT = '91360425705862313P';
const factorSet = getFactorSet();

function read(header: string[], cells: Cell[]): DynamicReportRow | RowProblem[] {
  const mapped = mapDynamicReportHeader(header);
  assert.deepEqual(mapped.problems, []);
  return readDynamicReportRow(planRows(mapped.columns), cells, factorSet);
}

function ok(result: DynamicReportRow | RowProblem[]): DynamicReportRow {
  assert.ok(!Array.isArray(result), `expected a row, got ${JSON.stringify(result)}`);
  return result;
}

test('headers are read by key, Chinese label, alias or "中文 / key", whatever the width of their brackets and case', () => {
  assert.equal(columnOfHeader('electricity_kwh')?.key, 'electricity_kwh');
  assert.equal(columnOfHeader('电力（kWh）')?.key, 'electricity_kwh');
  assert.equal(columnOfHeader('电力(KWH)')?.key, 'electricity_kwh', 'half-width brackets, upper case');
  assert.equal(columnOfHeader('天然气（m3）')?.key, 'natural_gas_m3', 'm3 for m³');
  assert.equal(columnOfHeader('统一社会信用代码 / credit_code')?.key, 'credit_code');
  assert.equal(columnOfHeader(' Year ')?.key, 'year');
  assert.equal(columnOfHeader('用电量（kWh）')?.key, 'electricity_kwh');
  assert.equal(columnOfHeader('electricity'), undefined);
  assert.equal(isDynamicReportHeader(['统一社会信用代码', '年度', '电力（kWh）']), true);
  assert.equal(isDynamicReportHeader(['tag', 'value']), false);
});

test('a header with an unknown, a repeated or a missing required column is a problem, never a column dropped', () => {
  const mapped = mapDynamicReportHeader(['credit_code', 'electricty_kwh', '电力（kWh）', 'electricity_kwh']);
  assert.deepEqual(mapped.problems.map((p) => p.column), ['electricty_kwh', 'electricity_kwh', 'year']);
  assert.match(mapped.problems[0]!.reason, /unknown column/);
  assert.match(mapped.problems[1]!.reason, /appears twice/);
  assert.match(mapped.problems[2]!.reason, /required column is missing/);
});

test('a row becomes AnnualData v1 in the format’s key order, whatever the order of the file’s columns', () => {
  const cells: Cell[] = [PLANT, '2025', '12,000,000', '5000', '有机硅单体', '100000', '吨', '250000', '640000', '800000', '', '0'];
  const row = ok(read(['credit_code', 'year', 'electricity_kwh', 'raw_coal_t', 'product_name', 'output_quantity', 'output_unit', 'output_value_10k_yuan', 'floor_area_m2', 'site_area_m2', 'footprint_m2', 'process_emissions_tco2e'], cells));
  assert.equal(row.creditCode, PLANT);
  assert.equal(row.year, 2025);
  assert.equal(row.gridRegion, null, 'no grid column: the factory’s own');
  row.document.gridRegion = 'central';
  // 12,000,000 with thousands separators is 12000000; the empty footprint is left out (not zero);
  // land keys follow the format (site, footprint, floor), not the file (floor before site).
  assert.equal(
    JSON.stringify(row.document),
    '{"year":2025,"gridRegion":"central","energy":[{"carrier":"electricity","quantity":12000000,"unit":"kWh"},{"carrier":"raw_coal","quantity":5000,"unit":"t"}],"output":{"products":[{"name":"有机硅单体","quantity":100000,"unit":"吨"}],"valueTenThousandYuan":250000},"land":{"siteAreaM2":800000,"floorAreaM2":640000},"processEmissionsTCO2e":0}',
  );
  assert.deepEqual(parseAnnualData(row.document), row.document, 'the engine accepts it as it is');
});

test('numbers from a workbook arrive as numbers; grids by id or Chinese name; the list entry and origins are kept', () => {
  const row = ok(read(['统一社会信用代码', '数据年度', '名单条目编号', '电网区域', '绿电交易电量（kWh）'], [PLANT, 2025, 17, '华中', 3000.5]));
  assert.equal(row.listEntryId, 17);
  assert.equal(row.gridRegion, 'central');
  assert.deepEqual(row.document.energy, [{ carrier: 'electricity', quantity: 3000.5, unit: 'kWh', origin: 'green_power' }]);
  assert.equal(ok(read(['credit_code', 'year', 'grid_region', 'heat_gj'], [PLANT.toLowerCase(), '2025', 'south', '12'])).creditCode, PLANT, 'lower case codes are normalised');
  const empty = read(['credit_code', 'year', 'enterprise_name', 'electricity_kwh'], [PLANT, '2025', '江西蓝星星火有机硅有限公司', '']);
  assert.deepEqual(empty, [{ column: null, reason: 'the row has no figures; fill it in or leave it out / 该行未填写任何数据，请填写或删除该行' }], 'a template row sent back untouched');
});

test('each malformed cell is reported at its column with a reason in English and Chinese', () => {
  const header = ['credit_code', 'year', 'electricity_kwh', 'grid_region', 'output_quantity', 'output_unit', 'product_name'];
  const cases: [Cell[], string, RegExp][] = [
    [[PLANT, '2025', 'abc', '', '', '', ''], 'electricity_kwh', /"abc" is not a number \/ 不是数字/],
    [[PLANT, '2025', '-5', '', '', '', ''], 'electricity_kwh', /must not be negative, got -5/],
    [[PLANT, '2025', '0x10', '', '', '', ''], 'electricity_kwh', /not a number/],
    [[PLANT, '2025.5', '1', '', '', '', ''], 'year', /whole number/],
    [[PLANT, '', '1', '', '', '', ''], 'year', /the year is required/],
    [['', '2025', '1', '', '', '', ''], 'credit_code', /credit code is required/],
    [[PLANT, '2025', '1', 'mars', '', '', ''], 'grid_region', /unknown grid "mars"/],
    [[PLANT, '2025', '1', '', '5', '', ''], 'product_name', /go together/],
    // The engine finds what the cells cannot show: a product unit it does not know.
    [[PLANT, '2025', '1', '', '5', '斤', '单体'], 'output_unit', /unknown product unit "斤"/],
    [[PLANT, '1800', '1', '', '', '', ''], 'year', /between 1990 and 2100/],
  ];
  for (const [cells, column, reason] of cases) {
    const problems = read(header, cells);
    assert.ok(Array.isArray(problems), `${cells.join(',')} should fail`);
    assert.equal(problems[0]!.column, column, cells.join(','));
    assert.match(problems[0]!.reason, reason, cells.join(','));
  }
});

test('the writer’s cells read back to the same document text (CSV v1 round trip)', () => {
  const document: AnnualData = {
    year: 2024,
    gridRegion: 'east',
    energy: [
      { carrier: 'electricity', quantity: 1_200_000, unit: 'kWh' },
      { carrier: 'electricity', quantity: 50_000, unit: 'kWh', origin: 'onsite_renewable' },
      { carrier: 'natural_gas', quantity: 30_000, unit: 'm3' },
      { carrier: 'heat', quantity: 1200, unit: 'GJ' },
    ],
    output: { products: [{ name: '光伏玻璃', quantity: 2_000_000, unit: 'm2' }], valueTenThousandYuan: 91_000 },
    land: { siteAreaM2: 100_000, footprintM2: 45_000, floorAreaM2: 90_000 },
    water: { withdrawalM3: 80_000, reusedM3: 720_000, wastewaterTreatedM3: 20_000, wastewaterReusedM3: 8_000 },
    solidWaste: { generatedT: 1200, utilizedT: 1100, priorStockUtilizedT: 30 },
    materials: { greenT: 900, totalT: 12_000 },
    processEmissionsTCO2e: 0,
  };
  const cells = dynamicReportCells(document)!;
  const columns = dynamicReportSheetColumns();
  const row = { creditCode: PLANT, enterpriseName: '示例', listEntryId: 3, year: 2024, document, cells };
  const header = columns.map((c) => c.key);
  const values = columns.map((c) => c.value(row));
  const back = ok(read(header, values));
  assert.equal(back.gridRegion, 'east');
  back.document.gridRegion = back.gridRegion!;
  assert.equal(JSON.stringify(back.document), JSON.stringify(document));
  assert.equal(back.listEntryId, 3);
  // What the import stores: the text put together from the grid and the rest (in UTF-8), identical to JSON.stringify.
  const tail = JSON.stringify({ ...document, gridRegion: '' }).slice('{"year":2024,"gridRegion":""'.length);
  assert.equal(documentJson(2024, 'east', Buffer.from(tail)), JSON.stringify(document));
});

test('the writer converts units within a measure and refuses what v1 cannot carry whole', () => {
  const base = { year: 2024, gridRegion: 'east' as const };
  // 1.2 MWh is 1,200 kWh; 0.5 t of diesel given in kg (500 kg) is 0.5 t.
  assert.deepEqual(Object.fromEntries(dynamicReportCells({ ...base, energy: [{ carrier: 'electricity', quantity: 1.2, unit: 'MWh' }, { carrier: 'diesel', quantity: 500, unit: 'kg' }] })!), { electricity_kwh: 1200, diesel_t: 0.5 });
  assert.equal(dynamicReportCells({ ...base, energy: [{ carrier: 'raw_coal', quantity: 10, unit: 'tce' }] }), undefined, 'coal in standard coal');
  assert.equal(dynamicReportCells({ ...base, energy: [], output: { products: [{ name: 'a', quantity: 1, unit: 't' }, { name: 'b', quantity: 1, unit: 't' }] } }), undefined, 'two products');
  assert.equal(dynamicReportCells({ ...base, energy: [{ carrier: 'steam', quantity: 10, unit: 't', enthalpyKjPerKg: 2800 }] }), undefined, 'steam with its enthalpy');
});

test('every energy column names a carrier and unit the factor set knows', () => {
  for (const column of DYNAMIC_REPORT_COLUMNS) {
    if (column.target.kind !== 'energy') continue;
    assert.ok(factorSet.carriers.has(column.target.carrier), column.key);
    assert.ok(factorSet.conversion(column.target.carrier, column.target.unit), column.key);
  }
});
