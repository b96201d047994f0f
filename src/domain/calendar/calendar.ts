/**
 * China's working-day calendar for programme deadlines and notices: weekends, statutory
 * holidays and 调休 make-up working days, from the chinese-days package's data (State
 * Council holiday arrangements, 2004 onwards). Dates are 'YYYY-MM-DD' strings.
 *
 * Counting conventions (decision, tested in calendar.test.ts):
 * - addCalendarDays / addWorkingDays count from the day AFTER the start (the start is day 0),
 *   like 民法典 第二百零一条 (开始的当日不计入).
 * - noticeEnd counts the opening day as day 1, because 公示 notices are published with both
 *   ends inclusive: the 2023 national notice ran 2023-11-08 to 2023-11-22, 15 calendar days.
 *   For working days, the opening day counts only if it is itself a working day.
 * - Beyond the last year the data covers, only weekends are days off: results there are
 *   provisional (see isCalendarCovered) until the package is updated with the new arrangement.
 */
import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { AppError, invalid } from '../errors.ts';
import { fromDayNumber, toDayNumber, weekdayOf } from './plain-date.ts';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = calendarData as unknown as ChineseDaysData;
const holidays = new Set(Object.keys(data.holidays));
const makeUpWorkdays = new Set(Object.keys(data.workdays));
const years = [...holidays].map((d) => Number(d.slice(0, 4)));
if (years.length === 0) throw new AppError('CONFIG', 'chinese-days: no holiday data found');

/** The years the holiday data covers, inclusive. */
export const calendarCoverage = { firstYear: Math.min(...years), lastYear: Math.max(...years) } as const;

// A loop guard, far beyond any programme period (27 years of working days).
const MAXIMUM_STEP = 10_000;

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make_up_workday';

/** What a day is: an ordinary workday, a weekend, a statutory holiday or a 调休 make-up workday. */
export function dayKindOf(date: string): DayKind {
  toDayNumber(date);
  if (makeUpWorkdays.has(date)) return 'make_up_workday';
  if (holidays.has(date)) return 'holiday';
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
}

/** True on Monday–Friday outside holidays, and on 调休 make-up days (often a Saturday or Sunday). */
export function isWorkingDay(date: string): boolean {
  const kind = dayKindOf(date);
  return kind === 'workday' || kind === 'make_up_workday';
}

/** True when the holiday data covers the date's year. */
export function isCalendarCovered(date: string): boolean {
  const year = Number(date.slice(0, 4));
  toDayNumber(date);
  return year >= calendarCoverage.firstYear && year <= calendarCoverage.lastYear;
}

function requireStep(n: number, path: string): void {
  if (!Number.isInteger(n) || Math.abs(n) > MAXIMUM_STEP) {
    throw invalid(path, `must be an integer between -${MAXIMUM_STEP} and ${MAXIMUM_STEP}`);
  }
}

/** The date n calendar days after (n < 0: before) the given date. */
export function addCalendarDays(date: string, n: number): string {
  requireStep(n, 'days');
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * The Nth working day after the date, the date itself not counted: from Friday 2026-09-25
 * (a holiday), 1 working day later is Monday 2026-09-28. n = 0 returns the date unchanged;
 * n < 0 counts backwards.
 */
export function addWorkingDays(date: string, n: number): string {
  requireStep(n, 'days');
  let dayNumber = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    dayNumber += step;
    if (isWorkingDay(fromDayNumber(dayNumber))) remaining -= 1;
  }
  return fromDayNumber(dayNumber);
}

export interface NoticeRule {
  /** Length of the notice period, at least 1. */
  days: number;
  kind: 'calendar' | 'working';
}

/**
 * The last day (inclusive) of a notice opened on `openedOn`. Calendar: openedOn + days − 1.
 * Working: the days-th working day counting openedOn as the first if it is a working day.
 */
export function noticeEnd(openedOn: string, rule: NoticeRule): string {
  if (!Number.isInteger(rule.days) || rule.days < 1 || rule.days > MAXIMUM_STEP) {
    throw invalid('days', `must be an integer between 1 and ${MAXIMUM_STEP}`);
  }
  if (rule.kind === 'calendar') return addCalendarDays(openedOn, rule.days - 1);
  if (rule.kind === 'working') return addWorkingDays(addCalendarDays(openedOn, -1), rule.days);
  throw invalid('kind', `must be 'calendar' or 'working'`);
}

export interface NoticePeriod {
  opensOn: string;
  endsOn: string;
  /** The working days inside the period, in order. */
  workingDays: string[];
  calendarDays: number;
  /** True when part of the period lies beyond the holiday data (weekends only there). */
  provisional: boolean;
}

/** The whole period of a notice, for display ("5 个工作日：9月29日至10月10日"). */
export function noticePeriod(openedOn: string, rule: NoticeRule): NoticePeriod {
  const endsOn = noticeEnd(openedOn, rule);
  const workingDays: string[] = [];
  const first = toDayNumber(openedOn);
  const last = toDayNumber(endsOn);
  for (let day = first; day <= last; day += 1) {
    const date = fromDayNumber(day);
    if (isWorkingDay(date)) workingDays.push(date);
  }
  return {
    opensOn: openedOn,
    endsOn,
    workingDays,
    calendarDays: last - first + 1,
    provisional: !isCalendarCovered(openedOn) || !isCalendarCovered(endsOn),
  };
}

export interface DeadlineOptions {
  /**
   * Move a deadline that falls on a weekend or holiday to the next working day
   * (民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
   */
  rollForward?: boolean;
}

/** An annual deadline as a date: deadlineFor(2026, '04-15') → '2026-04-15'. */
export function deadlineFor(year: number, monthDay: string, options: DeadlineOptions = {}): string {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw invalid('year', 'must be a year from 1970 to 9999');
  if (!/^\d{2}-\d{2}$/.test(monthDay)) throw invalid('monthDay', `"${monthDay}" is not in the form MM-DD`);
  const date = `${String(year).padStart(4, '0')}-${monthDay}`;
  toDayNumber(date, 'monthDay'); // 02-29 in a common year, 04-31 …
  if (options.rollForward && !isWorkingDay(date)) return addWorkingDays(date, 1);
  return date;
}
