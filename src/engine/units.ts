/**
 * Unit conversions for energy entries and product output. Carriers are measured in one
 * physical measure (electricity kWh, mass kg, volume m3, heat MJ); fuels may also be given
 * in energy (GJ/MJ/TJ, converted through their listed net calorific value) or in standard
 * coal (kgce/tce, converted back through their listed coefficient). Unknown units are
 * errors, never a silent zero.
 */

export type Measure = 'electricity' | 'mass' | 'volume' | 'heat';

/** The base unit of each measure; factor-set coefficients are per base unit. */
export const BASE_UNIT: Readonly<Record<Measure, string>> = {
  electricity: 'kWh',
  mass: 'kg',
  volume: 'm3',
  heat: 'MJ',
};

/** How many base units one unit holds, per measure. */
export const MEASURE_UNITS: Readonly<Record<Measure, Readonly<Record<string, number>>>> = {
  electricity: { kWh: 1, MWh: 1e3, GWh: 1e6, '10^4 kWh': 1e4 },
  mass: { kg: 1, t: 1e3, '10^4 t': 1e7 },
  volume: { m3: 1, '10^4 m3': 1e4, '10^8 m3': 1e8 },
  heat: { kJ: 1e-3, MJ: 1, GJ: 1e3, TJ: 1e6 },
};

/** Energy units (in MJ) accepted for fuels that list a net calorific value. */
export const CALORIFIC_UNITS: Readonly<Record<string, number>> = { MJ: 1, GJ: 1e3, TJ: 1e6 };

/** Standard-coal units (in kgce) accepted for every carrier except electricity. */
export const STANDARD_COAL_UNITS: Readonly<Record<string, number>> = { kgce: 1, tce: 1e3 };

/** Spellings seen on Chinese forms, mapped to the canonical unit. */
export const UNIT_ALIASES: Readonly<Record<string, string>> = {
  '万kWh': '10^4 kWh',
  '万千瓦时': '10^4 kWh',
  '千瓦时': 'kWh',
  '吨': 't',
  '万吨': '10^4 t',
  '千克': 'kg',
  'm³': 'm3',
  '立方米': 'm3',
  '万m3': '10^4 m3',
  '万m³': '10^4 m3',
  '万立方米': '10^4 m3',
  '亿m3': '10^8 m3',
  '亿m³': '10^8 m3',
  '吨标准煤': 'tce',
  '千克标准煤': 'kgce',
};

/** Canonical spelling of a unit (aliases resolved); unknown units are returned unchanged. */
export function canonicalUnit(unit: string): string {
  return UNIT_ALIASES[unit] ?? unit;
}

export type ProductBase = 't' | 'm3' | 'm2' | 'm' | 'piece' | 'set' | 'vehicle';

/** Product units: the base they add up in and the factor to it. */
export const PRODUCT_UNITS: Readonly<Record<string, { base: ProductBase; factor: number }>> = {
  t: { base: 't', factor: 1 },
  kg: { base: 't', factor: 1e-3 },
  '10^4 t': { base: 't', factor: 1e4 },
  m3: { base: 'm3', factor: 1 },
  '10^4 m3': { base: 'm3', factor: 1e4 },
  m2: { base: 'm2', factor: 1 },
  '10^4 m2': { base: 'm2', factor: 1e4 },
  m: { base: 'm', factor: 1 },
  '10^4 m': { base: 'm', factor: 1e4 },
  piece: { base: 'piece', factor: 1 },
  '10^4 piece': { base: 'piece', factor: 1e4 },
  set: { base: 'set', factor: 1 },
  vehicle: { base: 'vehicle', factor: 1 },
};

/** Chinese product-unit spellings (台 and 套 both count as `set`). */
export const PRODUCT_UNIT_ALIASES: Readonly<Record<string, string>> = {
  '吨': 't', '万吨': '10^4 t', '千克': 'kg', 'm³': 'm3', '立方米': 'm3', '万m3': '10^4 m3',
  '平方米': 'm2', 'm²': 'm2', '万平方米': '10^4 m2', '件': 'piece', '个': 'piece', '只': 'piece',
  '万件': '10^4 piece', '片': 'piece', '万片': '10^4 piece', '万只': '10^4 piece', '万个': '10^4 piece',
  '米': 'm', '万米': '10^4 m', '台': 'set', '套': 'set', '辆': 'vehicle',
};

/** The conversion of a product unit, or undefined when the unit is unknown. */
export function productUnit(unit: string): { base: ProductBase; factor: number } | undefined {
  return PRODUCT_UNITS[PRODUCT_UNIT_ALIASES[unit] ?? unit];
}
