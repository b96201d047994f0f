/**
 * Calendar dates as 'YYYY-MM-DD' strings: the date as read in Asia/Shanghai, with no time
 * and no time zone. Arithmetic goes through a day number (days since 1970-01-01) computed
 * with Date.UTC, so the host's time zone never shifts a date.
 */
import { invalid } from '../errors.ts';

const MILLISECONDS_PER_DAY = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, or undefined when the string is not a real calendar date. */
function dayNumberOrUndefined(date: string): number | undefined {
  const match = PLAIN_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC rolls 02-30 over to 03-02; a round trip catches it.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return time / MILLISECONDS_PER_DAY;
}

export function isPlainDate(date: string): boolean {
  return dayNumberOrUndefined(date) !== undefined;
}

/** Throws VALIDATION at `path` unless `date` is a real 'YYYY-MM-DD' date. */
export function assertPlainDate(path: string, date: string): void {
  if (dayNumberOrUndefined(date) === undefined) throw invalid(path, `"${date}" is not a date in the form YYYY-MM-DD`);
}

export function toDayNumber(date: string, path = 'date'): number {
  const dayNumber = dayNumberOrUndefined(date);
  if (dayNumber === undefined) throw invalid(path, `"${date}" is not a date in the form YYYY-MM-DD`);
  return dayNumber;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Today's date in Asia/Shanghai (UTC+8 all year, no daylight saving since 1991). */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
