/**
 * Invented AnnualData v1 documents (design.md "AnnualData v1") for the demo factories:
 * sizes from the industry profile, gentle year-on-year improvement, plausible ratios
 * (water reuse 80–98 %, solid-waste utilisation 60–99 %). Each factory-year is seeded from
 * its own key, so one document never depends on which others were generated.
 */
import { invalid } from '../errors.ts';
import { gridRegionOfRegion, type GridRegion } from '../reference/grid-regions.ts';
import { profileOfEnterprise, SILICONE_PLANT_KEY, type DemoEnterprise, type DemoFactory } from './demo-enterprises.ts';
import { CARRIER_UNITS, SIZING_KGCE_PER_UNIT, type DemoCarrier } from './industry-profiles.ts';
import { createRandom, randomBetween, seedFrom, type Random } from './random.ts';

/** AnnualData v1, exactly as design.md specifies it (extend, never rename). */
export interface AnnualDataV1 {
  year: number;
  gridRegion: GridRegion | 'national';
  energy: { carrier: string; quantity: number; unit: string }[];
  output: { products: { name: string; quantity: number; unit: string }[]; valueTenThousandYuan: number };
  land: { siteAreaM2: number; footprintM2: number; floorAreaM2: number };
  water: { withdrawalM3: number; reusedM3: number; wastewaterTreatedM3: number; wastewaterReusedM3: number };
  /** utilizedT includes priorStockUtilizedT (统计口径: 综合利用量 includes 综合利用往年贮存量). */
  solidWaste: { generatedT: number; utilizedT: number; priorStockUtilizedT: number };
  materials: { greenT: number; totalT: number };
  processEmissionsTCO2e: number;
}

/** The three demo years. */
export const DEMO_YEARS: readonly number[] = [2023, 2024, 2025];
const BASE_YEAR = 2023;

const round = (value: number, step: number): number => Math.round(value / step) * step;
/** Rounds to `step` and removes binary noise (0.1 × 3 → 0.30000000000000004). */
const roundTo = (value: number, step: number): number => Number(round(value, step).toFixed(step < 1 ? String(step).length - 2 : 0));

/** Per-factory constants, drawn once from the factory key. */
interface FactoryTraits {
  baseOutput: number;
  growth: number;
  intensity: number;
  improvement: number;
  priceFactor: number;
  buildingDensity: number;
  storeys: number;
  reuseRate: number;
  wastewaterShare: number;
  wastewaterReuse: number;
  utilisation: number;
  priorStock: number;
  greenShare: number;
}

function traitsOf(enterprise: DemoEnterprise, factory: DemoFactory): FactoryTraits {
  const profile = profileOfEnterprise(enterprise);
  const random = createRandom(seedFrom(factory.key));
  const [low, high] = profile.output;
  const isSilicone = enterprise.key === SILICONE_PLANT_KEY;
  return {
    // Log-uniform over the profile's range: many mid-sized plants, a few large ones.
    baseOutput: isSilicone ? 100_000 : low * (high / low) ** random(),
    growth: isSilicone ? 0.01 : randomBetween(random, 0, 0.06),
    intensity: isSilicone ? 1 : randomBetween(random, 0.8, 1.25),
    improvement: isSilicone ? 0.025 : randomBetween(random, 0.015, 0.04),
    priceFactor: isSilicone ? 1 : randomBetween(random, 0.85, 1.15),
    buildingDensity: isSilicone ? 0.4 : randomBetween(random, 0.3, 0.55),
    storeys: isSilicone ? 2 : randomBetween(random, 1.2, 3),
    reuseRate: isSilicone ? 0.95 : randomBetween(random, 0.8, 0.95),
    wastewaterShare: randomBetween(random, 0.3, 0.6),
    wastewaterReuse: randomBetween(random, 0.2, 0.6),
    // From 0.62: with up to 2 % prior stock in the denominator the rate stays ≥ 0.6.
    utilisation: isSilicone ? 0.9 : randomBetween(random, 0.62, 0.94),
    priorStock: random() < 0.7 ? 0 : randomBetween(random, 0.005, 0.02),
    greenShare: randomBetween(random, profile.greenShare[0], profile.greenShare[1]),
  };
}

/** A small per-year wobble, ±amplitude. */
const wobble = (random: Random, amplitude: number): number => 1 + randomBetween(random, -amplitude, amplitude);

/** One invented factory-year for a demo enterprise's factory. */
export function demoAnnualData(enterprise: DemoEnterprise, factory: DemoFactory, year: number): AnnualDataV1 {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('year', 'must be an integer year from 2000 to 2100');
  if (!enterprise.factories.some((f) => f.key === factory.key)) throw invalid('factory', `${factory.key} is not a factory of ${enterprise.key}`);
  const profile = profileOfEnterprise(enterprise);
  const traits = traitsOf(enterprise, factory);
  const random = createRandom(seedFrom(`${factory.key}/${year}`));
  const yearsSinceBase = year - BASE_YEAR;

  const output = Math.max(1, Math.round(traits.baseOutput * (1 + traits.growth) ** yearsSinceBase * wobble(random, 0.02)));
  // The wobble (±0.5 %) stays below half the smallest improvement (1.5 %), so intensity falls every year.
  const intensity = traits.intensity * (1 - traits.improvement) ** yearsSinceBase * wobble(random, 0.005);
  const energyKgce = output * profile.energyKgcePerUnit * intensity;

  const energy = (Object.entries(profile.energyMix) as [DemoCarrier, number][]).map(([carrier, share]) => {
    const quantity = (energyKgce * share) / SIZING_KGCE_PER_UNIT[carrier];
    const unit = CARRIER_UNITS[carrier];
    return { carrier, quantity: unit === 'kWh' ? round(quantity, 100) : unit === 'm3' ? round(quantity, 10) : roundTo(quantity, 0.1), unit };
  });

  const siteAreaM2 = factory.siteAreaM2;
  const footprintM2 = round(siteAreaM2 * traits.buildingDensity, 100);
  const floorAreaM2 = round(footprintM2 * traits.storeys, 100);

  const waterIntensity = traits.intensity * (1 - traits.improvement * 0.8) ** yearsSinceBase * wobble(random, 0.01);
  const withdrawalM3 = round(output * profile.waterM3PerUnit * waterIntensity, 10);
  const reuseRate = Math.min(0.98, traits.reuseRate + 0.005 * yearsSinceBase);
  const wastewaterTreatedM3 = round(withdrawalM3 * traits.wastewaterShare, 10);

  const generatedT = roundTo(output * profile.solidWasteTPerUnit * intensity * wobble(random, 0.02), 0.1);
  const utilisation = Math.min(0.99, traits.utilisation + 0.01 * yearsSinceBase);
  const totalMaterialsT = roundTo(output * profile.materialsTPerUnit * wobble(random, 0.01), 0.1);

  return {
    year,
    gridRegion: gridRegionOfRegion(factory.regionCode) ?? 'national',
    energy,
    output: {
      products: [{ name: profile.productZh, quantity: output, unit: profile.productUnit }],
      valueTenThousandYuan: roundTo((output * profile.priceYuan * traits.priceFactor * wobble(random, 0.03)) / 10_000, 0.1),
    },
    land: { siteAreaM2, footprintM2, floorAreaM2 },
    water: {
      withdrawalM3,
      reusedM3: round((withdrawalM3 * reuseRate) / (1 - reuseRate), 10),
      wastewaterTreatedM3,
      wastewaterReusedM3: round(wastewaterTreatedM3 * Math.min(0.9, traits.wastewaterReuse + 0.02 * yearsSinceBase), 10),
    },
    solidWaste: {
      generatedT,
      utilizedT: roundTo(generatedT * utilisation, 0.1),
      priorStockUtilizedT: roundTo(generatedT * traits.priorStock, 0.1),
    },
    materials: {
      greenT: roundTo(totalMaterialsT * Math.min(0.95, traits.greenShare + 0.01 * yearsSinceBase), 0.1),
      totalT: totalMaterialsT,
    },
    processEmissionsTCO2e: Math.round(output * profile.processTco2ePerUnit * intensity),
  };
}

export interface DemoAnnualDataEntry {
  enterpriseKey: string;
  factoryKey: string;
  year: number;
  data: AnnualDataV1;
}

/** Every factory-year of the given enterprises, in enterprise, factory, year order. */
export function demoAnnualDataSet(enterprises: readonly DemoEnterprise[], years: readonly number[] = DEMO_YEARS): DemoAnnualDataEntry[] {
  return enterprises.flatMap((enterprise) =>
    enterprise.factories.flatMap((factory) =>
      years.map((year) => ({ enterpriseKey: enterprise.key, factoryKey: factory.key, year, data: demoAnnualData(enterprise, factory, year) })),
    ),
  );
}
