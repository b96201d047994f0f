import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { assertPastDate, countByMonth, daysSince, isOverdue, lastTwelveMonths, wasLate } from './ehs-dates.ts';
import { fourZeroStatus } from './four-zero-status.ts';

test('days since: whole days, null when never', () => {
  assert.equal(daysSince('2026-11-30', '2026-11-30'), 0);
  // 1 Nov → 30 Nov is 29 days; 31 Dec 2025 → 30 Nov 2026 is 334 days (365 − 31).
  assert.equal(daysSince('2026-11-01', '2026-11-30'), 29);
  assert.equal(daysSince('2025-12-31', '2026-11-30'), 334);
  assert.equal(daysSince(null, '2026-11-30'), null);
});

test('overdue and late', () => {
  assert.equal(isOverdue('2026-03-25', null, '2026-03-25'), false);
  assert.equal(isOverdue('2026-03-25', null, '2026-03-26'), true);
  assert.equal(isOverdue('2026-03-25', '2026-03-20', '2026-04-01'), false);
  assert.equal(wasLate('2026-03-25', '2026-03-26'), true);
  assert.equal(wasLate('2026-03-25', null), false);
});

test('past dates: real, not in the future, not before a given day', () => {
  assert.throws(() => assertPastDate('on', '2026-02-30', '2026-11-30'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'on');
  assert.throws(() => assertPastDate('on', '2026-12-01', '2026-11-30'), (e) => AppError.is(e, 'VALIDATION'));
  assert.throws(() => assertPastDate('on', '2026-01-01', '2026-11-30', { date: '2026-01-02', what: 'x' }), (e) => AppError.is(e, 'VALIDATION'));
});

test('twelve months end with this month and cross the year', () => {
  const months = lastTwelveMonths('2026-01-15');
  assert.equal(months.length, 12);
  assert.equal(months[0], '2025-02');
  assert.equal(months[11], '2026-01');
  assert.deepEqual(countByMonth(['2025-02-01', '2025-02-28', '2026-01-31', '2025-01-31', '2026-02-01'], months).filter((n) => n > 0), [2, 1]);
});

test('Four Zero levels: clear, open, overdue; trend aligned with the months', () => {
  const none = { lastOn: null, open: 0, overdue: 0, recentDates: [] };
  const status = fourZeroStatus({
    leakage: { lastOn: '2026-10-20', open: 2, overdue: 1, recentDates: ['2026-10-20', '2026-10-02', '2026-07-14'] },
    hazards: { lastOn: '2026-11-10', open: 1, overdue: 0, recentDates: ['2026-11-10'] },
    violations: none,
    emissions: { lastOn: '2019-05-04', open: 0, overdue: 0, recentDates: [] },
  }, '2026-11-30');
  const [leakage, hazards, violations, emissions] = status.pillars;
  assert.deepEqual([leakage!.level, hazards!.level, violations!.level, emissions!.level], ['overdue', 'open', 'clear', 'clear']);
  assert.equal(leakage!.daysSince, 41, '20 Oct → 30 Nov: 11 + 30');
  assert.equal(violations!.daysSince, null);
  // months run 2025-12 … 2026-11: July is index 7, October index 10.
  assert.deepEqual(leakage!.monthly, [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 0]);
  assert.equal(hazards!.monthly[11], 1);
});
