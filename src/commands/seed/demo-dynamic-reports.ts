/**
 * The demo's 2025 动态管理表 for the national lists: due 2026-04-15; most filed from the
 * factory-year on record, every sixth left unfiled — flagged overdue once the deadline has
 * passed on the seeding day, and queued for removal at the next national publication.
 * The yearly opening for 2026 is queued in the job table.
 */
import { addCalendarDays, deadlineFor } from '../../domain/calendar/calendar.ts';
import { removalReasonText } from '../../domain/applications/list-management.ts';
import { startOfDayInShanghai } from '../../domain/notices/notice-schedule.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { enqueueJob } from '../../store/repositories/jobs.ts';
import type { Capabilities } from '../../store/kysely/capabilities.ts';
import { now, type Executor } from '../../store/store.ts';
import { DYNAMIC_REPORTS_OPEN_JOB, DYNAMIC_REPORTS_OVERDUE_JOB } from '../dynamic-reports/open-dynamic-reports.ts';

const REPORT_YEAR = 2025;

export async function seedDemoDynamicReports(db: Executor, capabilities: Capabilities, input: { nationalAuthorityId: number; today: string }): Promise<number> {
  const dueOn = deadlineFor(REPORT_YEAR + 1, '04-15');
  const entries = await db
    .selectFrom('list_entries')
    .select(['id', 'enterprise_id', 'factory_id'])
    .where('authority_id', '=', input.nationalAuthorityId)
    .where('status', 'in', ['listed', 'renamed'])
    .where('listed_on', '<=', `${REPORT_YEAR}-12-31`)
    .orderBy('id')
    .execute();
  const at = now();
  for (const [index, entry] of entries.entries()) {
    const unfiled = index % 6 === 5;
    const document = unfiled || entry.factory_id === null ? undefined : await db.selectFrom('annual_data').select('document').where('enterprise_id', '=', entry.enterprise_id).where('factory_id', '=', entry.factory_id).where('year', '=', REPORT_YEAR).executeTakeFirst();
    const overdue = document === undefined && input.today > dueOn;
    const status = document !== undefined ? 'filed' : overdue ? 'overdue' : 'due';
    const report = await db
      .insertInto('dynamic_reports')
      .values({ list_entry_id: entry.id, enterprise_id: entry.enterprise_id, year: REPORT_YEAR, due_on: dueOn, status, document: document?.document ?? null, filed_at: document === undefined ? null : startOfDayInShanghai(addCalendarDays(dueOn, -(index % 20) - 1)), flag_reason: overdue ? `not filed by ${dueOn} / 未在${dueOn}前填报` : null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(db, capabilities, { actorUserId: null, actorLabel: 'seed', action: `dynamic-report.${status === 'due' ? 'opened' : status}`, subjectType: 'dynamic-report', subjectId: report.id, enterpriseId: entry.enterprise_id, data: { year: REPORT_YEAR, dueOn, demo: true } });
    if (overdue) {
      await db.insertInto('entry_changes').values({ list_entry_id: entry.id, enterprise_id: entry.enterprise_id, kind: 'removal', mode: 'annual', reason_code: 'unfiled_dynamic_report', reason: removalReasonText('unfiled_dynamic_report', String(REPORT_YEAR)), details: JSON.stringify({ reportId: report.id }), status: 'approved', requested_by: null, decided_by: null, decided_at: at, applied_on: null, created_at: at }).execute();
    }
  }
  if (input.today <= dueOn) {
    await enqueueJob(db, { kind: DYNAMIC_REPORTS_OVERDUE_JOB, payload: { authorityId: input.nationalAuthorityId, year: REPORT_YEAR }, runAt: startOfDayInShanghai(addCalendarDays(dueOn, 1)), uniqueKey: `${DYNAMIC_REPORTS_OVERDUE_JOB}:${input.nationalAuthorityId}:${REPORT_YEAR}` });
  }
  await enqueueJob(db, { kind: DYNAMIC_REPORTS_OPEN_JOB, payload: { authorityId: input.nationalAuthorityId, year: REPORT_YEAR + 1 }, runAt: startOfDayInShanghai(`${REPORT_YEAR + 2}-01-01`), uniqueKey: `${DYNAMIC_REPORTS_OPEN_JOB}:${input.nationalAuthorityId}:${REPORT_YEAR + 1}` });
  return entries.length;
}
