import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridRegionOfRegion } from '../reference/grid-regions.ts';
import { demoAnnualData, demoAnnualDataSet, DEMO_YEARS } from './demo-annual-data.ts';
import { demoEnterprises } from './demo-enterprises.ts';
import { SIZING_KGCE_PER_UNIT, type DemoCarrier } from './industry-profiles.ts';

const enterprises = demoEnterprises();
const dataSet = demoAnnualDataSet(enterprises);
const [silicone] = enterprises;
if (!silicone) throw new Error('no demo enterprises');
const siliconeFactory = silicone.factories[0];
if (!siliconeFactory) throw new Error('silicone plant without a factory');

/** Energy in tce with the sizing coefficients (electricity at 当量值). */
const tceOf = (energy: { carrier: string; quantity: number }[]) =>
  energy.reduce((sum, e) => sum + (e.quantity * SIZING_KGCE_PER_UNIT[e.carrier as DemoCarrier]) / 1000, 0);

test('byte-identical for the same input, independent of generation order', () => {
  assert.equal(JSON.stringify(demoAnnualDataSet(demoEnterprises())), JSON.stringify(dataSet));
  const alone = demoAnnualData(silicone, siliconeFactory, 2024);
  assert.deepEqual(alone, dataSet.find((e) => e.factoryKey === siliconeFactory.key && e.year === 2024)?.data);
});

test('three years per factory', () => {
  assert.deepEqual(DEMO_YEARS, [2023, 2024, 2025]);
  const factories = enterprises.reduce((n, e) => n + e.factories.length, 0);
  assert.equal(dataSet.length, factories * 3);
});

test('documents have exactly the AnnualData v1 fields', () => {
  for (const { data } of dataSet.slice(0, 30)) {
    assert.deepEqual(Object.keys(data).sort(), ['energy', 'gridRegion', 'land', 'materials', 'output', 'processEmissionsTCO2e', 'solidWaste', 'water', 'year']);
    assert.deepEqual(Object.keys(data.output).sort(), ['products', 'valueTenThousandYuan']);
    assert.deepEqual(Object.keys(data.land).sort(), ['floorAreaM2', 'footprintM2', 'siteAreaM2']);
    assert.deepEqual(Object.keys(data.water).sort(), ['reusedM3', 'wastewaterReusedM3', 'wastewaterTreatedM3', 'withdrawalM3']);
    assert.deepEqual(Object.keys(data.solidWaste).sort(), ['generatedT', 'priorStockUtilizedT', 'utilizedT']);
    assert.deepEqual(Object.keys(data.materials).sort(), ['greenT', 'totalT']);
  }
});

test('carriers and units come from the contract; grid region from the factory’s province', () => {
  const units: Record<string, string> = { electricity: 'kWh', raw_coal: 't', natural_gas: 'm3', diesel: 't', steam: 't' };
  for (const entry of dataSet) {
    for (const e of entry.data.energy) {
      assert.equal(units[e.carrier], e.unit, e.carrier);
      assert.ok(e.quantity > 0);
    }
    const enterprise = enterprises.find((x) => x.key === entry.enterpriseKey);
    const factory = enterprise?.factories.find((f) => f.key === entry.factoryKey);
    assert.equal(entry.data.gridRegion, gridRegionOfRegion(factory?.regionCode ?? '') ?? 'national');
  }
});

test('the silicone plant: ~100 000 t of monomer, ~10^8 kWh, central grid', () => {
  for (const year of DEMO_YEARS) {
    const data = demoAnnualData(silicone, siliconeFactory, year);
    const product = data.output.products[0];
    assert.equal(product?.name, '有机硅单体');
    assert.ok(product && product.quantity > 95_000 && product.quantity < 110_000, String(product?.quantity));
    const electricity = data.energy.find((e) => e.carrier === 'electricity')?.quantity ?? 0;
    assert.ok(electricity > 0.8e8 && electricity < 1.3e8, String(electricity));
    assert.equal(data.gridRegion, 'central');
    assert.equal(data.land.siteAreaM2, 800_000);
  }
});

test('ratios are plausible: water reuse 80–98 %, solid-waste utilisation 60–99 %, land and materials consistent', () => {
  for (const { data } of dataSet) {
    const { withdrawalM3, reusedM3, wastewaterTreatedM3, wastewaterReusedM3 } = data.water;
    const reuse = reusedM3 / (reusedM3 + withdrawalM3);
    assert.ok(reuse >= 0.79 && reuse <= 0.981, String(reuse));
    assert.ok(wastewaterReusedM3 <= wastewaterTreatedM3 && wastewaterTreatedM3 <= withdrawalM3);
    const { generatedT, utilizedT, priorStockUtilizedT } = data.solidWaste;
    const utilisation = utilizedT / (generatedT + priorStockUtilizedT);
    assert.ok(utilisation >= 0.59 && utilisation <= 0.99, String(utilisation));
    assert.ok(data.land.footprintM2 <= data.land.siteAreaM2 && data.land.footprintM2 <= data.land.floorAreaM2);
    assert.ok(data.materials.greenT <= data.materials.totalT);
    // Energy per 万元 of output between 0.01 and 5 tce: light assembly to cement.
    const perValue = tceOf(data.energy) / data.output.valueTenThousandYuan;
    assert.ok(perValue > 0.01 && perValue < 5, String(perValue));
  }
});

test('energy per unit of product falls every year for every factory (gentle improvement)', () => {
  const perUnit = new Map<string, number[]>();
  for (const { factoryKey, data } of dataSet) {
    const list = perUnit.get(factoryKey) ?? [];
    list.push(tceOf(data.energy) / (data.output.products[0]?.quantity ?? 1));
    perUnit.set(factoryKey, list);
  }
  for (const [factoryKey, [y2023 = 0, y2024 = 0, y2025 = 0]] of perUnit) {
    assert.ok(y2024 < y2023 && y2025 < y2024, factoryKey);
    // Gentle: no more than 5 % a year.
    assert.ok(y2024 > y2023 * 0.95 && y2025 > y2024 * 0.95, factoryKey);
  }
});

test('bad year or a factory of another enterprise is refused', () => {
  assert.throws(() => demoAnnualData(silicone, siliconeFactory, 2024.5));
  const other = enterprises[1]?.factories[0];
  if (other) assert.throws(() => demoAnnualData(silicone, other, 2024));
});
