/** The scheduled closing of notices: one job per notice, due the day after its last day (Beijing time). */
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { registerJobHandler } from '../jobs/job-runner.ts';
import { closeNotice } from './close-notice.ts';
import { NOTICE_CLOSE_JOB } from './open-notice.ts';

registerJobHandler(NOTICE_CLOSE_JOB, async (store, payload, job) => {
  // The job becomes due at 00:00 Beijing time after the last day; its due time fixes the closing day.
  await closeNotice(store, { kind: 'system', label: 'scheduler' }, { noticeId: Number(payload.noticeId), today: todayInShanghai(new Date(job.run_at)) });
});
