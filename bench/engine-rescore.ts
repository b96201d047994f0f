/**
 * Bench: re-score N deterministic factory-years (KPIs + GB/T 36132-2025 scoring) on one
 * core. Data come from a seeded PRNG in chunks (so memory stays flat); only the scoring is
 * timed. Quality bar (design.md): 500k factory-years in < 5 s.
 *   node --import tsx bench/engine-rescore.ts 500000
 */
import { pathToFileURL } from 'node:url';
import type { AnnualData, EnergyEntry } from '../src/engine/annual-data.ts';
import { GRID_REGIONS } from '../src/engine/annual-data.ts';
import { getFramework } from '../src/engine/frameworks.ts';
import { score, type Answer } from '../src/engine/score.ts';
import { createRandom } from '../src/domain/demo/random.ts';

const prng = createRandom;

const between = (random: () => number, low: number, high: number) => low + (high - low) * random();
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** One plausible factory-year plus its 2025 answers. */
export function generateFactoryYear(random: () => number): { data: AnnualData; qualitative: Record<string, Answer> } {
  const electricityKwh = Math.round(between(random, 1e6, 3e8));
  const energy: EnergyEntry[] = [{ carrier: 'electricity', quantity: electricityKwh, unit: random() < 0.5 ? 'kWh' : 'MWh' }];
  if (energy[0]!.unit === 'MWh') energy[0]!.quantity = electricityKwh / 1000;
  if (random() < 0.3) energy.push({ carrier: 'electricity', quantity: Math.round(electricityKwh * between(random, 0.01, 0.2)), unit: 'kWh', origin: 'onsite_renewable' });
  if (random() < 0.5) energy.push({ carrier: 'raw_coal', quantity: Math.round(between(random, 100, 200000)), unit: 't' });
  if (random() < 0.7) energy.push({ carrier: 'natural_gas', quantity: Math.round(between(random, 1, 5000)), unit: '10^4 m3' });
  if (random() < 0.4) energy.push({ carrier: 'diesel', quantity: Math.round(between(random, 10, 2000)), unit: 't' });
  if (random() < 0.4) energy.push({ carrier: 'steam', quantity: Math.round(between(random, 1000, 500000)), unit: 't' });
  const output = Math.round(between(random, 1000, 1e6));
  const value = Math.round(between(random, 5000, 2e6));
  const siteArea = Math.round(between(random, 20000, 2e6));
  const withdrawal = Math.round(between(random, 1e4, 5e6));
  const generated = Math.round(between(random, 100, 1e5));
  const totalMaterials = Math.round(between(random, 1000, 1e6));
  return {
    data: {
      year: 2021 + Math.floor(random() * 4),
      gridRegion: pick(random, GRID_REGIONS),
      energy,
      output: { products: [{ name: 'product', quantity: output, unit: 't' }], valueTenThousandYuan: value },
      land: { siteAreaM2: siteArea, footprintM2: Math.round(siteArea * between(random, 0.2, 0.7)), floorAreaM2: Math.round(siteArea * between(random, 0.4, 2)) },
      water: { withdrawalM3: withdrawal, reusedM3: Math.round(withdrawal * between(random, 0, 20)), wastewaterTreatedM3: Math.round(withdrawal * 0.6), wastewaterReusedM3: Math.round(withdrawal * between(random, 0, 0.6)) },
      solidWaste: { generatedT: generated, utilizedT: Math.round(generated * between(random, 0.3, 1)), priorStockUtilizedT: Math.round(generated * between(random, 0, 0.1)) },
      materials: { greenT: Math.round(totalMaterials * between(random, 0, 0.8)), totalT: totalMaterials },
      processEmissionsTCO2e: Math.round(between(random, 0, 50000)),
    },
    qualitative: {
      'energy.energy-carbon-platform': Math.floor(random() * 13),
      'resources.material-saving-cases': random() < 0.7 ? 'provided' : 'not_provided',
      'resources.recycled-material-cases': random() < 0.5 ? 'provided' : 'not_provided',
      'clean-production.advanced-equipment': Math.floor(random() * 8),
      'clean-production.retrofit-projects': Math.round(between(random, 0, 5) * 10) / 10,
      'clean-production.retrofit-investment': Math.round(between(random, 0, 15) * 100) / 100,
      'clean-production.pollutant-concentration': Math.round(between(random, 0, 80)),
      'green-products.green-design-cases': random() < 0.6 ? 'provided' : 'not_provided',
      'green-products.carbon-footprint-share': Math.round(between(random, 0, 100)),
    },
  };
}

/**
 * The baseline measured in the same run: the least any scorer must do per factory-year —
 * read every energy entry and multiply by a coefficient — without unit checks, factors
 * with provenance, traces or indicators.
 */
function baselineMs(batch: readonly { data: AnnualData }[]): number {
  let sink = 0;
  const started = process.hrtime.bigint();
  for (const { data } of batch) {
    let kgce = 0;
    for (const entry of data.energy) kgce += entry.quantity * 0.1229;
    sink += kgce / ((data.output?.valueTenThousandYuan ?? 0) + 1);
  }
  if (!Number.isFinite(sink)) throw new Error('bench: non-finite baseline');
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function run(options: { count: number; seed?: number }): Promise<{ name: string; count: number; ms: number; perSecond: number; baselineMs: number }> {
  const framework = getFramework('gbt36132-2025');
  const random = prng(options.seed ?? 20260101);
  const chunk = 50_000;
  let elapsed = 0;
  let baseline = 0;
  let checksum = 0;
  for (let done = 0; done < options.count; done += chunk) {
    const batch = Array.from({ length: Math.min(chunk, options.count - done) }, () => generateFactoryYear(random));
    baseline += baselineMs(batch);
    const started = process.hrtime.bigint();
    for (const { data, qualitative } of batch) {
      const result = score({ framework, data, qualitative, basicRequirements: { 'basic.lawful-compliance': true } });
      checksum += result.total ?? 0;
    }
    elapsed += Number(process.hrtime.bigint() - started) / 1e6;
  }
  if (!Number.isFinite(checksum)) throw new Error('bench: non-finite checksum');
  return { name: 'engine-rescore (KPIs + GB/T 36132-2025 score)', count: options.count, ms: Math.round(elapsed), perSecond: Math.round(options.count / (elapsed / 1000)), baselineMs: Math.round(baseline) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 500_000);
  const result = await run({ count });
  console.log(`${result.name}: ${result.count} factory-years in ${result.ms} ms (${result.perSecond}/s, ${(result.ms * 1000 / result.count).toFixed(2)} µs each)`);
}
