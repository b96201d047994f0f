/** Scheduled dynamic management: the yearly opening and the day-after-deadline overdue flags. */
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { registerJobHandler } from '../jobs/job-runner.ts';
import { markOverdueReports } from './mark-overdue-reports.ts';
import { DYNAMIC_REPORTS_OPEN_JOB, DYNAMIC_REPORTS_OVERDUE_JOB, openDynamicReports } from './open-dynamic-reports.ts';

const scheduler = { kind: 'system', label: 'scheduler' } as const;

registerJobHandler(DYNAMIC_REPORTS_OVERDUE_JOB, async (store, payload, job) => {
  // Due at 00:00 Beijing time after the deadline: that day decides what is overdue.
  await markOverdueReports(store, scheduler, { authorityId: Number(payload.authorityId), year: Number(payload.year), today: todayInShanghai(new Date(job.run_at)) });
});

registerJobHandler(DYNAMIC_REPORTS_OPEN_JOB, async (store, payload) => {
  await openDynamicReports(store, scheduler, { authorityId: Number(payload.authorityId), year: Number(payload.year) });
});
