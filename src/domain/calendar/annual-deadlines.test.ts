import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { annualDeadline, findAnnualDeadlineRule } from './annual-deadlines.ts';

test('national dynamic report is due 04-15; Heilongjiang has its own 03-30', () => {
  assert.equal(annualDeadline('dynamic-report', 2026).date, '2026-04-15');
  assert.equal(annualDeadline('dynamic-report', 2026, '360000').date, '2026-04-15'); // Jiangxi: national rule
  assert.equal(annualDeadline('dynamic-report', 2026, '230000').date, '2026-03-30');
  assert.equal(annualDeadline('dynamic-report', 2026).tag, 'V');
});

test('provincial recommendations are due 07-31', () => {
  assert.equal(annualDeadline('province-recommendation', 2025).date, '2025-07-31');
});

test('a rule only one province has is not invented for the others', () => {
  assert.equal(findAnnualDeadlineRule('city-recommendation', '440000')?.monthDay, '06-30');
  assert.equal(findAnnualDeadlineRule('city-recommendation', '360000'), undefined);
  assert.throws(() => annualDeadline('city-recommendation', 2026, '360000'), (e) => AppError.is(e, 'NOT_FOUND'));
});
