import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { assertClosure, assertFirstAttempt, isLeak, leakDeadlines, leakFlags, leakThresholdFor, repairIntervalsFor, type LeakProgress } from './ldar.ts';

test('thresholds per medium come from reference/ehs with their tag; a province rule overrides the national one', () => {
  assert.equal(leakThresholdFor('gas_vapour').thresholdUmolPerMol, 2000);
  assert.equal(leakThresholdFor('light_liquid').thresholdUmolPerMol, 2000);
  assert.equal(leakThresholdFor('heavy_liquid').thresholdUmolPerMol, 500);
  assert.equal(leakThresholdFor('heavy_liquid').tag, 'U');
  const rules = [
    { authority: 'national', medium: 'gas_vapour' as const, thresholdUmolPerMol: 2000, nameZh: '气', nameEn: 'gas', source: 's', tag: 'U' as const },
    { authority: '310000', medium: 'gas_vapour' as const, thresholdUmolPerMol: 1000, nameZh: '气', nameEn: 'gas', source: 'local standard', tag: 'U' as const },
  ];
  assert.equal(leakThresholdFor('gas_vapour', '310000', rules).thresholdUmolPerMol, 1000);
  assert.equal(leakThresholdFor('gas_vapour', '360000', rules).thresholdUmolPerMol, 2000);
  assert.throws(() => leakThresholdFor('heavy_liquid', null, rules), (e) => AppError.is(e, 'CONFIG'));
});

test('repair intervals: 5 and 15 days nationally; a province may set its own', () => {
  const national = repairIntervalsFor('360000');
  assert.deepEqual([national.firstAttemptDays, national.repairDays, national.tag], [5, 15, 'U']);
  const rules = [
    { authority: 'national', firstAttemptDays: 5, repairDays: 15, source: 's', tag: 'U' as const },
    { authority: '320000', firstAttemptDays: 3, repairDays: 10, source: 'Jiangsu', tag: 'U' as const },
  ];
  assert.equal(repairIntervalsFor('320000', rules).repairDays, 10);
  assert.equal(repairIntervalsFor('420000', rules).repairDays, 15);
});

test('a leak is a reading strictly over the threshold, or a visible leak', () => {
  assert.equal(isLeak({ valueUmolPerMol: 2000 }, 2000), false, 'at the threshold is not a leak');
  assert.equal(isLeak({ valueUmolPerMol: 2000.1 }, 2000), true);
  assert.equal(isLeak({ valueUmolPerMol: 12 }, 500, ), false);
  assert.equal(isLeak({ valueUmolPerMol: 12, visibleLeak: true }, 500), true);
});

test('deadlines count calendar days from the day after detection', () => {
  // 10 March + 5 = 15 March; + 15 = 25 March.
  assert.deepEqual(leakDeadlines('2025-03-10', { firstAttemptDays: 5, repairDays: 15 }), { firstAttemptDue: '2025-03-15', repairDue: '2025-03-25' });
  // 28 Dec + 5 = 2 Jan (28→31 is 3 days, then 2 more); + 15 = 12 Jan.
  assert.deepEqual(leakDeadlines('2025-12-28', { firstAttemptDays: 5, repairDays: 15 }), { firstAttemptDue: '2026-01-02', repairDue: '2026-01-12' });
  // 2024 is a leap year: 20 Feb + 15 = 35 Feb = 6 March (29 days in February).
  assert.equal(leakDeadlines('2024-02-20', { firstAttemptDays: 5, repairDays: 15 }).repairDue, '2024-03-06');
});

const leak: LeakProgress = { detectedOn: '2025-03-10', firstAttemptDue: '2025-03-15', repairDue: '2025-03-25', firstAttemptOn: null, repairedOn: null };

test('the lifecycle flags: first attempt overdue after its day, repair overdue after its day, late repairs remembered', () => {
  assert.deepEqual(leakFlags(leak, '2025-03-15'), { open: true, firstAttemptOverdue: false, repairOverdue: false, firstAttemptLate: false, repairedLate: false });
  assert.equal(leakFlags(leak, '2025-03-16').firstAttemptOverdue, true);
  assert.equal(leakFlags({ ...leak, firstAttemptOn: '2025-03-14' }, '2025-03-25').repairOverdue, false);
  assert.equal(leakFlags({ ...leak, firstAttemptOn: '2025-03-14' }, '2025-03-26').repairOverdue, true);
  const onTime = leakFlags({ ...leak, firstAttemptOn: '2025-03-14', repairedOn: '2025-03-25' }, '2025-06-01');
  assert.deepEqual(onTime, { open: false, firstAttemptOverdue: false, repairOverdue: false, firstAttemptLate: false, repairedLate: false });
  const late = leakFlags({ ...leak, repairedOn: '2025-03-26' }, '2025-06-01');
  assert.equal(late.repairedLate, true);
  assert.equal(late.firstAttemptLate, true, 'repaired on the 26th with no earlier attempt: the first attempt was the repair, late');
});

test('a first attempt and a closure are checked against the leak and the calendar', () => {
  assert.doesNotThrow(() => assertFirstAttempt(leak, '2025-03-12', '2025-03-20'));
  assert.throws(() => assertFirstAttempt(leak, '2025-03-09', '2025-03-20'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'attemptedOn');
  assert.throws(() => assertFirstAttempt(leak, '2025-03-21', '2025-03-20'), (e) => AppError.is(e, 'VALIDATION'), 'not in the future');
  assert.throws(() => assertFirstAttempt({ ...leak, firstAttemptOn: '2025-03-11' }, '2025-03-12', '2025-03-20'), (e) => AppError.is(e, 'INVALID_TRANSITION'));
  const good = { remeasuredOn: '2025-03-20', reading: { valueUmolPerMol: 150 }, thresholdUmolPerMol: 2000 };
  assert.doesNotThrow(() => assertClosure(leak, good, '2025-03-20'));
  assert.throws(() => assertClosure(leak, { ...good, reading: { valueUmolPerMol: 2400 } }, '2025-03-20'), (e) => AppError.is(e, 'RULE_VIOLATION'));
  assert.throws(() => assertClosure({ ...leak, firstAttemptOn: '2025-03-14' }, { ...good, remeasuredOn: '2025-03-13' }, '2025-03-20'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'remeasuredOn');
  assert.throws(() => assertClosure({ ...leak, repairedOn: '2025-03-18' }, good, '2025-03-20'), (e) => AppError.is(e, 'INVALID_TRANSITION'));
});
