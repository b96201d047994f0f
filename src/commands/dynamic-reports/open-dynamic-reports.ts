/**
 * Opens a year's 动态管理表 for the lists of one authority: every entry listed by the end
 * of the year reports that year's AnnualData by the authority's deadline of the next year
 * (04-15 by default, 工信部节〔2024〕13号). The day after the deadline a job flags what is
 * still missing; the next year's opening is queued too, so the cycle keeps itself going
 * from the job table. Re-running adds only what is missing.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { addCalendarDays, deadlineFor } from '../../domain/calendar/calendar.ts';
import { ACTIVE_ENTRY_STATUSES } from '../../domain/applications/list-management.ts';
import { invalid } from '../../domain/errors.ts';
import { startOfDayInShanghai } from '../../domain/notices/notice-schedule.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { enqueueJob } from '../../store/repositories/jobs.ts';
import { now, type Store } from '../../store/store.ts';
import { authoritySettingsOf } from '../applications/application-records.ts';

export const DYNAMIC_REPORTS_OVERDUE_JOB = 'dynamic-reports.overdue';
export const DYNAMIC_REPORTS_OPEN_JOB = 'dynamic-reports.open';

export interface OpenDynamicReportsInput {
  authorityId: number;
  /** The data year reported (the previous calendar year when filed). */
  year: number;
}

export interface OpenDynamicReportsResult {
  authorityId: number;
  year: number;
  dueOn: string;
  created: number;
  existing: number;
}

export async function openDynamicReports(store: Store, actor: Actor, input: OpenDynamicReportsInput): Promise<OpenDynamicReportsResult> {
  if (!Number.isInteger(input.year) || input.year < 2016 || input.year > 2100) throw invalid('year', 'must be a year from 2016 to 2100');
  return store.transaction(async (trx) => {
    authorize(actor, 'open', { type: 'dynamic-report-year', authorityId: input.authorityId });
    const settings = await authoritySettingsOf(trx, input.authorityId);
    const dueOn = deadlineFor(input.year + 1, settings.dynamicReportDeadline);
    const entries = await trx
      .selectFrom('list_entries')
      .select(['id', 'enterprise_id'])
      .where('authority_id', '=', input.authorityId)
      .where('status', 'in', [...ACTIVE_ENTRY_STATUSES])
      .where('listed_on', '<=', `${input.year}-12-31`)
      .orderBy('id')
      .execute();
    const result: OpenDynamicReportsResult = { authorityId: input.authorityId, year: input.year, dueOn, created: 0, existing: 0 };
    const at = now();
    for (const entry of entries) {
      const inserted = await trx
        .insertInto('dynamic_reports')
        .values({ list_entry_id: entry.id, enterprise_id: entry.enterprise_id, year: input.year, due_on: dueOn, status: 'due', document: null, filed_at: null, flag_reason: null, created_at: at })
        .onConflict((c) => c.columns(['enterprise_id', 'list_entry_id', 'year']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted === undefined) {
        result.existing++;
        continue;
      }
      result.created++;
      await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'dynamic-report.opened', subjectType: 'dynamic-report', subjectId: inserted.id, enterpriseId: entry.enterprise_id, data: { entryId: entry.id, year: input.year, dueOn } });
    }
    await enqueueJob(trx, { kind: DYNAMIC_REPORTS_OVERDUE_JOB, payload: { authorityId: input.authorityId, year: input.year }, runAt: startOfDayInShanghai(addCalendarDays(dueOn, 1)), uniqueKey: `${DYNAMIC_REPORTS_OVERDUE_JOB}:${input.authorityId}:${input.year}` });
    await enqueueJob(trx, { kind: DYNAMIC_REPORTS_OPEN_JOB, payload: { authorityId: input.authorityId, year: input.year + 1 }, runAt: startOfDayInShanghai(`${input.year + 2}-01-01`), uniqueKey: `${DYNAMIC_REPORTS_OPEN_JOB}:${input.authorityId}:${input.year + 1}` });
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'dynamic-reports.opened', subjectType: 'authority', subjectId: input.authorityId, enterpriseId: null, data: { year: input.year, dueOn, created: result.created, existing: result.existing } });
    return result;
  });
}
