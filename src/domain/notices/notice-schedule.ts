/**
 * When a 公示 ends and when its closing job runs. The last day is inclusive (calendar.ts
 * `noticeEnd`: the opening day counts); the notice closes at the start of the next day in
 * Beijing time, so an objection filed at 23:59 on the last day is still in time.
 */
import { addCalendarDays, noticeEnd, type NoticeRule } from '../calendar/calendar.ts';
import { assertPlainDate } from '../calendar/plain-date.ts';

export interface NoticeDates {
  opensOn: string;
  closesOn: string;
  /** ISO timestamp (UTC) of 00:00 Asia/Shanghai on the day after closesOn. */
  closeJobAt: string;
}

/** Midnight at the start of `date` in Asia/Shanghai (UTC+8, no daylight saving), as ISO UTC. */
export function startOfDayInShanghai(date: string): string {
  assertPlainDate('date', date);
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

export function noticeDates(opensOn: string, rule: NoticeRule): NoticeDates {
  assertPlainDate('opensOn', opensOn);
  const closesOn = noticeEnd(opensOn, rule);
  return { opensOn, closesOn, closeJobAt: startOfDayInShanghai(addCalendarDays(closesOn, 1)) };
}

/** True once the notice's last day is over on `today`. */
export function noticeHasEnded(closesOn: string, today: string): boolean {
  return today > closesOn;
}
