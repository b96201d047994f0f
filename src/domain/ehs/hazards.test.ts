import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { assertHazardClosure, assertHazardGrade, assertRectificationPlan, findMajorHazardCriterion, hazardFlags } from './hazards.ts';
import { majorHazardCriteriaFile } from './ehs-reference.ts';

test('the twenty situations of 安监总管三〔2017〕121号 are loaded, each with a tag', () => {
  assert.equal(majorHazardCriteriaFile.items.length, 20);
  assert.match(findMajorHazardCriterion('121-02')!.textZh, /特种作业人员未持证上岗/);
  assert.equal(findMajorHazardCriterion('121-02')!.tag, '3P');
  assert.equal(findMajorHazardCriterion('121-20')!.tag, 'U');
});

test('a hazard matching a 121号 situation is major; general needs no criterion', () => {
  assert.equal(assertHazardGrade('general', null), 'general');
  assert.equal(assertHazardGrade('major', '121-12'), 'major');
  assert.equal(assertHazardGrade('major', null), 'major', 'an enterprise may grade other hazards major');
  assert.throws(() => assertHazardGrade('general', '121-12'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'grade');
  assert.throws(() => assertHazardGrade('major', '121-99'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'criterionId');
  assert.throws(() => assertHazardGrade('minor', null), (e) => AppError.is(e, 'VALIDATION') && e.path === 'grade');
});

test('a rectification plan has an owner, a deadline not before the finding, and funds ≥ 0', () => {
  const plan = { owner: '设备部 王工', deadline: '2025-04-30', fundsYuan: 12000, measures: '更换阀门填料' };
  assert.doesNotThrow(() => assertRectificationPlan(plan, '2025-04-02'));
  assert.throws(() => assertRectificationPlan({ ...plan, owner: ' ' }, '2025-04-02'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'owner');
  assert.throws(() => assertRectificationPlan({ ...plan, deadline: '2025-04-01' }, '2025-04-02'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'deadline');
  assert.throws(() => assertRectificationPlan({ ...plan, fundsYuan: -1 }, '2025-04-02'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'fundsYuan');
});

test('closure requires evidence, a date not before the finding, and an open hazard', () => {
  const hazard = { status: 'open', foundOn: '2025-04-02' };
  assert.throws(() => assertHazardClosure(hazard, { closedOn: '2025-04-20', hasEvidence: false, note: '已整改' }, '2025-05-01'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'evidence');
  assert.doesNotThrow(() => assertHazardClosure(hazard, { closedOn: '2025-04-20', hasEvidence: true, note: '已整改' }, '2025-05-01'));
  assert.throws(() => assertHazardClosure(hazard, { closedOn: '2025-04-01', hasEvidence: true, note: '' }, '2025-05-01'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'closedOn');
  assert.throws(() => assertHazardClosure({ ...hazard, status: 'closed' }, { closedOn: '2025-04-20', hasEvidence: true, note: '' }, '2025-05-01'), (e) => AppError.is(e, 'INVALID_TRANSITION'));
});

test('hazard flags: overdue after the deadline while open; a late closure is remembered', () => {
  assert.deepEqual(hazardFlags({ deadline: '2025-04-30', closedOn: null }, '2025-04-30'), { open: true, overdue: false, closedLate: false });
  assert.deepEqual(hazardFlags({ deadline: '2025-04-30', closedOn: null }, '2025-05-01'), { open: true, overdue: true, closedLate: false });
  assert.deepEqual(hazardFlags({ deadline: '2025-04-30', closedOn: '2025-05-03' }, '2025-06-01'), { open: false, overdue: false, closedLate: true });
});
