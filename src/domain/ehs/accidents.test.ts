import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { windowStart } from '../../engine/negative-list.ts';
import { addCalendarDays } from '../calendar/calendar.ts';
import { assertGradeFitsFigures, gradeImpliedByFigures, isNegativeListedOn, negativeListingOf, negativeListUntil } from './accidents.ts';

test('safety grades by 493号令 第三条: the highest grade any figure reaches, thresholds inclusive', () => {
  assert.equal(gradeImpliedByFigures('safety', {}), 'general');
  assert.equal(gradeImpliedByFigures('safety', { deaths: 2, seriousInjuries: 9, directLossTenThousandYuan: 999 }), 'general');
  // 2 deaths (一般) but 12 seriously injured (10–49: 较大): 较大.
  assert.equal(gradeImpliedByFigures('safety', { deaths: 2, seriousInjuries: 12 }), 'larger');
  assert.equal(gradeImpliedByFigures('safety', { deaths: 10 }), 'major', '10 deaths: 以上包括本数');
  assert.equal(gradeImpliedByFigures('safety', { directLossTenThousandYuan: 4999 }), 'larger');
  assert.equal(gradeImpliedByFigures('safety', { directLossTenThousandYuan: 5000 }), 'major');
  assert.equal(gradeImpliedByFigures('safety', { seriousInjuries: 100 }), 'especially_major');
});

test('environmental emergencies (2014 plan): evacuation counts too; quality has no thresholds', () => {
  assert.equal(gradeImpliedByFigures('environment', { evacuated: 9999 }), 'larger', '5 000–10 000 evacuated: Ⅲ级');
  assert.equal(gradeImpliedByFigures('environment', { evacuated: 10000 }), 'major', '10 000: Ⅱ级');
  assert.equal(gradeImpliedByFigures('environment', { directLossTenThousandYuan: 2000 }), 'major');
  assert.equal(gradeImpliedByFigures('environment', { directLossTenThousandYuan: 499 }), 'general');
  assert.equal(gradeImpliedByFigures('quality', { deaths: 50 }), null);
});

test('a recorded grade may be above what the figures imply, never below', () => {
  assert.doesNotThrow(() => assertGradeFitsFigures('environment', 'major', { deaths: 0 }), 'qualitative criteria (a water intake stopped) can make it Ⅱ级');
  assert.throws(() => assertGradeFitsFigures('safety', 'general', { deaths: 3 }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'grade');
  assert.throws(() => assertGradeFitsFigures('safety', 'major', { deaths: -1 }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'deaths');
  assert.doesNotThrow(() => assertGradeFitsFigures('quality', 'general', { deaths: 3 }));
});

test('the negative list: 重大+ safety or quality, Ⅱ级+ environment, for three years to the day', () => {
  const major = negativeListingOf({ category: 'safety', grade: 'major', occurredOn: '2026-06-15' });
  assert.deepEqual([major.listed, major.until, major.negativeListKind], [true, '2029-06-15', 'safety_accident']);
  assert.equal(negativeListingOf({ category: 'safety', grade: 'larger', occurredOn: '2026-06-15' }).listed, false, '较大 is not negative-listing');
  assert.equal(negativeListingOf({ category: 'environment', grade: 'major', occurredOn: '2026-06-15' }).negativeListKind, 'pollution_accident');
  assert.equal(negativeListingOf({ category: 'environment', grade: 'larger', occurredOn: '2026-06-15' }).listed, false, 'Ⅲ级 is not');
  assert.equal(negativeListingOf({ category: 'quality', grade: 'especially_major', occurredOn: '2026-06-15' }).until, '2029-06-15');
  assert.equal(isNegativeListedOn('2029-06-15', '2029-06-15'), true);
  assert.equal(isNegativeListedOn('2029-06-15', '2029-06-16'), false);
  assert.equal(isNegativeListedOn(null, '2029-06-15'), false);
});

test('the last listed day agrees with the engine’s window, leap days included', () => {
  assert.equal(negativeListUntil('2023-05-20', 3), '2026-05-20');
  assert.equal(negativeListUntil('2024-02-29', 3), '2027-02-28');
  // The engine maps an asOf of 2024-02-29 to a window from 2021-02-28: still covered.
  assert.equal(negativeListUntil('2021-02-28', 3), '2024-02-29');
  for (const occurredOn of ['2023-05-20', '2024-02-29', '2021-02-28', '2022-12-31', '2025-03-01']) {
    const until = negativeListUntil(occurredOn, 3);
    assert.ok(windowStart(until, 3) <= occurredOn, `engine still vetoes on ${until} for ${occurredOn}`);
    assert.ok(windowStart(addCalendarDays(until, 1), 3) > occurredOn, `engine no longer vetoes the day after ${until}`);
  }
});
