import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listProvinces } from './regions.ts';
import { gridAssignmentOfProvince, gridRegionOfProvince, gridRegionOfRegion, listGridRegions } from './grid-regions.ts';

test('Jiangxi is on the 华中 (central) grid, the one verified assignment', () => {
  assert.equal(gridRegionOfProvince('360000'), 'central');
  assert.equal(gridAssignmentOfProvince('360000')?.tag, 'V');
  assert.equal(gridRegionOfRegion('360425'), 'central');
});

test('every mainland province has a grid; Taiwan, Hong Kong and Macao have none', () => {
  const outside = new Set(['710000', '810000', '820000']);
  for (const province of listProvinces()) {
    const grid = gridRegionOfProvince(province.code);
    if (outside.has(province.code)) assert.equal(grid, undefined, province.code);
    else assert.notEqual(grid, undefined, province.code);
  }
});

test('seven regional grids, each with at least one province', () => {
  const regions = listGridRegions();
  assert.equal(regions.length, 7);
  for (const region of regions) {
    assert.ok(listProvinces().some((p) => gridRegionOfProvince(p.code) === region.id), region.id);
  }
});

test('Inner Mongolia: 蒙西 on the north grid, 赤峰 (蒙东) on the northeast grid', () => {
  assert.equal(gridRegionOfRegion('150100'), 'north'); // 呼和浩特
  assert.equal(gridRegionOfRegion('150404'), 'northeast'); // a district of 赤峰
});

test('Hubei is central, Sichuan southwest, Guangdong south', () => {
  assert.equal(gridRegionOfProvince('420000'), 'central');
  assert.equal(gridRegionOfProvince('510000'), 'southwest');
  assert.equal(gridRegionOfProvince('440000'), 'south');
});
