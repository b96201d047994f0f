/**
 * Date arithmetic of the register: "days since", due dates and overdue flags. Dates are
 * 'YYYY-MM-DD'; `today` is always passed in, never read from the clock here.
 */
import { addCalendarDays } from '../calendar/calendar.ts';
import { assertPlainDate, toDayNumber } from '../calendar/plain-date.ts';
import { invalid } from '../errors.ts';

/** Whole days from `from` to `to` (0 on the same day, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Days since the last event, or null when there has been none. */
export function daysSince(lastOn: string | null | undefined, today: string): number | null {
  if (lastOn === null || lastOn === undefined) return null;
  return Math.max(0, daysBetween(lastOn, today));
}

/** The due date N calendar days after `startOn`, the start day not counted (民法典 第二百零一条). */
export function dueAfter(startOn: string, days: number): string {
  return addCalendarDays(startOn, days);
}

/** Not done and the due date has passed: due on the 15th, still open on the 16th is overdue. */
export function isOverdue(dueOn: string, doneOn: string | null | undefined, today: string): boolean {
  return (doneOn === null || doneOn === undefined) && today > dueOn;
}

/** Done, but after the due date. */
export function wasLate(dueOn: string, doneOn: string | null | undefined): boolean {
  return doneOn !== null && doneOn !== undefined && doneOn > dueOn;
}

/**
 * A date the user gives for something that happened: a real date, not after today and
 * not before `notBefore` (e.g. a repair not before the leak was found).
 */
export function assertPastDate(path: string, date: string, today: string, notBefore?: { date: string; what: string }): void {
  assertPlainDate(path, date);
  if (date > today) throw invalid(path, `${date} is in the future (today is ${today}) / 日期不能晚于今天`);
  if (notBefore !== undefined && date < notBefore.date) throw invalid(path, `${date} is before ${notBefore.what} (${notBefore.date}) / 日期早于${notBefore.what}`);
}

/** The last twelve calendar months ending with today's month, oldest first: ['2025-12', …, '2026-11']. */
export function lastTwelveMonths(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let back = 11; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Counts dates per month over the given months; dates outside them are ignored. */
export function countByMonth(dates: readonly string[], months: readonly string[]): number[] {
  const position = new Map(months.map((month, index) => [month, index]));
  const counts = months.map(() => 0);
  for (const date of dates) {
    const index = position.get(date.slice(0, 7));
    if (index !== undefined) counts[index]!++;
  }
  return counts;
}
