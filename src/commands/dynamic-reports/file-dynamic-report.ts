/**
 * A listed enterprise files its 动态管理表: the year's AnnualData, given in full or taken
 * from the factory-year it already declared. Filed after the deadline it is marked late;
 * a removal that was queued only because the report was missing is cancelled.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { parseAnnualData } from '../../engine/index.ts';
import { authorize, type Subject } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Executor, type Store } from '../../store/store.ts';

export interface FileDynamicReportInput {
  reportId: number;
  /** AnnualData v1 of the report's year; omitted: the declared factory-year on record. */
  document?: unknown;
  today?: string;
}

export async function dynamicReportSubject(db: Executor, report: Row<'dynamic_reports'>): Promise<Subject & { entry: Row<'list_entries'> }> {
  const entry = await db.selectFrom('list_entries').selectAll().where('id', '=', report.list_entry_id).executeTakeFirstOrThrow();
  return { type: 'dynamic-report', id: report.id, enterpriseId: report.enterprise_id, authorityId: entry.authority_id, provinceCode: entry.province_code, cityCode: entry.city_code, entry };
}

export async function fileDynamicReport(store: Store, actor: Actor, input: FileDynamicReportInput): Promise<Row<'dynamic_reports'>> {
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const report = await store.capabilities.forUpdate(trx.selectFrom('dynamic_reports').selectAll().where('id', '=', input.reportId)).executeTakeFirst();
    if (report === undefined) throw notFound(`dynamic report ${input.reportId}`);
    const subject = await dynamicReportSubject(trx, report);
    authorize(actor, 'file', subject);
    if (report.status !== 'due' && report.status !== 'overdue') throw new AppError('CONFLICT', `The ${report.year} report was already filed / ${report.year}年度动态管理表已填报`);
    let document = input.document;
    if (document === undefined) {
      if (subject.entry.factory_id === null) throw invalid('document', 'give the report’s data / 请填报数据');
      const stored = await trx.selectFrom('annual_data').select('document').where('enterprise_id', '=', report.enterprise_id).where('factory_id', '=', subject.entry.factory_id).where('year', '=', report.year).where('kind', '=', 'declared').executeTakeFirst();
      if (stored === undefined) throw invalid('document', `no declared data for ${report.year} on record; give the report’s data / 无${report.year}年度数据，请填报`);
      document = JSON.parse(stored.document);
    }
    const data = parseAnnualData(document);
    if (data.year !== report.year) throw invalid('document.year', `the report is for ${report.year}, not ${data.year} / 年度不符`);
    const late = today > report.due_on;
    const updated = await trx
      .updateTable('dynamic_reports')
      .set({ status: late ? 'filed_late' : 'filed', document: JSON.stringify(document), filed_at: now() })
      .where('id', '=', report.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const cancelled = await trx
      .updateTable('entry_changes')
      .set({ status: 'cancelled' })
      .where('enterprise_id', '=', report.enterprise_id)
      .where('list_entry_id', '=', report.list_entry_id)
      .where('kind', '=', 'removal')
      .where('reason_code', '=', 'unfiled_dynamic_report')
      .where('status', '=', 'approved')
      .returning('id')
      .execute();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'dynamic-report.filed', subjectType: 'dynamic-report', subjectId: report.id, enterpriseId: report.enterprise_id, data: { year: report.year, late, dueOn: report.due_on, cancelledRemovals: cancelled.map((c) => c.id) } });
    return updated;
  });
}
