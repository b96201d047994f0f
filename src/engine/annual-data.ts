/**
 * AnnualData v1 (design.md "AnnualData v1"): one factory-year. The shape is the design's,
 * extended only with optional fields: `energy[].origin` (electricity: grid, on-site
 * renewable, green-power purchase) and `energy[].enthalpyKjPerKg` (steam). Sections other
 * than year, gridRegion and energy may be left out; the KPIs that need them are then null
 * with a reason, never zero.
 */
import { Type, type Static } from 'typebox';
import { invalid } from '../domain/errors.ts';
import { GRID_REGIONS, type GridRegion } from './factor-set-schema.ts';
import { getFactorSet, type FactorSet } from './factor-set.ts';
import { PRODUCT_UNITS, productUnit } from './units.ts';

export { GRID_REGIONS, type GridRegion };

export const ELECTRICITY_ORIGINS = ['grid', 'onsite_renewable', 'green_power'] as const;
export type ElectricityOrigin = (typeof ELECTRICITY_ORIGINS)[number];

const Quantity = Type.Number({ minimum: 0 });
const optionalQuantities = <Keys extends string>(keys: readonly Keys[]) =>
  Type.Object(Object.fromEntries(keys.map((key) => [key, Type.Optional(Quantity)])) as Record<Keys, ReturnType<typeof Type.Optional<typeof Quantity>>>, { additionalProperties: false });

/** JSON schema of AnnualData for OpenAPI; `parseAnnualData` is the authority (it also checks carrier/unit pairs). */
export const AnnualDataSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    gridRegion: Type.Enum(GRID_REGIONS),
    energy: Type.Array(Type.Object({
      carrier: Type.String({ minLength: 1 }),
      quantity: Quantity,
      unit: Type.String({ minLength: 1 }),
      origin: Type.Optional(Type.Enum(ELECTRICITY_ORIGINS)),
      enthalpyKjPerKg: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    }, { additionalProperties: false })),
    output: Type.Optional(Type.Object({
      products: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1 }), quantity: Quantity, unit: Type.String({ minLength: 1 }) }, { additionalProperties: false }))),
      valueTenThousandYuan: Type.Optional(Quantity),
    }, { additionalProperties: false })),
    land: Type.Optional(optionalQuantities(['siteAreaM2', 'footprintM2', 'floorAreaM2'] as const)),
    water: Type.Optional(optionalQuantities(['withdrawalM3', 'reusedM3', 'wastewaterTreatedM3', 'wastewaterReusedM3'] as const)),
    solidWaste: Type.Optional(optionalQuantities(['generatedT', 'utilizedT', 'priorStockUtilizedT'] as const)),
    materials: Type.Optional(optionalQuantities(['greenT', 'totalT'] as const)),
    processEmissionsTCO2e: Type.Optional(Quantity),
  },
  { additionalProperties: false },
);

export type AnnualData = Static<typeof AnnualDataSchema>;
export type EnergyEntry = AnnualData['energy'][number];

type Record_ = Record<string, unknown>;

function objectAt(value: unknown, path: string): Record_ {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(path, `must be an object, got ${describe(value)}`);
  return value as Record_;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function onlyKeys(record: Record_, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) throw invalid(path === '' ? key : `${path}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
  }
}

function quantityAt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(path, `must be a finite number, got ${describe(value)}`);
  if (value < 0) throw invalid(path, `must not be negative, got ${value}`);
  return value;
}

function optionalQuantitySection(value: unknown, path: string, keys: readonly string[]): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  const record = objectAt(value, path);
  onlyKeys(record, keys, path);
  const result: Record<string, number> = {};
  for (const key of keys) if (record[key] !== undefined) result[key] = quantityAt(record[key], `${path}.${key}`);
  return result;
}

function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(path, `must be a non-empty string, got ${describe(value)}`);
  return value;
}

/** Validates an AnnualData document; throws AppError VALIDATION naming the field path (e.g. `energy[2].unit`). */
export function parseAnnualData(input: unknown, options: { factorSet?: FactorSet } = {}): AnnualData {
  const factorSet = options.factorSet ?? getFactorSet();
  const root = objectAt(input, '(root)');
  onlyKeys(root, ['year', 'gridRegion', 'energy', 'output', 'land', 'water', 'solidWaste', 'materials', 'processEmissionsTCO2e'], '');
  if (typeof root.year !== 'number' || !Number.isInteger(root.year) || root.year < 1990 || root.year > 2100) {
    throw invalid('year', `must be an integer year between 1990 and 2100, got ${describe(root.year)}`);
  }
  if (typeof root.gridRegion !== 'string' || !(GRID_REGIONS as readonly string[]).includes(root.gridRegion)) {
    throw invalid('gridRegion', `must be one of ${GRID_REGIONS.join(', ')}, got ${describe(root.gridRegion)}`);
  }
  if (!Array.isArray(root.energy)) throw invalid('energy', `must be an array, got ${describe(root.energy)}`);
  const energy = root.energy.map((item: unknown, index: number): EnergyEntry => {
    const path = `energy[${index}]`;
    const record = objectAt(item, path);
    onlyKeys(record, ['carrier', 'quantity', 'unit', 'origin', 'enthalpyKjPerKg'], path);
    const carrier = stringAt(record.carrier, `${path}.carrier`);
    const carrierFactors = factorSet.carriers.get(carrier);
    if (!carrierFactors) throw invalid(`${path}.carrier`, `unknown carrier "${carrier}" (known: ${[...factorSet.carriers.keys()].join(', ')})`);
    const quantity = quantityAt(record.quantity, `${path}.quantity`);
    const unit = stringAt(record.unit, `${path}.unit`);
    if (!factorSet.conversion(carrier, unit)) throw invalid(`${path}.unit`, `unknown unit "${unit}" for ${carrier} (base unit ${carrierFactors.baseUnit})`);
    const entry: EnergyEntry = { carrier, quantity, unit };
    if (record.origin !== undefined) {
      if (carrierFactors.emission !== 'grid') throw invalid(`${path}.origin`, 'only electricity has an origin');
      if (typeof record.origin !== 'string' || !(ELECTRICITY_ORIGINS as readonly string[]).includes(record.origin)) {
        throw invalid(`${path}.origin`, `must be one of ${ELECTRICITY_ORIGINS.join(', ')}, got ${describe(record.origin)}`);
      }
      entry.origin = record.origin as ElectricityOrigin;
    }
    if (record.enthalpyKjPerKg !== undefined) {
      if (carrierFactors.emission !== 'steam') throw invalid(`${path}.enthalpyKjPerKg`, 'only steam has an enthalpy');
      const enthalpy = quantityAt(record.enthalpyKjPerKg, `${path}.enthalpyKjPerKg`);
      if (enthalpy <= factorSet.feedWaterEnthalpyKjPerKg || enthalpy > 4000) {
        throw invalid(`${path}.enthalpyKjPerKg`, `must lie above the feed-water enthalpy ${factorSet.feedWaterEnthalpyKjPerKg} and at most 4000 kJ/kg, got ${enthalpy}`);
      }
      entry.enthalpyKjPerKg = enthalpy;
    }
    return entry;
  });
  const data: AnnualData = { year: root.year, gridRegion: root.gridRegion as GridRegion, energy };
  if (root.output !== undefined) {
    const output = objectAt(root.output, 'output');
    onlyKeys(output, ['products', 'valueTenThousandYuan'], 'output');
    data.output = {};
    if (output.products !== undefined) {
      if (!Array.isArray(output.products)) throw invalid('output.products', `must be an array, got ${describe(output.products)}`);
      data.output.products = output.products.map((item: unknown, index: number) => {
        const path = `output.products[${index}]`;
        const product = objectAt(item, path);
        onlyKeys(product, ['name', 'quantity', 'unit'], path);
        const unit = stringAt(product.unit, `${path}.unit`);
        if (!productUnit(unit)) throw invalid(`${path}.unit`, `unknown product unit "${unit}" (known: ${Object.keys(PRODUCT_UNITS).join(', ')} and their Chinese names)`);
        return { name: stringAt(product.name, `${path}.name`), quantity: quantityAt(product.quantity, `${path}.quantity`), unit };
      });
    }
    if (output.valueTenThousandYuan !== undefined) data.output.valueTenThousandYuan = quantityAt(output.valueTenThousandYuan, 'output.valueTenThousandYuan');
  }
  const land = optionalQuantitySection(root.land, 'land', ['siteAreaM2', 'footprintM2', 'floorAreaM2']);
  if (land) data.land = land;
  const water = optionalQuantitySection(root.water, 'water', ['withdrawalM3', 'reusedM3', 'wastewaterTreatedM3', 'wastewaterReusedM3']);
  if (water) data.water = water;
  const solidWaste = optionalQuantitySection(root.solidWaste, 'solidWaste', ['generatedT', 'utilizedT', 'priorStockUtilizedT']);
  if (solidWaste) data.solidWaste = solidWaste;
  const materials = optionalQuantitySection(root.materials, 'materials', ['greenT', 'totalT']);
  if (materials) data.materials = materials;
  if (root.processEmissionsTCO2e !== undefined) data.processEmissionsTCO2e = quantityAt(root.processEmissionsTCO2e, 'processEmissionsTCO2e');
  return data;
}
