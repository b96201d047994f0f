import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { AnnualDataSchema, GRID_REGIONS, parseAnnualData, type AnnualData, type EnergyEntry } from './annual-data.ts';
import { computeKpis } from './compute-kpis.ts';
import { getFactorSet } from './factor-set.ts';
import { getFramework } from './frameworks.ts';
import { KPI_NAMES } from './kpi-definitions.ts';
import { score, type Answer } from './score.ts';

/** Units of the same carrier, with the factor from the first (reference) unit. */
const UNIT_FAMILIES: Record<string, [string, number][]> = {
  electricity: [['kWh', 1], ['MWh', 1e-3], ['GWh', 1e-6], ['10^4 kWh', 1e-4]],
  raw_coal: [['t', 1], ['kg', 1e3], ['10^4 t', 1e-4], ['tce', 0.7143], ['GJ', 20.908]],
  natural_gas: [['m3', 1], ['10^4 m3', 1e-4], ['GJ', 0.038931], ['kgce', 1.33]],
  diesel: [['t', 1], ['kg', 1e3], ['tce', 1.4571]],
  steam: [['t', 1], ['kg', 1e3]],
  heat: [['GJ', 1], ['MJ', 1e3], ['TJ', 1e-3], ['tce', 0.03412]],
};

// Reported quantities: 0 or between 1e-6 and 1e7 (subnormal doubles such as 5e-324 underflow in
// any unit conversion and are not meaningful measurements).
const quantity = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e7, noNaN: true, noDefaultInfinity: true }));
const energyEntry: fc.Arbitrary<EnergyEntry> = fc.constantFrom(...Object.keys(UNIT_FAMILIES)).chain((carrier) =>
  fc.record({ quantity, origin: fc.constantFrom<'grid' | 'onsite_renewable' | 'green_power'>('grid', 'onsite_renewable', 'green_power') })
    .map(({ quantity, origin }) => ({ carrier, quantity, unit: UNIT_FAMILIES[carrier]![0]![0], ...(carrier === 'electricity' ? { origin } : {}) })));
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const annualData: fc.Arbitrary<AnnualData> = fc.record({
  year: fc.integer({ min: 2014, max: 2026 }),
  gridRegion: fc.constantFrom(...GRID_REGIONS),
  energy: fc.array(energyEntry, { maxLength: 6 }),
  output: fc.record({ products: fc.array(fc.record({ name: fc.constant('p'), quantity, unit: fc.constantFrom('t', 'kg') }), { maxLength: 2 }), valueTenThousandYuan: quantity }),
  land: fc.record({ siteAreaM2: quantity, footprintM2: quantity, floorAreaM2: quantity }),
  water: fc.record({ withdrawalM3: optional(quantity), reusedM3: quantity, wastewaterTreatedM3: quantity, wastewaterReusedM3: quantity }),
  solidWaste: fc.record({ generatedT: quantity, utilizedT: quantity, priorStockUtilizedT: quantity }),
  materials: fc.record({ greenT: quantity, totalT: quantity }),
  processEmissionsTCO2e: optional(quantity),
}).map((data) => JSON.parse(JSON.stringify(data)) as AnnualData); // drop undefined fields, as JSON would

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

test('property: every generated document parses unchanged and satisfies the published schema', () => {
  fc.assert(fc.property(annualData, (data) => {
    assert.deepEqual(parseAnnualData(data), data);
    assert.ok(Value.Check(AnnualDataSchema, data));
  }), { numRuns: 200 });
});

test('property: more energy never lowers energyTce', () => {
  fc.assert(fc.property(annualData, energyEntry, (data, extra) => {
    const before = computeKpis(data).kpis.energyTce!;
    const after = computeKpis({ ...data, energy: [...data.energy, extra] }).kpis.energyTce!;
    assert.ok(after >= before, `${after} < ${before}`);
  }), { numRuns: 300 });
});

test('property: a unit change never changes a KPI', () => {
  fc.assert(fc.property(annualData, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (data, choices) => {
    const converted = data.energy.map((entry, index) => {
      const family = UNIT_FAMILIES[entry.carrier]!;
      const [unit, factor] = family[choices[index]! % family.length]!;
      return { ...entry, unit, quantity: entry.quantity * factor };
    });
    const reference = computeKpis(data).kpis;
    const kpis = computeKpis({ ...data, energy: converted }).kpis;
    for (const name of KPI_NAMES) assert.ok(close(reference[name], kpis[name]), `${name}: ${reference[name]} vs ${kpis[name]}`);
  }), { numRuns: 300 });
});

test('property: every indicator score lies in [0, max] and they add up to the total (both frameworks)', () => {
  const frameworks = [getFramework('gbt36132-2025'), getFramework('gbt36132-2018')];
  const answersFor = (framework: (typeof frameworks)[number], seed: number): Record<string, Answer> => {
    const answers: Record<string, Answer> = {};
    let state = seed;
    for (const dimension of framework.dimensions) for (const indicator of dimension.indicators) {
      state = (state * 1103515245 + 12345) % 2147483648;
      if (state % 5 === 0) continue; // leave some unanswered
      if (indicator.kind === 'requirement-item') answers[indicator.id] = state % 2 === 0;
      else if (indicator.kind === 'qualitative-indicator') answers[indicator.id] = indicator.options[state % indicator.options.length]!.id;
      else if (indicator.kpi === null) answers[indicator.id] = (state % 1000) / 7;
    }
    return answers;
  };
  fc.assert(fc.property(annualData, fc.nat(), fc.boolean(), (data, seed, vetoed) => {
    for (const framework of frameworks) {
      const basics = Object.fromEntries(framework.basicRequirements.map((requirement) => [requirement.id, !vetoed]));
      const result = score({ framework, data, qualitative: answersFor(framework, seed), basicRequirements: basics });
      let hundredths = 0;
      for (const indicator of result.indicators) {
        assert.ok(indicator.score >= 0 && indicator.score <= indicator.max, `${indicator.id}: ${indicator.score} of ${indicator.max}`);
        assert.ok(Math.abs(indicator.score * 100 - Math.round(indicator.score * 100)) < 1e-6, `${indicator.id}: ${indicator.score} has more than two decimals`);
        hundredths += Math.round(indicator.score * 100);
      }
      if (vetoed) assert.equal(result.total, null);
      else if (result.total !== null) assert.equal(Math.round(result.total * 100), hundredths);
      assert.equal(result.dimensions.reduce((sum, dimension) => sum + Math.round(dimension.score * 100), 0), hundredths);
    }
  }), { numRuns: 150 });
});

test('property: a trace exists for every KPI, with a reason exactly when the value is null', () => {
  fc.assert(fc.property(annualData, (data) => {
    const result = computeKpis(data);
    for (const name of KPI_NAMES) {
      const trace = result.traces[name];
      assert.equal(trace.value, result.kpis[name]);
      assert.equal(trace.reason === undefined, trace.value !== null, `${name}: ${trace.reason}`);
    }
  }), { numRuns: 100 });
});

test('property: the factor set knows every unit the properties use', () => {
  const factorSet = getFactorSet();
  for (const [carrier, family] of Object.entries(UNIT_FAMILIES)) for (const [unit] of family) assert.ok(factorSet.conversion(carrier, unit), `${carrier} ${unit}`);
});
