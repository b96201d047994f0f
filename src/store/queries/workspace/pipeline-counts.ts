/**
 * Counts for the workspace's queues and dashboard charts, in the same scope as the queue
 * itself (application-queue.ts queueScope): applications by state, dynamic reports by
 * status, and the deadlines that fall in the next days for this user.
 */
import { sql } from 'kysely';
import type { UserActor } from '../../../domain/actors/actor.ts';
import { addCalendarDays } from '../../../domain/calendar/calendar.ts';
import { queueScope } from '../application-queue.ts';
import { dynamicReportScope } from '../dynamic-report-queue.ts';
import type { Executor } from '../../store.ts';

export async function applicationStateCounts(db: Executor, actor: UserActor, filter: { programmeCode?: string | undefined; batchId?: number | undefined } = {}): Promise<Record<string, number>> {
  let query = db.selectFrom('applications as a').innerJoin('programmes as p', 'p.id', 'a.programme_id').where(queueScope(actor));
  if (filter.programmeCode !== undefined) query = query.where('p.code', '=', filter.programmeCode);
  if (filter.batchId !== undefined) query = query.where('a.batch_id', '=', filter.batchId);
  const rows = await query.select(['a.state as state', sql<number>`count(*)`.as('n')]).groupBy('a.state').execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

export async function dynamicReportCounts(db: Executor, actor: UserActor, filter: { year?: number | undefined } = {}): Promise<{ byStatus: Record<string, number>; flagged: number }> {
  let query = db.selectFrom('dynamic_reports as r').innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'r.list_entry_id').onRef('e.enterprise_id', '=', 'r.enterprise_id')).where(dynamicReportScope(actor));
  if (filter.year !== undefined) query = query.where('r.year', '=', filter.year);
  const [rows, flagged] = await Promise.all([
    query.select(['r.status as status', sql<number>`count(*)`.as('n')]).groupBy('r.status').execute(),
    query.select(sql<number>`count(*)`.as('n')).where('r.flag_reason', 'is not', null).executeTakeFirstOrThrow(),
  ]);
  return { byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])), flagged: Number(flagged.n) };
}

export interface Deadline {
  date: string;
  kind: 'recommend' | 'notice' | 'dynamic-report';
  nameZh: string;
  nameEn: string;
  /** Workspace path of the place where the deadline is met. */
  href: string;
  /** For grouped deadlines (reports due on one day): how many. */
  count: number;
}

/** The authorities whose batches a user's deadlines come from: the nation's and those of the user's province. */
function provincePrefixes(actor: UserActor, enterpriseProvince: string | undefined): string[] {
  const codes = actor.memberships.map((m) => m.regionCode).filter((c): c is string => c !== null && c !== '000000');
  if (enterpriseProvince !== undefined) codes.push(enterpriseProvince);
  return [...new Set(codes.map((c) => c.slice(0, 2)))];
}

/** What falls due from today through `days` days on: recommendation deadlines, notices closing, dynamic reports due. */
export async function upcomingDeadlines(db: Executor, actor: UserActor, options: { today: string; days?: number }): Promise<Deadline[]> {
  const until = addCalendarDays(options.today, options.days ?? 30);
  const enterpriseId = actor.memberships.find((m) => m.role === 'enterprise')?.enterpriseId ?? null;
  const enterprise = enterpriseId === null ? undefined : await db.selectFrom('enterprises').select('province_code').where('id', '=', enterpriseId).executeTakeFirst();
  const reviewer = actor.memberships.some((m) => ['national', 'province', 'city', 'admin'].includes(m.role));
  const deadlines: Deadline[] = [];
  if (reviewer || enterprise !== undefined) {
    const prefixes = provincePrefixes(actor, enterprise?.province_code);
    const batches = await db
      .selectFrom('batches as b')
      .innerJoin('authorities as au', 'au.id', 'b.authority_id')
      .select(['b.id', 'b.slug', 'b.name_zh', 'b.name_en', 'b.recommend_deadline', 'au.level', 'au.region_code'])
      .where('b.status', '=', 'open')
      .where('b.recommend_deadline', '>=', options.today)
      .where('b.recommend_deadline', '<=', until)
      .execute();
    for (const b of batches) {
      if (b.level !== 'national' && !prefixes.includes(b.region_code.slice(0, 2))) continue;
      deadlines.push({ date: b.recommend_deadline!, kind: 'recommend', nameZh: b.name_zh, nameEn: b.name_en, href: `/workspace/batches/${b.id}`, count: 1 });
    }
    const authorityIds = actor.memberships.map((m) => m.authorityId).filter((id): id is number => id !== null);
    let notices = db.selectFrom('notices as n').select(['n.id', 'n.title_zh', 'n.title_en', 'n.closes_on']).where('n.status', '=', 'open').where('n.closes_on', '>=', options.today).where('n.closes_on', '<=', until);
    notices = notices.where((eb) => {
      const scopes = [];
      if (authorityIds.length > 0) scopes.push(eb('n.authority_id', 'in', authorityIds));
      if (enterpriseId !== null) scopes.push(eb('n.id', 'in', eb.selectFrom('notice_entries').select('notice_id').where('enterprise_id', '=', enterpriseId)));
      return scopes.length === 0 ? sql<boolean>`1 = 0` : eb.or(scopes);
    });
    for (const n of await notices.execute()) deadlines.push({ date: n.closes_on, kind: 'notice', nameZh: n.title_zh, nameEn: n.title_en, href: enterpriseId === null ? `/workspace/notices/${n.id}` : `/notices/${n.id}`, count: 1 });
    const reports = await db
      .selectFrom('dynamic_reports as r')
      .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'r.list_entry_id').onRef('e.enterprise_id', '=', 'r.enterprise_id'))
      .where(dynamicReportScope(actor))
      .where('r.status', '=', 'due')
      .where('r.due_on', '>=', options.today)
      .where('r.due_on', '<=', until)
      .select(['r.due_on as dueOn', 'r.year as year', sql<number>`count(*)`.as('n')])
      .groupBy(['r.due_on', 'r.year'])
      .execute();
    for (const r of reports) deadlines.push({ date: r.dueOn, kind: 'dynamic-report', nameZh: `${r.year}年度动态管理表`, nameEn: `${r.year} dynamic-management reports`, href: enterpriseId === null ? '/workspace/dynamic-management' : '/workspace/dynamic-reports', count: Number(r.n) });
  }
  return deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
