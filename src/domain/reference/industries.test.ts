import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import {
  findIndustry,
  getIndustry,
  industryPathOf,
  industrySectionOf,
  isManufacturing,
  listIndustryChildren,
  listIndustrySections,
  listManufacturingDivisions,
  normalizeIndustryCode,
} from './industries.ts';

test('20 sections A–T whose division ranges tile 01–97 without gaps', () => {
  const sections = listIndustrySections();
  assert.deepEqual(sections.map((s) => s.code).join(''), 'ABCDEFGHIJKLMNOPQRST');
  let next = 1;
  for (const section of sections) {
    const [from, to] = section.divisionRange ?? ['', ''];
    assert.equal(Number(from), next, section.code);
    next = Number(to) + 1;
  }
  assert.equal(next, 98);
});

test('31 manufacturing divisions 13–43', () => {
  const divisions = listManufacturingDivisions();
  assert.equal(divisions.length, 31);
  assert.equal(divisions[0]?.code, '13');
  assert.equal(divisions.at(-1)?.code, '43');
  assert.equal(getIndustry('26').nameZh, '化学原料和化学制品制造业');
});

test('division 26 has the eight groups 261–268', () => {
  assert.deepEqual(listIndustryChildren('26').map((g) => g.code), ['261', '262', '263', '264', '265', '266', '267', '268']);
  assert.equal(getIndustry('265').nameZh, '合成材料制造');
});

test('2614 有机化学原料制造, with the silicone note tagged unverified', () => {
  const organic = getIndustry('C2614');
  assert.equal(organic.nameZh, '有机化学原料制造');
  assert.equal(organic.parentCode, '261');
  assert.equal(organic.noteTag, 'U');
  assert.deepEqual(industryPathOf('2614').map((i) => i.code), ['C', '26', '261', '2614']);
});

test('codes normalise from the section-prefixed form; a wrong prefix is refused', () => {
  assert.equal(normalizeIndustryCode(' c2614 '), '2614');
  assert.equal(normalizeIndustryCode('C'), 'C');
  assert.equal(normalizeIndustryCode('B2614'), undefined);
  assert.equal(normalizeIndustryCode('26145'), undefined);
  assert.equal(findIndustry('B2614'), undefined);
});

test('industrySectionOf works for listed and unlisted codes', () => {
  assert.equal(industrySectionOf('2614').code, 'C');
  assert.equal(industrySectionOf('3110').code, 'C'); // 炼钢, not listed
  assert.equal(industrySectionOf('4411').code, 'D'); // 火力发电, not listed
  assert.equal(industrySectionOf('0610').code, 'B');
  assert.equal(industrySectionOf('T').nameZh, '国际组织');
  assert.throws(() => industrySectionOf('99'), (e) => AppError.is(e, 'VALIDATION'));
  assert.throws(() => industrySectionOf('x'), (e) => AppError.is(e, 'VALIDATION'));
});

test('isManufacturing', () => {
  assert.equal(isManufacturing('2614'), true);
  assert.equal(isManufacturing('C'), true);
  assert.equal(isManufacturing('4411'), false);
  assert.equal(isManufacturing('A'), false);
  assert.equal(isManufacturing('nonsense'), false);
});

test('getIndustry throws NOT_FOUND for a well-formed code that is not listed', () => {
  assert.throws(() => getIndustry('3110'), (e) => AppError.is(e, 'NOT_FOUND'));
});
