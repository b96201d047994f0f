/**
 * Factor sets: GB/T 2589 standard-coal coefficients, fuel CO2 factors and MEE/NBS grid
 * factors, loaded from `frameworks/factors/*.json`, checked, and compiled once into lookup
 * tables so that the KPI hot path does map look-ups and multiplications only.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, notFound } from '../domain/errors.ts';
import { checkDataFile, contentHash, DEFAULT_DATA_DIRECTORY, dataFileError, deepFreeze, readJsonFile } from './data-file.ts';
import { FactorSetFileSchema, GRID_REGIONS, type CarrierFile, type FactorSetFile, type GridRegion } from './factor-set-schema.ts';
import type { Provenanced, Tag } from './provenance.ts';
import { BASE_UNIT, CALORIFIC_UNITS, MEASURE_UNITS, STANDARD_COAL_UNITS, UNIT_ALIASES, type Measure } from './units.ts';
import { resolveElectricityEquivalent, resolveGridFactor, type EquivalentResolution, type GridResolution } from './factor-resolution.ts';

export type { GridRegion } from './factor-set-schema.ts';
export type { EquivalentResolution, GridResolution } from './factor-resolution.ts';

/** One coefficient as it was used: what a trace and `factors[]` show a reviewer. */
export interface FactorUse {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly tag: Tag;
  readonly note?: string;
}

export interface CarrierFactors {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly measure: Measure;
  readonly emission: CarrierFile['emission'];
  readonly baseUnit: string;
  readonly kgcePerBaseUnit: number;
  readonly kgceFactor: FactorUse;
  /** kgCO2 per base unit; null when the set lists no CO2 data (or for electricity: the grid decides). */
  readonly co2KgPerBaseUnit: number | null;
  readonly co2Factor: FactorUse | null;
  /** Net calorific value in kJ per base unit, when listed. */
  readonly netCalorificValue: number | null;
  readonly raw: CarrierFile;
}

export interface UnitConversion {
  readonly carrier: CarrierFactors;
  readonly unit: string;
  /** Base units per one unit of the entry. */
  readonly toBase: number;
  /** How the unit reaches the base: same measure, through the NCV, or through the kgce coefficient. */
  readonly route: 'measure' | 'calorific' | 'standard-coal';
}

export interface FactorSet {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly carriers: ReadonlyMap<string, CarrierFactors>;
  readonly kjPerKgce: number;
  readonly heatKgCo2PerMj: number;
  readonly heatFactor: FactorUse;
  readonly feedWaterEnthalpyKjPerKg: number;
  readonly feedWaterFactor: FactorUse;
  readonly defaultGridSeries: string;
  readonly gridSeries: readonly { id: string; nameZh: string; nameEn: string }[];
  readonly file: FactorSetFile;
  /** The conversion of `unit` for `carrier` (aliases resolved), or undefined when either is unknown. */
  conversion(carrier: string, unit: string): UnitConversion | undefined;
  /** Grid factor for a data year and region; falls back to the latest earlier year (memoised). */
  gridFactor(year: number, region: GridRegion, seriesId?: string): GridResolution;
  /** Electricity 等价值 for a data year; falls back to the latest earlier year (memoised). */
  electricityEquivalent(year: number): EquivalentResolution;
}

export function factorUse(id: string, nameZh: string, nameEn: string, value: Provenanced<number>, unit?: string): FactorUse {
  return {
    id, nameZh, nameEn, value: value.value, unit: unit ?? value.unit ?? '', source: value.source, tag: value.tag,
    ...(value.note === undefined ? {} : { note: value.note }),
  };
}

/** CO2 of a fuel per base unit: NCV × carbon content × oxidation rate × 44/12 (domain.md §9.1). */
export function fuelCo2KgPerBaseUnit(ncvKj: number, carbonTcPerTj: number, oxidationRate: number): number {
  // kJ × 1e-9 TJ/kJ × tC/TJ × 44/12 tCO2/tC × 1000 kg/t = ncv × C × OF × 44/12 × 1e-6 kg
  return (ncvKj * carbonTcPerTj * oxidationRate * 44) / 12 / 1e6;
}

function compileCarrier(raw: CarrierFile, file: FactorSetFile, path: string, fileName: string): CarrierFactors {
  const kgceFactor = factorUse(`${raw.id}.kgce`, `${raw.nameZh}折标准煤系数`, `${raw.nameEn} standard-coal coefficient`, raw.kgcePerBaseUnit);
  let co2KgPerBaseUnit: number | null = null;
  let co2Factor: FactorUse | null = null;
  const carbonParts = [raw.netCalorificValue, raw.carbonContent, raw.oxidationRate].filter((part) => part !== undefined);
  if (raw.emission === 'fuel' && carbonParts.length > 0) {
    if (carbonParts.length < 3 || !raw.netCalorificValue || !raw.carbonContent || !raw.oxidationRate) {
      throw dataFileError(fileName, path, 'a fuel lists netCalorificValue, carbonContent and oxidationRate together or none of them');
    }
    co2KgPerBaseUnit = fuelCo2KgPerBaseUnit(raw.netCalorificValue.value, raw.carbonContent.value, raw.oxidationRate.value);
    if (raw.listedCo2PerBaseUnit && co2KgPerBaseUnit.toFixed(4) !== raw.listedCo2PerBaseUnit.value.toFixed(4)) {
      throw dataFileError(fileName, `${path}.listedCo2PerBaseUnit`,
        `computed ${co2KgPerBaseUnit.toFixed(4)} (NCV × C × OF × 44/12) differs from the listed ${raw.listedCo2PerBaseUnit.value}`);
    }
    const tags = carbonParts.map((part) => part.tag);
    co2Factor = {
      id: `${raw.id}.co2`, nameZh: `${raw.nameZh}CO2排放因子`, nameEn: `${raw.nameEn} CO2 factor`,
      value: co2KgPerBaseUnit, unit: `kgCO2/${BASE_UNIT[raw.measure]}`,
      source: `computed at load: NCV ${raw.netCalorificValue.value} ${raw.netCalorificValue.unit ?? ''} × C ${raw.carbonContent.value} tC/TJ × OF ${raw.oxidationRate.value} × 44/12 (${raw.netCalorificValue.source})`,
      tag: tags.includes('U') ? 'U' : tags.includes('3P') ? '3P' : 'V',
      ...(raw.listedCo2PerBaseUnit ? { note: `listed value ${raw.listedCo2PerBaseUnit.value} ${raw.listedCo2PerBaseUnit.unit ?? ''}` } : {}),
    };
  } else if (raw.emission === 'heat') {
    co2KgPerBaseUnit = file.heatEmission.value; // tCO2/GJ equals kgCO2/MJ
    co2Factor = factorUse('heat.co2', '热力CO2排放因子', 'Heat CO2 factor', file.heatEmission, 'kgCO2/MJ (= tCO2/GJ)');
  } else if (raw.emission === 'steam') {
    // Steam without an enthalpy: its heat is taken as its kgce × kJ/kgce (documented choice, frameworks/README.md).
    co2KgPerBaseUnit = (raw.kgcePerBaseUnit.value * file.kjPerKgce.value / 1000) * file.heatEmission.value;
    co2Factor = {
      id: `${raw.id}.co2`, nameZh: `${raw.nameZh}CO2排放因子（按折标热量）`, nameEn: `${raw.nameEn} CO2 factor (heat via kgce)`,
      value: co2KgPerBaseUnit, unit: 'kgCO2/kg',
      source: `${raw.kgcePerBaseUnit.value} kgce/kg × ${file.kjPerKgce.value} kJ/kgce ÷ 1000 × ${file.heatEmission.value} kgCO2/MJ`,
      tag: [raw.kgcePerBaseUnit.tag, file.kjPerKgce.tag, file.heatEmission.tag].includes('U') ? 'U' : '3P',
    };
  }
  return {
    id: raw.id, nameZh: raw.nameZh, nameEn: raw.nameEn, measure: raw.measure, emission: raw.emission,
    baseUnit: BASE_UNIT[raw.measure], kgcePerBaseUnit: raw.kgcePerBaseUnit.value, kgceFactor,
    co2KgPerBaseUnit, co2Factor, netCalorificValue: raw.netCalorificValue?.value ?? null, raw,
  };
}

function unitTable(carrier: CarrierFactors): Map<string, UnitConversion> {
  const table = new Map<string, UnitConversion>();
  for (const [unit, toBase] of Object.entries(MEASURE_UNITS[carrier.measure])) table.set(unit, { carrier, unit, toBase, route: 'measure' });
  if (carrier.netCalorificValue !== null && carrier.measure !== 'heat') {
    for (const [unit, megajoules] of Object.entries(CALORIFIC_UNITS)) {
      table.set(unit, { carrier, unit, toBase: (megajoules * 1000) / carrier.netCalorificValue, route: 'calorific' });
    }
  }
  if (carrier.measure !== 'electricity') {
    for (const [unit, kgce] of Object.entries(STANDARD_COAL_UNITS)) {
      table.set(unit, { carrier, unit, toBase: kgce / carrier.kgcePerBaseUnit, route: 'standard-coal' });
    }
  }
  for (const [alias, canonical] of Object.entries(UNIT_ALIASES)) {
    const conversion = table.get(canonical);
    if (conversion) table.set(alias, conversion);
  }
  return table;
}

/** Loads and checks one factor-set file; throws AppError CONFIG naming the file and field. */
export function loadFactorSet(file: string = join(DEFAULT_DATA_DIRECTORY, 'factors', 'cn-default.json')): FactorSet {
  const raw = deepFreeze(checkDataFile(FactorSetFileSchema, readJsonFile(file), file));
  const carriers = new Map<string, CarrierFactors>();
  const units = new Map<string, Map<string, UnitConversion>>();
  raw.carriers.forEach((carrierFile, index) => {
    const path = `carriers[${index}]`;
    if (carriers.has(carrierFile.id)) throw dataFileError(file, `${path}.id`, `duplicate carrier "${carrierFile.id}"`);
    const expected: Record<CarrierFile['emission'], Measure[]> = { grid: ['electricity'], fuel: ['mass', 'volume'], heat: ['heat'], steam: ['mass'] };
    if (!expected[carrierFile.emission].includes(carrierFile.measure)) {
      throw dataFileError(file, `${path}.measure`, `emission "${carrierFile.emission}" needs measure ${expected[carrierFile.emission].join(' or ')}`);
    }
    const carrier = compileCarrier(carrierFile, raw, path, file);
    carriers.set(carrier.id, carrier);
    units.set(carrier.id, unitTable(carrier));
  });
  if (carriers.get('electricity')?.emission !== 'grid') throw dataFileError(file, 'carriers', 'an "electricity" carrier with emission "grid" is required');
  const seriesIds = raw.grid.series.map((series) => series.id);
  if (!seriesIds.includes(raw.grid.defaultSeries)) throw dataFileError(file, 'grid.defaultSeries', `no series "${raw.grid.defaultSeries}"`);
  raw.grid.series.forEach((series, seriesIndex) => {
    const seen = new Set<string>();
    series.factors.forEach((factor, index) => {
      const key = `${factor.year}/${factor.region}`;
      if (seen.has(key)) throw dataFileError(file, `grid.series[${seriesIndex}].factors[${index}]`, `duplicate factor for ${key}`);
      seen.add(key);
    });
  });
  const years = raw.electricityEquivalent.values.map((entry) => entry.year);
  if (new Set(years).size !== years.length) throw dataFileError(file, 'electricityEquivalent.values', 'duplicate year');

  const gridMemo = new Map<string, Map<number, GridResolution>>();
  const equivalentMemo = new Map<number, EquivalentResolution>();
  return Object.freeze({
    id: raw.id, version: raw.version, hash: contentHash(raw), nameZh: raw.nameZh, nameEn: raw.nameEn,
    carriers, kjPerKgce: raw.kjPerKgce.value,
    heatKgCo2PerMj: raw.heatEmission.value,
    heatFactor: factorUse('heat.co2', '热力CO2排放因子', 'Heat CO2 factor', raw.heatEmission),
    feedWaterEnthalpyKjPerKg: raw.steamEnthalpy.feedWaterEnthalpy.value,
    feedWaterFactor: factorUse('steam.feed-water-enthalpy', '给水焓值', 'Feed-water enthalpy', raw.steamEnthalpy.feedWaterEnthalpy),
    defaultGridSeries: raw.grid.defaultSeries,
    gridSeries: raw.grid.series.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
    file: raw,
    conversion: (carrier: string, unit: string) => units.get(carrier)?.get(unit),
    gridFactor(year: number, region: GridRegion, seriesId: string = raw.grid.defaultSeries): GridResolution {
      let memo = gridMemo.get(seriesId);
      if (!memo) {
        if (!seriesIds.includes(seriesId)) throw new AppError('VALIDATION', `gridSeries: unknown series "${seriesId}" (known: ${seriesIds.join(', ')})`, { path: 'gridSeries' });
        memo = new Map();
        gridMemo.set(seriesId, memo);
      }
      const key = year * 16 + GRID_REGIONS.indexOf(region);
      let resolution = memo.get(key);
      if (!resolution) {
        resolution = resolveGridFactor(raw.grid.series.find((series) => series.id === seriesId)!, year, region);
        memo.set(key, resolution);
      }
      return resolution;
    },
    electricityEquivalent(year: number): EquivalentResolution {
      let resolution = equivalentMemo.get(year);
      if (!resolution) {
        resolution = resolveElectricityEquivalent(raw.electricityEquivalent.values, year);
        equivalentMemo.set(year, resolution);
      }
      return resolution;
    },
  });
}

let registry: Map<string, FactorSet> | undefined;

/** Every factor set under `frameworks/factors/`, loaded once. */
export function listFactorSets(): readonly FactorSet[] {
  if (!registry) {
    const directory = join(DEFAULT_DATA_DIRECTORY, 'factors');
    const loaded = new Map<string, FactorSet>();
    for (const name of readdirSync(directory).filter((entry) => entry.endsWith('.json')).sort()) {
      const set = loadFactorSet(join(directory, name));
      if (loaded.has(set.id)) throw dataFileError(join(directory, name), 'id', `duplicate factor set id "${set.id}"`);
      loaded.set(set.id, set);
    }
    registry = loaded;
  }
  return [...registry.values()];
}

export const DEFAULT_FACTOR_SET_ID = 'cn-default';

/** A loaded factor set by id (default `cn-default`); throws AppError NOT_FOUND. */
export function getFactorSet(id: string = DEFAULT_FACTOR_SET_ID): FactorSet {
  if (!registry) listFactorSets();
  const set = registry!.get(id);
  if (!set) throw notFound(`factor set "${id}"`);
  return set;
}
