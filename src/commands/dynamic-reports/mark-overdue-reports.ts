/**
 * The day after an authority's deadline, every report still missing is flagged overdue and
 * its entry queued for removal at the next annual publication of its list (an unfiled
 * 动态管理表; domain.md §3.2). Idempotent: only reports still 'due' change.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { actorLabel, actorUserId } from '../../domain/actors/actor.ts';
import { removalReasonText } from '../../domain/applications/list-management.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Store } from '../../store/store.ts';

export interface MarkOverdueInput {
  authorityId: number;
  year: number;
  today: string;
}

export async function markOverdueReports(store: Store, actor: Actor, input: MarkOverdueInput): Promise<{ flagged: number }> {
  return store.transaction(async (trx) => {
    const overdue = await trx
      .selectFrom('dynamic_reports as r')
      .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'r.list_entry_id').onRef('e.enterprise_id', '=', 'r.enterprise_id'))
      .select(['r.id', 'r.enterprise_id', 'r.list_entry_id', 'r.due_on'])
      .where('e.authority_id', '=', input.authorityId)
      .where('r.year', '=', input.year)
      .where('r.status', '=', 'due')
      .where('r.due_on', '<', input.today)
      .orderBy('r.id')
      .execute();
    const at = now();
    for (const report of overdue) {
      const flag = `not filed by ${report.due_on} / 未在${report.due_on}前填报`;
      await trx.updateTable('dynamic_reports').set({ status: 'overdue', flag_reason: flag }).where('id', '=', report.id).execute();
      const change = await trx
        .insertInto('entry_changes')
        .values({ list_entry_id: report.list_entry_id, enterprise_id: report.enterprise_id, kind: 'removal', mode: 'annual', reason_code: 'unfiled_dynamic_report', reason: removalReasonText('unfiled_dynamic_report', `${input.year}`), details: JSON.stringify({ reportId: report.id }), status: 'approved', requested_by: null, decided_by: null, decided_at: at, applied_on: null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'dynamic-report.overdue', subjectType: 'dynamic-report', subjectId: report.id, enterpriseId: report.enterprise_id, data: { year: input.year, dueOn: report.due_on, removalChangeId: change.id } });
    }
    return { flagged: overdue.length };
  });
}
