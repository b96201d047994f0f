/**
 * A closed 公示 for the demo, so the public site shows what a finished notice looks like:
 * the 2025 national list's notice (15 calendar days, closed the day after its last day),
 * its entries passed, one extra candidate removed after an upheld objection, and the
 * published outcome of each case. Dates, people and findings are invented (示例数据).
 */
import { addCalendarDays } from '../../domain/calendar/calendar.ts';
import { caseNumberOf } from '../objections/file-objection.ts';
import type { Executor } from '../../store/store.ts';

const BATCH = 'national-factory-2025';
const OPENS_ON = '2026-02-09';

export async function seedDemoClosedNotice(db: Executor): Promise<{ notices: number; objections: number }> {
  const batch = await db.selectFrom('batches').selectAll().where('slug', '=', BATCH).executeTakeFirst();
  if (batch === undefined) return { notices: 0, objections: 0 };
  const closesOn = addCalendarDays(OPENS_ON, 14);
  const closedAt = `${addCalendarDays(closesOn, 1)}T01:00:00.000Z`;
  const notice = await db
    .insertInto('notices')
    .values({ batch_id: batch.id, authority_id: batch.authority_id, title_zh: `${batch.name_zh}公示`, title_en: `Public notice: ${batch.name_en}`, opens_on: OPENS_ON, closes_on: closesOn, day_kind: 'calendar', days: 15, status: 'closed', closed_at: closedAt, created_at: `${OPENS_ON}T01:00:00.000Z` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const listed = await db.selectFrom('list_entries').select(['enterprise_id', 'factory_id', 'name_zh']).where('batch_id', '=', batch.id).orderBy('id').execute();
  // The candidate that did not make the list: an enterprise on no national list.
  const removed = await db
    .selectFrom('enterprises')
    .select(['id', 'name_zh'])
    .where('id', 'not in', (s) => s.selectFrom('list_entries').select('enterprise_id').where('tier', '=', 'national'))
    .where('id', 'not in', (s) => s.selectFrom('notice_entries').select('enterprise_id'))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const entries = [...listed.map((e) => ({ enterpriseId: e.enterprise_id, factoryId: e.factory_id, nameZh: e.name_zh, status: 'passed' })), ...(removed === undefined ? [] : [{ enterpriseId: removed.id, factoryId: null, nameZh: removed.name_zh, status: 'removed' }])];
  const ids: number[] = [];
  for (const [index, entry] of entries.entries()) {
    const row = await db.insertInto('notice_entries').values({ notice_id: notice.id, application_id: null, enterprise_id: entry.enterpriseId, factory_id: entry.factoryId, name_zh: entry.nameZh, status: entry.status, position: index + 1 }).returning('id').executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  const cases = [
    { entryIndex: 2, status: 'dismissed', note: '经核查，举报所称超标排放发生在入选年度之前且已整改完毕，异议不成立。（示例数据）', filed: '2026-02-12' },
    ...(removed === undefined ? [] : [{ entryIndex: entries.length - 1, status: 'upheld', note: '经核查，该企业近三年内发生一般及以上安全生产事故，属负面清单情形，异议成立，不列入名单。（示例数据）', filed: '2026-02-16' }]),
  ];
  for (const [index, c] of cases.entries()) {
    const entry = entries[c.entryIndex]!;
    await db
      .insertInto('objections')
      .values({ notice_id: notice.id, notice_entry_id: ids[c.entryIndex]!, enterprise_id: entry.enterpriseId, case_number: caseNumberOf('2026', notice.id, index + 1), full_name: '示例异议人', contact: 'objector@example.invalid', reason: '示例数据：演示异议处理流程的虚构异议。', evidence_file_id: null, status: c.status, outcome_note: c.note, handled_by: null, handled_at: `${closesOn}T08:00:00.000Z`, client_key: 'demo', created_at: `${c.filed}T02:00:00.000Z` })
      .execute();
  }
  return { notices: 1, objections: cases.length };
}
