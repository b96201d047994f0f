import { test } from 'node:test';
import assert from 'node:assert/strict';
import chineseDays from 'chinese-days';
import { AppError } from '../errors.ts';
import {
  addCalendarDays,
  addWorkingDays,
  calendarCoverage,
  dayKindOf,
  deadlineFor,
  isCalendarCovered,
  isWorkingDay,
  noticeEnd,
  noticePeriod,
} from './calendar.ts';
import { fromDayNumber, toDayNumber, todayInShanghai, weekdayOf } from './plain-date.ts';

// 2026 arrangement (State Council, as carried by chinese-days 1.5.7):
//   Spring Festival 02-15 (Sun) … 02-23 (Mon) off; 02-14 (Sat) and 02-28 (Sat) worked.
//   Mid-Autumn 09-25 (Fri) … 09-27 (Sun) off.
//   National Day 10-01 (Thu) … 10-07 (Wed) off; 09-20 (Sun) and 10-10 (Sat) worked.

test('the package data matches the 2026 arrangement used below', () => {
  assert.equal(dayKindOf('2026-02-14'), 'make_up_workday');
  assert.equal(dayKindOf('2026-02-15'), 'holiday');
  assert.equal(dayKindOf('2026-02-23'), 'holiday');
  assert.equal(dayKindOf('2026-02-28'), 'make_up_workday');
  assert.equal(dayKindOf('2026-10-01'), 'holiday');
  assert.equal(dayKindOf('2026-10-07'), 'holiday');
  assert.equal(dayKindOf('2026-10-10'), 'make_up_workday');
  assert.equal(dayKindOf('2026-09-25'), 'holiday');
  assert.equal(dayKindOf('2026-10-11'), 'weekend'); // Sunday
  assert.equal(dayKindOf('2026-10-12'), 'workday'); // Monday
});

test('isWorkingDay agrees with the package’s own isWorkday over 2004–2026', () => {
  let day = toDayNumber('2004-01-01');
  const last = toDayNumber('2026-12-31');
  for (; day <= last; day += 1) {
    const date = fromDayNumber(day);
    assert.equal(isWorkingDay(date), chineseDays.isWorkday(date), date);
  }
});

test('5-working-day provincial notice opened Monday 2026-09-28 (before National Day)', () => {
  // Counted: 09-28 (1), 09-29 (2), 09-30 (3); 10-01…10-07 off; 10-08 (4), 10-09 (5).
  assert.equal(noticeEnd('2026-09-28', { days: 5, kind: 'working' }), '2026-10-09');
});

test('opened Tuesday 2026-09-29 the make-up Saturday 10-10 is the fifth day', () => {
  // 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 Saturday make-up day (5).
  assert.equal(noticeEnd('2026-09-29', { days: 5, kind: 'working' }), '2026-10-10');
  const period = noticePeriod('2026-09-29', { days: 5, kind: 'working' });
  assert.deepEqual(period.workingDays, ['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
  assert.equal(period.calendarDays, 12);
  assert.equal(period.provisional, false);
});

test('opened on Mid-Autumn Friday 2026-09-25 (a holiday): the opening day does not count', () => {
  // 09-25…09-27 off; 09-28 (1), 09-29 (2), 09-30 (3), 10-08 (4), 10-09 (5).
  assert.equal(noticeEnd('2026-09-25', { days: 5, kind: 'working' }), '2026-10-09');
});

test('5-working-day notice opened Thursday 2026-02-12, just before the Spring Festival', () => {
  // 02-12 (1), 02-13 (2), 02-14 Saturday make-up (3); 02-15…02-23 off; 02-24 (4), 02-25 (5).
  assert.equal(noticeEnd('2026-02-12', { days: 5, kind: 'working' }), '2026-02-25');
});

test('opened on the first holiday 2026-02-15: the make-up Saturday 02-28 is the fifth day', () => {
  // 02-24 (1), 02-25 (2), 02-26 (3), 02-27 (4), 02-28 Saturday make-up (5).
  assert.equal(noticeEnd('2026-02-15', { days: 5, kind: 'working' }), '2026-02-28');
});

test('the national 15-calendar-day notice: 2023-11-08 → 2023-11-22 (domain.md §3.2)', () => {
  assert.equal(noticeEnd('2023-11-08', { days: 15, kind: 'calendar' }), '2023-11-22');
  assert.equal(noticePeriod('2023-11-08', { days: 15, kind: 'calendar' }).calendarDays, 15);
});

test('a 1-day notice ends the day it opens (calendar) or on its first working day', () => {
  assert.equal(noticeEnd('2026-10-01', { days: 1, kind: 'calendar' }), '2026-10-01');
  assert.equal(noticeEnd('2026-10-01', { days: 1, kind: 'working' }), '2026-10-08');
  assert.equal(noticeEnd('2026-10-08', { days: 1, kind: 'working' }), '2026-10-08');
});

test('addWorkingDays does not count the start day', () => {
  assert.equal(addWorkingDays('2026-09-30', 1), '2026-10-08');
  assert.equal(addWorkingDays('2026-10-09', 1), '2026-10-10'); // Friday → make-up Saturday
  assert.equal(addWorkingDays('2026-10-10', 1), '2026-10-12'); // Saturday → Monday
  assert.equal(addWorkingDays('2026-10-03', 0), '2026-10-03');
  assert.equal(addWorkingDays('2026-10-08', -1), '2026-09-30');
  assert.equal(addWorkingDays('2026-02-24', -1), '2026-02-14');
});

test('addCalendarDays crosses months, years and leap days', () => {
  assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addCalendarDays('2023-02-28', 1), '2023-03-01');
  assert.equal(addCalendarDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addCalendarDays('2026-01-01', -1), '2025-12-31');
});

test('dates are independent of the host time zone (weekday from the date alone)', () => {
  assert.equal(weekdayOf('1970-01-01'), 4); // Thursday
  assert.equal(weekdayOf('2026-10-10'), 6); // Saturday
  assert.equal(weekdayOf('1969-12-28'), 0); // Sunday, before the epoch
  // 2026-01-01 00:30 in Shanghai is 2025-12-31 16:30 UTC.
  assert.equal(todayInShanghai(new Date('2025-12-31T16:30:00Z')), '2026-01-01');
});

test('deadlineFor: dates, invalid month-days, and rolling forward', () => {
  assert.equal(deadlineFor(2026, '04-15'), '2026-04-15');
  assert.equal(deadlineFor(2024, '02-29'), '2024-02-29');
  assert.throws(() => deadlineFor(2026, '02-29'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'monthDay');
  assert.throws(() => deadlineFor(2026, '4-15'), (e) => AppError.is(e, 'VALIDATION'));
  // 2026-07-31 is a Friday: unchanged. 2027-07-31 is a Saturday: rolls to Monday 08-02.
  assert.equal(deadlineFor(2026, '07-31', { rollForward: true }), '2026-07-31');
  assert.equal(deadlineFor(2027, '07-31', { rollForward: true }), '2027-08-02');
  // 2026-10-01 is a holiday: rolls past National Day to 10-08.
  assert.equal(deadlineFor(2026, '10-01', { rollForward: true }), '2026-10-08');
});

test('coverage: beyond the data only weekends are off and the period is provisional', () => {
  assert.equal(calendarCoverage.firstYear, 2004);
  assert.ok(calendarCoverage.lastYear >= 2026);
  const beyond = `${calendarCoverage.lastYear + 1}-12-30`;
  assert.equal(isCalendarCovered(beyond), false);
  assert.equal(noticePeriod(beyond, { days: 5, kind: 'working' }).provisional, true);
  assert.equal(isCalendarCovered('2026-06-01'), true);
});

test('malformed input is a VALIDATION error', () => {
  assert.throws(() => isWorkingDay('2026-02-30'), (e) => AppError.is(e, 'VALIDATION'));
  assert.throws(() => isWorkingDay('2026/02/03'), (e) => AppError.is(e, 'VALIDATION'));
  assert.throws(() => addWorkingDays('2026-02-03', 1.5), (e) => AppError.is(e, 'VALIDATION'));
  assert.throws(() => noticeEnd('2026-02-03', { days: 0, kind: 'working' }), (e) => AppError.is(e, 'VALIDATION'));
});
