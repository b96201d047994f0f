/**
 * Public notices (公示) as the site shows them: open and closed notices with their
 * entries and, once closed, each objection's published outcome (never the objector).
 */
import { sql } from 'kysely';
import type { Executor } from '../store.ts';

/** Statuses the public may see; drafts stay in the workspace. */
export const PUBLIC_NOTICE_STATUSES = ['open', 'closed'] as const;
export type PublicNoticeStatus = (typeof PUBLIC_NOTICE_STATUSES)[number];

export interface NoticeSummary {
  id: number;
  titleZh: string;
  titleEn: string;
  status: string;
  opensOn: string;
  closesOn: string;
  days: number;
  dayKind: string;
  closedAt: string | null;
  batchId: number;
  batchSlug: string;
  batchNameZh: string;
  batchNameEn: string;
  batchStatus: string;
  tier: string;
  programmeCode: string;
  authorityNameZh: string;
  authorityNameEn: string;
  authorityRegionCode: string;
  entries: number;
}

function noticeQuery(db: Executor) {
  return db
    .selectFrom('notices as n')
    .innerJoin('batches as b', 'b.id', 'n.batch_id')
    .innerJoin('programmes as p', 'p.id', 'b.programme_id')
    .innerJoin('authorities as a', 'a.id', 'n.authority_id')
    .select([
      'n.id as id',
      'n.title_zh as titleZh',
      'n.title_en as titleEn',
      'n.status as status',
      'n.opens_on as opensOn',
      'n.closes_on as closesOn',
      'n.days as days',
      'n.day_kind as dayKind',
      'n.closed_at as closedAt',
      'b.id as batchId',
      'b.slug as batchSlug',
      'b.name_zh as batchNameZh',
      'b.name_en as batchNameEn',
      'b.status as batchStatus',
      'b.tier as tier',
      'p.code as programmeCode',
      'a.name_zh as authorityNameZh',
      'a.name_en as authorityNameEn',
      'a.region_code as authorityRegionCode',
      (eb) => eb.selectFrom('notice_entries as ne').select(sql<number>`count(*)`.as('n')).whereRef('ne.notice_id', '=', 'n.id').as('entries'),
    ]);
}

export async function listPublicNotices(db: Executor, status?: PublicNoticeStatus): Promise<NoticeSummary[]> {
  const rows = await noticeQuery(db)
    .where('n.status', 'in', status === undefined ? [...PUBLIC_NOTICE_STATUSES] : [status])
    .orderBy('n.opens_on', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, entries: Number(r.entries ?? 0) }));
}

export async function findPublicNotice(db: Executor, id: number): Promise<NoticeSummary | undefined> {
  const row = await noticeQuery(db).where('n.id', '=', id).where('n.status', 'in', [...PUBLIC_NOTICE_STATUSES]).executeTakeFirst();
  return row === undefined ? undefined : { ...row, entries: Number(row.entries ?? 0) };
}

export interface NoticeEntryRow {
  id: number;
  position: number;
  enterpriseId: number;
  nameZh: string;
  nameEn: string;
  status: string;
  provinceCode: string;
  cityCode: string;
  industryCode: string;
}

export function listNoticeEntries(db: Executor, noticeId: number): Promise<NoticeEntryRow[]> {
  return db
    .selectFrom('notice_entries as ne')
    .innerJoin('enterprises as en', 'en.id', 'ne.enterprise_id')
    .select(['ne.id as id', 'ne.position as position', 'ne.enterprise_id as enterpriseId', 'ne.name_zh as nameZh', 'en.name_en as nameEn', 'ne.status as status', 'en.province_code as provinceCode', 'en.city_code as cityCode', 'en.industry_code as industryCode'])
    .where('ne.notice_id', '=', noticeId)
    .orderBy('ne.position')
    .orderBy('ne.id')
    .execute();
}

export function findNoticeEntry(db: Executor, noticeId: number, entryId: number): Promise<NoticeEntryRow | undefined> {
  return db
    .selectFrom('notice_entries as ne')
    .innerJoin('enterprises as en', 'en.id', 'ne.enterprise_id')
    .select(['ne.id as id', 'ne.position as position', 'ne.enterprise_id as enterpriseId', 'ne.name_zh as nameZh', 'en.name_en as nameEn', 'ne.status as status', 'en.province_code as provinceCode', 'en.city_code as cityCode', 'en.industry_code as industryCode'])
    .where('ne.notice_id', '=', noticeId)
    .where('ne.id', '=', entryId)
    .executeTakeFirst();
}

/** Outcome statuses the pipeline publishes once a notice closes. */
export const PUBLISHED_OUTCOMES = ['upheld', 'dismissed'] as const;

export interface ObjectionOutcome {
  caseNumber: string;
  noticeEntryId: number;
  status: string;
  outcomeNote: string | null;
  handledAt: string | null;
  filedOn: string;
}

/** Published outcomes of a closed notice's objections: case number and decision, never who objected. */
export function listObjectionOutcomes(db: Executor, noticeId: number): Promise<ObjectionOutcome[]> {
  return db
    .selectFrom('objections')
    .select(['case_number as caseNumber', 'notice_entry_id as noticeEntryId', 'status', 'outcome_note as outcomeNote', 'handled_at as handledAt', sql<string>`substr(created_at, 1, 10)`.as('filedOn')])
    .where('notice_id', '=', noticeId)
    .where('status', 'in', [...PUBLISHED_OUTCOMES])
    .orderBy('id')
    .execute();
}

/** Number of objections received per notice entry (shown while a notice is open, without content). */
export async function countObjectionsByEntry(db: Executor, noticeId: number): Promise<Map<number, number>> {
  const rows = await db.selectFrom('objections').select(['notice_entry_id as entryId', sql<number>`count(*)`.as('n')]).where('notice_id', '=', noticeId).groupBy('notice_entry_id').execute();
  return new Map(rows.map((r) => [r.entryId, Number(r.n)]));
}

/** What the confirmation page shows for a case number: the case, its notice and entry, nothing personal. */
export function findObjectionReceipt(db: Executor, caseNumber: string) {
  return db
    .selectFrom('objections as o')
    .innerJoin('notice_entries as ne', (join) => join.onRef('ne.id', '=', 'o.notice_entry_id').onRef('ne.enterprise_id', '=', 'o.enterprise_id'))
    .innerJoin('notices as n', 'n.id', 'o.notice_id')
    .select(['o.case_number as caseNumber', 'o.status as status', 'o.created_at as filedAt', 'o.evidence_file_id as evidenceFileId', 'ne.name_zh as entryNameZh', 'n.id as noticeId', 'n.title_zh as noticeTitleZh', 'n.title_en as noticeTitleEn', 'n.closes_on as closesOn'])
    .where('o.case_number', '=', caseNumber)
    .executeTakeFirst();
}
