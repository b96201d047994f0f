import { test } from 'node:test';
import assert from 'node:assert/strict';
import { queryString, readListQuery } from './list-query.ts';
import { industryRange } from '../../store/queries/public-lists.ts';

test('known filters are read; unknown values are dropped and named', () => {
  const q = readListQuery({ province: '360000', city: '360400', industry: 'C2614', programme: 'green_factory', year: '2025', tier: 'national', sort: 'name', dir: 'asc', page: '3' });
  assert.deepEqual(q.filter, { provinceCode: '360000', cityCode: '360400', industryCode: '2614', programmeCode: 'green_factory', year: 2025, tier: 'national' });
  assert.deepEqual(q.paging, { page: 3, pageSize: 50, sort: 'name', direction: 'asc' });
  assert.deepEqual(q.rejected, []);
  const bad = readListQuery({ province: '999999', city: '420100', industry: 'Z9', programme: 'x', year: '25', tier: 'galactic', sort: 'colour', dir: 'up', page: '-1' });
  assert.deepEqual(bad.filter, { cityCode: '420100' });
  assert.deepEqual(bad.rejected.sort(), ['dir', 'industry', 'page', 'programme', 'province', 'sort', 'tier', 'year']);
  assert.deepEqual(bad.paging, { page: 1, pageSize: 50, sort: 'listed', direction: 'desc' });
  // A city outside the chosen province is refused.
  assert.deepEqual(readListQuery({ province: '360000', city: '420100' }).rejected, ['city']);
});

test('industry filters become code ranges: a section spans its divisions', () => {
  assert.deepEqual(industryRange('C'), ['13', '44']);
  assert.deepEqual(industryRange('26'), ['26', '27']);
  assert.deepEqual(industryRange('261'), ['261', '262']);
  assert.deepEqual(industryRange('2699'), ['2699', '2700']);
  assert.equal(industryRange('x'), undefined);
});

test('query strings drop empty values', () => {
  assert.equal(queryString({ province: '360000', city: '', page: undefined, sort: 'name' }), '?province=360000&sort=name');
  assert.equal(queryString({}), '');
});
