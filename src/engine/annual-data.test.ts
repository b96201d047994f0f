import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from 'typebox/value';
import { AnnualDataSchema, parseAnnualData } from './annual-data.ts';
import { computeKpis } from './compute-kpis.ts';
import { throwsAt } from './test-support.ts';

const valid = () => ({
  year: 2024,
  gridRegion: 'central',
  energy: [
    { carrier: 'electricity', quantity: 12_000_000, unit: 'kWh' },
    { carrier: 'raw_coal', quantity: 5000, unit: 't' },
    { carrier: 'natural_gas', quantity: 300_000, unit: 'm3' },
  ],
  output: { products: [{ name: '有机硅单体', quantity: 100_000, unit: 't' }], valueTenThousandYuan: 250_000 },
  land: { siteAreaM2: 800_000, footprintM2: 320_000, floorAreaM2: 640_000 },
  water: { withdrawalM3: 0, reusedM3: 0, wastewaterTreatedM3: 0, wastewaterReusedM3: 0 },
  solidWaste: { generatedT: 0, utilizedT: 0, priorStockUtilizedT: 0 },
  materials: { greenT: 0, totalT: 0 },
  processEmissionsTCO2e: 0,
});

test('the design.md example parses unchanged and matches the published schema', () => {
  const data = parseAnnualData(valid());
  assert.deepEqual(data, valid());
  assert.ok(Value.Check(AnnualDataSchema, data));
  // design.md example by hand: 12 000 000 × 0.1229 + 5 000 000 × 0.7143 + 300 000 × 1.33
  //   = 1 474 800 + 3 571 500 + 399 000 = 5 445 300 kgce = 5 445.3 tce; per t: 54.453 kgce/t
  const kpis = computeKpis(data).kpis;
  assert.ok(Math.abs(kpis.energyTce! - 5445.3) < 1e-9);
  assert.ok(Math.abs(kpis.energyPerUnitKgce! - 54.453) < 1e-9);
});

test('bad input is a VALIDATION error naming the exact field path', () => {
  const cases: [string, (doc: ReturnType<typeof valid>) => unknown][] = [
    ['energy[1].carrier', (doc) => { (doc.energy[1] as { carrier: string }).carrier = 'moon_dust'; return doc; }],
    ['energy[2].unit', (doc) => { doc.energy[2]!.unit = 'kwh2'; return doc; }],
    ['energy[2].unit', (doc) => { doc.energy[2]!.unit = 'kWh'; return doc; }], // natural gas is not measured in kWh
    ['energy[0].quantity', (doc) => { doc.energy[0]!.quantity = -1; return doc; }],
    ['energy[0].quantity', (doc) => { (doc.energy[0] as { quantity: unknown }).quantity = '12000000'; return doc; }],
    ['energy[0].quantity', (doc) => { (doc.energy[0] as { quantity: unknown }).quantity = null; return doc; }],
    ['energy[1].origin', (doc) => ({ ...doc, energy: [doc.energy[0], { ...doc.energy[1], origin: 'grid' }] })],
    ['energy', (doc) => ({ ...doc, energy: {} })],
    ['year', (doc) => ({ ...doc, year: '2024' })],
    ['gridRegion', (doc) => ({ ...doc, gridRegion: 'mars' })],
    ['water.withdrawalM3', (doc) => ({ ...doc, water: { ...doc.water, withdrawalM3: -5 } })],
    ['water.withdrawlM3', (doc) => ({ ...doc, water: { withdrawlM3: 5 } })],
    ['output.products[0].unit', (doc) => ({ ...doc, output: { products: [{ name: 'x', quantity: 1, unit: 'bags' }] } })],
    ['output.valueTenThousandYuan', (doc) => ({ ...doc, output: { valueTenThousandYuan: Number.NaN } })],
    ['land', (doc) => ({ ...doc, land: [1, 2] })],
    ['factoryName', (doc) => ({ ...doc, factoryName: 'x' })],
  ];
  for (const [path, mutate] of cases) throwsAt(() => parseAnnualData(mutate(valid())), 'VALIDATION', path);
  throwsAt(() => parseAnnualData('not a document'), 'VALIDATION', '(root)');
});

test('computeKpis on unparsed data still refuses an unknown unit with its path', () => {
  const doc = valid();
  doc.energy[1]!.unit = 'barrel';
  throwsAt(() => computeKpis(doc as never), 'VALIDATION', 'energy[1].unit');
});

test('sections may be left out: their KPIs are null, not zero', () => {
  const data = parseAnnualData({ year: 2023, gridRegion: 'east', energy: [] });
  const result = computeKpis(data);
  assert.equal(result.kpis.energyTce, 0);
  assert.equal(result.kpis.waterReuseRate, null);
  assert.equal(result.kpis.greenMaterialRate, null);
  assert.ok(result.notes.some((note) => note.includes('processEmissionsTCO2e not reported')));
});
