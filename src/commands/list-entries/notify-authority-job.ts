/**
 * Delivers notices to an authority (immediate removals …). No mail is sent from here yet:
 * delivery is recorded in the audit log of the system stream, once per job, where the
 * authority's workspace reads it. The job row is the outbox a mailer will read.
 */
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { registerJobHandler } from '../jobs/job-runner.ts';
import { AUTHORITY_NOTIFY_JOB } from './list-entry-records.ts';

registerJobHandler(AUTHORITY_NOTIFY_JOB, async (store, payload, job) => {
  await store.transaction(async (trx) => {
    const delivered = await trx.selectFrom('audit_events').select('id').where('subject_type', '=', 'job').where('subject_id', '=', String(job.id)).where('action', '=', 'authority.notified').executeTakeFirst();
    if (delivered !== undefined) return;
    await appendAuditEvent(trx, store.capabilities, { actorUserId: null, actorLabel: 'scheduler', action: 'authority.notified', subjectType: 'job', subjectId: job.id, enterpriseId: null, data: payload });
  });
});
