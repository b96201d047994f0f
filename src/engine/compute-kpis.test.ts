import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeKpis } from './compute-kpis.ts';
import { KPI_NAMES } from './kpi-definitions.ts';
import { energyOnly, near } from './test-support.ts';

test('electricity only: 当量值, 等价值 with year fallback, regional grid factor', () => {
  // 1 000 000 kWh × 0.1229 kgce/kWh = 122 900 kgce = 122.9 tce.
  // 等价值: no 2023 value, latest earlier is 2022: 1 000 000 × 0.3007 = 300 700 kgce = 300.7 tce.
  // CO2: 2023 east (华东) 0.5500 kgCO2/kWh × 1 000 000 kWh = 550 000 kg = 550 t.
  const result = computeKpis(energyOnly(2023, 'east', [{ carrier: 'electricity', quantity: 1_000_000, unit: 'kWh' }]));
  near(result.kpis.energyTce, 122.9);
  near(result.kpis.energyTceEquivalent, 300.7);
  near(result.kpis.co2eElectricityT, 550);
  near(result.kpis.co2eT, 550);
  assert.equal(result.kpis.renewableShare, 0);
  assert.ok(result.notes.some((note) => note.includes('latest earlier year 2022')), 'the 等价值 fallback is noted');
  assert.ok(result.factors.some((factor) => factor.id === 'grid.mee-nbs-statistical.2023.east' && factor.tag === 'V'));
});

test('coal + natural gas + diesel: standard coal and CO2 = NCV × C × OF × 44/12', () => {
  // raw_coal 1 000 t = 1 000 000 kg × 0.7143 = 714 300 kgce   (domain.md §9.1: 1 000 t is 714.3 tce)
  // natural_gas 10 000 m3 × 1.3300                =  13 300 kgce
  // diesel 100 t = 100 000 kg × 1.4571            = 145 710 kgce
  // Σ 873 310 kgce = 873.31 tce
  // CO2 per kg coal  = 20 908 × 26.37 × 0.94 × 44/12 ÷ 1e6 = 1.900298849 → 1 900.298849 t
  // CO2 per m3 gas   = 38 931 × 15.3 × 0.99 × 44/12 ÷ 1e6 = 2.162188809 → 21.62188809 t
  // CO2 per kg diesel= 42 652 × 20.2 × 0.98 × 44/12 ÷ 1e6 = 3.095909637 → 309.5909637 t
  // Σ 2 231.511701 t (no electricity, no process emissions)
  const result = computeKpis(energyOnly(2022, 'north', [
    { carrier: 'raw_coal', quantity: 1000, unit: 't' },
    { carrier: 'natural_gas', quantity: 10_000, unit: 'm3' },
    { carrier: 'diesel', quantity: 100, unit: 't' },
  ]));
  near(result.kpis.energyTce, 873.31);
  near(result.kpis.energyTceEquivalent, 873.31, 'no electricity: equivalent equals 当量 total');
  assert.equal(result.kpis.co2eElectricityT, 0);
  assert.ok(Math.abs(result.kpis.co2eT! - 2231.511701) < 1e-6, `co2eT ${result.kpis.co2eT}`);
  assert.deepEqual(result.traces.energyTce.steps.at(-1), 'Σ 873310 kgce ÷ 1000 = 873.31 tce');
});

test('the same data in other units gives the same KPIs', () => {
  // 1 000 t coal = 1 000 000 kg = 714.3 tce (back through 0.7143); 10 000 m3 gas = 1 × 10^4 m3
  // = 389.31 GJ (NCV 38.931 MJ/m3); 100 t diesel = 0.01 × 10^4 t; 1 000 000 kWh = 1 GWh = 1000 MWh.
  const reference = computeKpis(energyOnly(2022, 'north', [
    { carrier: 'raw_coal', quantity: 1000, unit: 't' }, { carrier: 'natural_gas', quantity: 10_000, unit: 'm3' },
    { carrier: 'diesel', quantity: 100, unit: 't' }, { carrier: 'electricity', quantity: 1_000_000, unit: 'kWh' },
  ])).kpis;
  const variants = [
    [{ carrier: 'raw_coal', quantity: 1_000_000, unit: 'kg' }, { carrier: 'natural_gas', quantity: 1, unit: '10^4 m3' },
      { carrier: 'diesel', quantity: 0.01, unit: '10^4 t' }, { carrier: 'electricity', quantity: 1, unit: 'GWh' }],
    [{ carrier: 'raw_coal', quantity: 714.3, unit: 'tce' }, { carrier: 'natural_gas', quantity: 389.31, unit: 'GJ' },
      { carrier: 'diesel', quantity: 100_000, unit: 'kg' }, { carrier: 'electricity', quantity: 1000, unit: 'MWh' }],
    [{ carrier: 'raw_coal', quantity: 1000, unit: '吨' }, { carrier: 'natural_gas', quantity: 1, unit: '万m³' },
      { carrier: 'diesel', quantity: 100, unit: 't' }, { carrier: 'electricity', quantity: 100, unit: '万kWh' }],
  ];
  for (const energy of variants) {
    const kpis = computeKpis(energyOnly(2022, 'north', energy)).kpis;
    for (const name of KPI_NAMES) {
      if (reference[name] === null) assert.equal(kpis[name], null, name);
      else near(kpis[name], reference[name]!, `${name} with ${energy.map((entry) => entry.unit).join(', ')}`);
    }
  }
});

test('per-unit and per-value intensities; null with a reason, never a division by zero', () => {
  // energy 873 310 kgce (previous case); output 400 t + 100 000 kg = 500 t; value 1 000 万元
  // energyPerUnitKgce = 873 310 ÷ 500 = 1 746.62 kgce/t; per value 0.87331 tce/万元 = 873.31 kgce/万元
  const energy = [{ carrier: 'raw_coal', quantity: 1000, unit: 't' }, { carrier: 'natural_gas', quantity: 10_000, unit: 'm3' }, { carrier: 'diesel', quantity: 100, unit: 't' }];
  const data = { ...energyOnly(2022, 'north', energy), output: { products: [{ name: 'A', quantity: 400, unit: 't' }, { name: 'B', quantity: 100_000, unit: 'kg' }], valueTenThousandYuan: 1000 } };
  const result = computeKpis(data);
  near(result.kpis.energyPerUnitKgce, 1746.62);
  near(result.kpis.energyPerValueTcePerTenThousandYuan, 0.87331);
  near(result.kpis.energyPerValueKgcePerTenThousandYuan, 873.31);
  assert.equal(result.outputUnit, 't');
  assert.equal(result.traces.energyPerUnitKgce.unit, 'kgce/t');

  const mixed = computeKpis({ ...data, output: { products: [{ name: 'A', quantity: 1, unit: 't' }, { name: 'B', quantity: 2, unit: 'piece' }], valueTenThousandYuan: 0 } });
  assert.equal(mixed.kpis.energyPerUnitKgce, null);
  assert.match(mixed.traces.energyPerUnitKgce.reason!, /single product unit/);
  assert.equal(mixed.kpis.energyPerValueTcePerTenThousandYuan, null);
  assert.match(mixed.traces.energyPerValueTcePerTenThousandYuan.reason!, /output\.valueTenThousandYuan is zero/);

  const none = computeKpis(energyOnly(2022, 'north', energy));
  assert.equal(none.kpis.co2ePerUnitT, null);
  assert.match(none.traces.co2ePerUnitT.reason!, /output\.products not reported/);
  assert.equal(none.kpis.plotRatio, null);
  assert.match(none.traces.plotRatio.reason!, /land\.floorAreaM2 not reported/);
});

test('solid-waste utilisation counts prior-year stock in the denominator; water and land ratios', () => {
  // 固废综合利用率 = 900 ÷ (800 + 200) × 100% = 90 %   (utilised 900 t includes 200 t from prior stock)
  // 工业用水重复利用率 = 900 000 ÷ (900 000 + 100 000) = 90 %; 废水回用率 = 30 000 ÷ 60 000 = 50 %
  // 容积率 = 640 000 ÷ 800 000 = 0.8; 建筑密度 = 320 000 ÷ 800 000 = 40 %; 绿色物料 = 30 ÷ 120 = 25 %
  const result = computeKpis({
    ...energyOnly(2023, 'central', []),
    land: { siteAreaM2: 800_000, footprintM2: 320_000, floorAreaM2: 640_000 },
    water: { withdrawalM3: 100_000, reusedM3: 900_000, wastewaterTreatedM3: 60_000, wastewaterReusedM3: 30_000 },
    solidWaste: { generatedT: 800, utilizedT: 900, priorStockUtilizedT: 200 },
    materials: { greenT: 30, totalT: 120 },
  });
  near(result.kpis.solidWasteUtilizationRate, 90);
  near(result.kpis.waterReuseRate, 90);
  near(result.kpis.wastewaterReuseRate, 50);
  near(result.kpis.plotRatio, 0.8);
  near(result.kpis.buildingDensity, 40);
  near(result.kpis.greenMaterialRate, 25);
  assert.deepEqual(result.traces.solidWasteUtilizationRate.steps, ['900 t ÷ 1000 t × 100% = 90 %']);
});

test('a year with no published grid factor falls back to the latest earlier year, and says so', () => {
  // 2024 has no factor: 2023 central (华中) 0.5271 × 2 000 000 kWh = 1 054 200 kg = 1 054.2 t.
  const fallback = computeKpis(energyOnly(2024, 'central', [{ carrier: 'electricity', quantity: 2_000_000, unit: 'kWh' }]));
  near(fallback.kpis.co2eElectricityT, 1054.2);
  assert.ok(fallback.notes.some((note) => note.includes('no published factor for 2024; used the latest earlier year 2023')));
  assert.equal(fallback.traces.co2eElectricityT.factors[0]!.id, 'grid.mee-nbs-statistical.2023.central');
  // 2021 publishes only a national value: 0.5568 × 2 000 000 = 1 113.6 t, with a regional note.
  const national = computeKpis(energyOnly(2021, 'central', [{ carrier: 'electricity', quantity: 2_000_000, unit: 'kWh' }]));
  near(national.kpis.co2eElectricityT, 1113.6);
  assert.ok(national.notes.some((note) => note.includes('no central regional value for 2021')));
  // 2014 is before the first factor (2015): no number, a reason instead.
  const none = computeKpis(energyOnly(2014, 'central', [{ carrier: 'electricity', quantity: 2_000_000, unit: 'kWh' }]));
  assert.equal(none.kpis.co2eElectricityT, null);
  assert.equal(none.kpis.co2eT, null);
  assert.match(none.traces.co2eT.reason!, /no factor for 2014 or any earlier year/);
  // The compliance series is separate and only used when asked for: 2022 → 0.5703.
  const compliance = computeKpis(energyOnly(2022, 'central', [{ carrier: 'electricity', quantity: 1000, unit: 'kWh' }]), { gridSeries: 'mee-compliance-reporting' });
  near(compliance.kpis.co2eElectricityT, 0.5703);
});

test('steam via its kgce or via enthalpy; heat at 0.11 tCO2/GJ; renewable share', () => {
  // steam 100 t = 100 000 kg × 0.1286 = 12 860 kgce; heat = 12 860 × 29 307 kJ = 376 888.02 MJ
  //   × 0.11 kgCO2/MJ = 41 457.6822 kg = 41.4576822 t
  const steam = computeKpis(energyOnly(2022, 'east', [{ carrier: 'steam', quantity: 100, unit: 't' }]));
  near(steam.kpis.energyTce, 12.86);
  near(steam.kpis.co2eT, 41.4576822);
  // with enthalpy 2 800 kJ/kg: 100 000 kg × (2 800 − 83.74) kJ/kg = 271 626 MJ × 0.11 = 29 878.86 kg
  const enthalpy = computeKpis(energyOnly(2022, 'east', [{ carrier: 'steam', quantity: 100, unit: 't', enthalpyKjPerKg: 2800 }]));
  near(enthalpy.kpis.co2eT, 29.87886);
  // heat 1 000 GJ = 1 000 000 MJ × 0.03412 = 34 120 kgce = 34.12 tce; CO2 1 000 GJ × 0.11 = 110 t
  const heat = computeKpis(energyOnly(2022, 'east', [{ carrier: 'heat', quantity: 1000, unit: 'GJ' }]));
  near(heat.kpis.energyTce, 34.12);
  near(heat.kpis.co2eT, 110);
  // 1 000 000 kWh grid + 250 000 kWh on-site PV: renewable 250 000 ÷ 1 250 000 = 20 % (当量 basis);
  // CO2 only for the grid part: 1 000 000 × 0.5617 (2022 east) = 561.7 t
  const solar = computeKpis(energyOnly(2022, 'east', [
    { carrier: 'electricity', quantity: 1_000_000, unit: 'kWh' }, { carrier: 'electricity', quantity: 250_000, unit: 'kWh', origin: 'onsite_renewable' }]));
  near(solar.kpis.renewableShare, 20);
  near(solar.kpis.co2eElectricityT, 561.7);
});

test('a carrier without CO2 data makes co2eT null with a reason, energy still counts', () => {
  // washed_coal 10 t = 10 000 kg × 0.9000 = 9 000 kgce = 9 tce; no NCV/carbon content listed
  const result = computeKpis(energyOnly(2022, 'east', [{ carrier: 'washed_coal', quantity: 10, unit: 't' }]));
  near(result.kpis.energyTce, 9);
  assert.equal(result.kpis.co2eT, null);
  assert.match(result.traces.co2eT.reason!, /no CO2 factor for washed_coal/);
});

test('every KPI has a trace; null values carry a reason; JSON includes traces', () => {
  const result = computeKpis(energyOnly(2023, 'south', [{ carrier: 'electricity', quantity: 10, unit: 'kWh' }]));
  for (const name of KPI_NAMES) {
    const trace = result.traces[name];
    assert.equal(trace.value, result.kpis[name], name);
    assert.equal(trace.value === null, trace.reason !== undefined, `${name}: reason exactly when null`);
  }
  const json = JSON.parse(JSON.stringify(result));
  assert.deepEqual(Object.keys(json.traces).sort(), [...KPI_NAMES].sort());
  assert.ok(json.factors.length > 0);
});
