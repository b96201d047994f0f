/**
 * The KPI engine (pure). One pass over the energy entries adds up standard coal and CO2
 * with precompiled coefficients; no strings are built here. Traces (inputs, factors and
 * the arithmetic as text) are built lazily, only when `traces` or `factors` is read, by
 * `kpi-traces.ts` from the same data.
 */
import { invalid } from '../domain/errors.ts';
import type { AnnualData } from './annual-data.ts';
import { getFactorSet, type FactorSet, type FactorUse, type GridResolution, type EquivalentResolution } from './factor-set.ts';
import { KPI_NAMES, type KpiName } from './kpi-definitions.ts';
import { buildKpiTraces, type KpiTrace, type TraceContext } from './kpi-traces.ts';
import { productUnit, type ProductBase } from './units.ts';

export type Kpis = Record<KpiName, number | null>;

export interface KpiResult {
  readonly kpis: Kpis;
  /** One trace per KPI: inputs, factors with sources, arithmetic a reviewer can redo (built on first read). */
  readonly traces: Record<KpiName, KpiTrace>;
  /** Every coefficient used, with source and tag (built on first read). */
  readonly factors: FactorUse[];
  /** Fallbacks and gaps a reader must know about (factor year fallback, unreported sections). */
  readonly notes: string[];
  /** The base unit the per-unit KPIs are expressed in, or null when there is no single one. */
  readonly outputUnit: ProductBase | null;
  readonly factorSetId: string;
  readonly factorSetVersion: string;
  readonly gridSeries: string;
}

export interface ComputeKpisOptions {
  factorSet?: FactorSet;
  /** Grid factor series id (default: the factor set's `grid.defaultSeries`, the MEE/NBS statistical one). */
  gridSeries?: string;
}

/** Sums over the energy entries, in base units (kgce, kWh, kgCO2). */
export interface EnergySums {
  nonElectricKgce: number;
  electricityKwh: number;
  /** Electricity whose CO2 counts at the grid factor (origin grid or green_power). */
  gridKwh: number;
  /** Electricity counted as renewable (origin onsite_renewable or green_power). */
  renewableKwh: number;
  fuelCo2Kg: number;
  heatCo2Kg: number;
  /** First carrier without a CO2 factor in this factor set, if any. */
  carrierWithoutCo2: string | null;
}

export function sumEnergy(data: AnnualData, factorSet: FactorSet): EnergySums {
  const sums: EnergySums = { nonElectricKgce: 0, electricityKwh: 0, gridKwh: 0, renewableKwh: 0, fuelCo2Kg: 0, heatCo2Kg: 0, carrierWithoutCo2: null };
  const energy = data.energy;
  for (let index = 0; index < energy.length; index++) {
    const entry = energy[index]!;
    const conversion = factorSet.conversion(entry.carrier, entry.unit);
    if (conversion === undefined) {
      if (!factorSet.carriers.has(entry.carrier)) throw invalid(`energy[${index}].carrier`, `unknown carrier "${entry.carrier}"`);
      throw invalid(`energy[${index}].unit`, `unknown unit "${entry.unit}" for ${entry.carrier}`);
    }
    const carrier = conversion.carrier;
    const base = entry.quantity * conversion.toBase;
    switch (carrier.emission) {
      case 'grid':
        sums.electricityKwh += base;
        if (entry.origin === 'onsite_renewable') sums.renewableKwh += base;
        else if (entry.origin === 'green_power') { sums.renewableKwh += base; sums.gridKwh += base; }
        else sums.gridKwh += base;
        break;
      case 'fuel':
        sums.nonElectricKgce += base * carrier.kgcePerBaseUnit;
        if (carrier.co2KgPerBaseUnit === null) sums.carrierWithoutCo2 ??= carrier.id;
        else sums.fuelCo2Kg += base * carrier.co2KgPerBaseUnit;
        break;
      case 'heat':
        sums.nonElectricKgce += base * carrier.kgcePerBaseUnit;
        sums.heatCo2Kg += base * factorSet.heatKgCo2PerMj;
        break;
      case 'steam':
        sums.nonElectricKgce += base * carrier.kgcePerBaseUnit;
        sums.heatCo2Kg += entry.enthalpyKjPerKg === undefined
          ? base * carrier.co2KgPerBaseUnit!
          : (base * (entry.enthalpyKjPerKg - factorSet.feedWaterEnthalpyKjPerKg) / 1000) * factorSet.heatKgCo2PerMj;
        break;
    }
  }
  return sums;
}

/** Total product output in one base unit; `base` is null when products are missing or mixed. */
export function totalOutput(data: AnnualData): { base: ProductBase | null; quantity: number; mixed: boolean } {
  const products = data.output?.products;
  if (products === undefined || products.length === 0) return { base: null, quantity: 0, mixed: false };
  let base: ProductBase | null = null;
  let quantity = 0;
  for (let index = 0; index < products.length; index++) {
    const product = products[index]!;
    const unit = productUnit(product.unit);
    if (unit === undefined) throw invalid(`output.products[${index}].unit`, `unknown product unit "${product.unit}"`);
    if (base !== null && unit.base !== base) return { base: null, quantity: 0, mixed: true };
    base = unit.base;
    quantity += product.quantity * unit.factor;
  }
  return { base, quantity, mixed: false };
}

const ratio = (numerator: number | null | undefined, denominator: number | null | undefined): number | null => {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined || denominator <= 0) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null; // a subnormal denominator must not print Infinity
};
const percent = (numerator: number | undefined, denominator: number | null | undefined): number | null => {
  const value = ratio(numerator, denominator);
  return value === null || !Number.isFinite(value * 100) ? null : value * 100;
};
const sumOf = (first: number | undefined, second: number | undefined): number | null =>
  first === undefined || second === undefined ? null : first + second;

let defaultFactorSet: FactorSet | undefined;

/** Computes every KPI of one factory-year. Throws VALIDATION for an unknown carrier or unit. */
export function computeKpis(data: AnnualData, options: ComputeKpisOptions = {}): KpiResult {
  const factorSet = options.factorSet ?? (defaultFactorSet ??= getFactorSet());
  const gridSeries = options.gridSeries ?? factorSet.defaultGridSeries;
  const sums = sumEnergy(data, factorSet);
  const electricityKgcePerKwh = factorSet.carriers.get('electricity')!.kgcePerBaseUnit;
  const notes: string[] = [];

  const energyKgce = sums.nonElectricKgce + sums.electricityKwh * electricityKgcePerKwh;
  const equivalent: EquivalentResolution | null = sums.electricityKwh > 0 ? factorSet.electricityEquivalent(data.year) : null;
  let energyTceEquivalent: number | null = sums.nonElectricKgce / 1000;
  if (equivalent !== null) {
    if (equivalent.found) energyTceEquivalent = (sums.nonElectricKgce + sums.electricityKwh * equivalent.kgcePerKwh) / 1000;
    else energyTceEquivalent = null;
    if (equivalent.note !== null) notes.push(equivalent.note);
  }

  const grid: GridResolution | null = sums.gridKwh > 0 ? factorSet.gridFactor(data.year, data.gridRegion, gridSeries) : null;
  let co2eElectricityT: number | null = 0;
  if (grid !== null) {
    co2eElectricityT = grid.found ? (sums.gridKwh * grid.kgCo2PerKwh) / 1000 : null;
    if (grid.note !== null) notes.push(grid.note);
  }
  let co2eT: number | null = null;
  if (sums.carrierWithoutCo2 === null && co2eElectricityT !== null) {
    co2eT = (sums.fuelCo2Kg + sums.heatCo2Kg) / 1000 + co2eElectricityT + (data.processEmissionsTCO2e ?? 0);
  }
  if (data.processEmissionsTCO2e === undefined) {
    notes.push('过程排放未填报，二氧化碳排放总量仅含能源相关排放 / processEmissionsTCO2e not reported: co2eT covers energy-related emissions only');
  }

  const output = totalOutput(data);
  const outputQuantity = output.base === null ? null : output.quantity;
  const value = data.output?.valueTenThousandYuan;
  const land = data.land;
  const water = data.water;
  const waste = data.solidWaste;
  const energyTce = energyKgce / 1000;

  const kpis: Kpis = {
    energyTce,
    energyTceEquivalent,
    energyPerUnitKgce: ratio(energyKgce, outputQuantity),
    energyPerValueTcePerTenThousandYuan: ratio(energyTce, value),
    energyPerValueKgcePerTenThousandYuan: ratio(energyKgce, value),
    co2eT,
    co2eElectricityT,
    co2ePerUnitT: ratio(co2eT, outputQuantity),
    co2ePerValueKgPerTenThousandYuan: co2eT === null ? null : ratio(co2eT * 1000, value),
    renewableShare: percent(sums.renewableKwh * electricityKgcePerKwh, energyKgce),
    plotRatio: ratio(land?.floorAreaM2, land?.siteAreaM2),
    buildingDensity: percent(land?.footprintM2, land?.siteAreaM2),
    valuePerLandTenThousandYuanPerM2: ratio(value, land?.siteAreaM2),
    waterReuseRate: percent(water?.reusedM3, sumOf(water?.reusedM3, water?.withdrawalM3)),
    wastewaterReuseRate: percent(water?.wastewaterReusedM3, water?.wastewaterTreatedM3),
    waterIntensityM3PerTenThousandYuan: ratio(water?.withdrawalM3, value),
    waterPerUnitM3: ratio(water?.withdrawalM3, outputQuantity),
    solidWasteUtilizationRate: percent(waste?.utilizedT, sumOf(waste?.generatedT, waste?.priorStockUtilizedT)),
    greenMaterialRate: percent(data.materials?.greenT, data.materials?.totalT),
  };
  if (kpis.solidWasteUtilizationRate !== null && kpis.solidWasteUtilizationRate > 100) {
    notes.push('固废综合利用率超过100%，请核对综合利用量 / solidWasteUtilizationRate exceeds 100%: check utilizedT against generatedT + priorStockUtilizedT');
  }

  return new ComputedKpis(kpis, notes, output.base, factorSet, gridSeries, { data, grid, equivalent, output });
}

/**
 * The result object. Traces and factors are prototype getters built on first read, so the
 * bulk path allocates no closures; `toJSON` includes them, so a JSON reply is complete.
 * (An object spread copies own fields only: read `traces`/`factors` explicitly.)
 */
class ComputedKpis implements KpiResult {
  readonly factorSetId: string;
  readonly factorSetVersion: string;
  #traces: Record<KpiName, KpiTrace> | undefined;
  #factors: FactorUse[] | undefined;
  readonly #factorSet: FactorSet;
  readonly #context: Pick<TraceContext, 'data' | 'grid' | 'equivalent' | 'output'>;

  constructor(
    readonly kpis: Kpis,
    readonly notes: string[],
    readonly outputUnit: ProductBase | null,
    factorSet: FactorSet,
    readonly gridSeries: string,
    context: Pick<TraceContext, 'data' | 'grid' | 'equivalent' | 'output'>,
  ) {
    this.factorSetId = factorSet.id;
    this.factorSetVersion = factorSet.version;
    this.#factorSet = factorSet;
    this.#context = context;
  }

  get traces(): Record<KpiName, KpiTrace> {
    if (this.#traces === undefined) {
      const traces = buildKpiTraces({ ...this.#context, kpis: this.kpis, factorSet: this.#factorSet, gridSeries: this.gridSeries });
      const seen = new Map<string, FactorUse>();
      for (const name of KPI_NAMES) for (const factor of traces[name].factors) seen.set(factor.id, factor);
      this.#traces = traces;
      this.#factors = [...seen.values()];
    }
    return this.#traces;
  }

  get factors(): FactorUse[] {
    if (this.#factors === undefined) void this.traces;
    return this.#factors!;
  }

  toJSON() {
    return {
      kpis: this.kpis, traces: this.traces, factors: this.factors, notes: this.notes, outputUnit: this.outputUnit,
      factorSetId: this.factorSetId, factorSetVersion: this.factorSetVersion, gridSeries: this.gridSeries,
    };
  }
}
