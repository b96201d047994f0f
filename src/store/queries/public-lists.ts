/**
 * The public list read model: current entries (listed or renamed) filtered by province,
 * city, GB/T 4754 industry, programme, year, tier or batch, sorted and paginated; and the
 * published batches. Filters are equalities and ranges the 0005 partial indexes serve.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import { listIndustrySections } from '../../domain/reference/industries.ts';
import type { Database, Tier } from '../schema.ts';
import type { Executor } from '../store.ts';

/**
 * "On the current list": listed or renamed. The same expression, with literals, as the
 * partial indexes of migration 0005 — SQLite uses them only for an identical term, and
 * the expression keeps it from choosing 0002's status index and sorting every row.
 */
export const CURRENT_LIST_PREDICATE = sql<boolean>`(e.status || '') in ('listed', 'renamed')`;

export const LIST_SORTS = ['listed', 'name', 'region', 'industry'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export interface ListFilter {
  provinceCode?: string | undefined;
  cityCode?: string | undefined;
  /** GB/T 4754: a section letter (C), a division (26), a group (261) or a class (2614). */
  industryCode?: string | undefined;
  programmeCode?: string | undefined;
  year?: number | undefined;
  tier?: Tier | undefined;
  batchSlug?: string | undefined;
  /** Every entry of the batch (removed ones too) instead of the current list. */
  includeRemoved?: boolean | undefined;
}

export interface ListPaging {
  page: number;
  pageSize: number;
  sort: ListSort;
  direction: SortDirection;
}

export interface ListEntryRow {
  entryId: number;
  enterpriseId: number;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
  cityCode: string;
  industryCode: string;
  tier: string;
  status: string;
  listedOn: string;
  removedOn: string | null;
  removalReason: string | null;
  renamedFrom: string | null;
  batchSlug: string;
  batchNameZh: string;
  batchNameEn: string;
  programmeCode: string;
}

export interface ListResult {
  items: ListEntryRow[];
  /** Matches counted up to COUNT_CAP; `totalCapped` says there are at least that many. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** The columns every list-entry row carries (list pages and open data), from list_entries e, batches b and programmes p. */
export const ENTRY_COLUMNS = [
  'e.id as entryId',
  'e.enterprise_id as enterpriseId',
  'e.name_zh as nameZh',
  'e.name_en as nameEn',
  'e.province_code as provinceCode',
  'e.city_code as cityCode',
  'e.industry_code as industryCode',
  'e.tier as tier',
  'e.status as status',
  'e.listed_on as listedOn',
  'e.removed_on as removedOn',
  'e.removal_reason as removalReason',
  'e.renamed_from as renamedFrom',
  'b.slug as batchSlug',
  'b.name_zh as batchNameZh',
  'b.name_en as batchNameEn',
  'p.code as programmeCode',
] as const;

export const COUNT_CAP = 10_000;
export const MAX_PAGE_SIZE = 200;

/** Section letters map to their division range ('C' → 13–43); digits to a prefix range. */
export function industryRange(code: string): [string, string] | undefined {
  if (/^[A-T]$/.test(code)) {
    const range = listIndustrySections().find((s) => s.code === code)?.divisionRange;
    if (range === undefined) return undefined;
    return [range[0], String(Number(range[1]) + 1).padStart(2, '0')];
  }
  if (!/^\d{2,4}$/.test(code)) return undefined;
  return [code, String(Number(code) + 1).padStart(code.length, '0')];
}

type EntryQuery = SelectQueryBuilder<Database & { e: Database['list_entries'] }, 'e', {}>;

function applyFilter(query: EntryQuery, filter: ListFilter, range: [string, string] | undefined): EntryQuery {
  let q = filter.includeRemoved ? query : query.where(CURRENT_LIST_PREDICATE);
  if (filter.provinceCode) q = q.where('e.province_code', '=', filter.provinceCode);
  if (filter.cityCode) q = q.where('e.city_code', '=', filter.cityCode);
  if (range) q = q.where('e.industry_code', '>=', range[0]).where('e.industry_code', '<', range[1]);
  if (filter.tier) q = q.where('e.tier', '=', filter.tier);
  if (filter.programmeCode) q = q.where('e.programme_id', 'in', (s) => s.selectFrom('programmes').select('id').where('code', '=', filter.programmeCode!));
  if (filter.year !== undefined) q = q.where('e.batch_id', 'in', (s) => s.selectFrom('batches').select('id').where('year', '=', filter.year!));
  if (filter.batchSlug) q = q.where('e.batch_id', 'in', (s) => s.selectFrom('batches').select('id').where('slug', '=', filter.batchSlug!));
  return q;
}

function ordered<Q extends SelectQueryBuilder<any, any, any>>(query: Q, sort: ListSort, direction: SortDirection): Q {
  switch (sort) {
    case 'name':
      return query.orderBy('e.name_zh', direction).orderBy('e.id', direction) as Q;
    case 'region':
      return query.orderBy('e.province_code', direction).orderBy('e.city_code', direction).orderBy('e.id', direction) as Q;
    case 'industry':
      return query.orderBy('e.industry_code', direction).orderBy('e.id', direction) as Q;
    case 'listed':
      return query.orderBy('e.listed_on', direction).orderBy('e.id', direction) as Q;
  }
}

/** One page of list entries, with a capped count so a national query stays cheap. */
export async function listEntries(db: Executor, filter: ListFilter, paging: ListPaging): Promise<ListResult> {
  const pageSize = Math.min(Math.max(Math.trunc(paging.pageSize), 1), MAX_PAGE_SIZE);
  const page = Math.max(Math.trunc(paging.page), 1);
  const range = filter.industryCode ? industryRange(filter.industryCode) : undefined;
  if (filter.industryCode && range === undefined) return { items: [], total: 0, totalCapped: false, page, pageSize, pageCount: 0 };
  const base = applyFilter(db.selectFrom('list_entries as e') as unknown as EntryQuery, filter, range);
  const rows = await ordered(
    base
      .innerJoin('batches as b', 'b.id', 'e.batch_id')
      .innerJoin('programmes as p', 'p.id', 'e.programme_id')
      .select(ENTRY_COLUMNS),
    paging.sort,
    paging.direction,
  )
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items = rows as ListEntryRow[];
  let total: number;
  if (page === 1 && items.length < pageSize) total = items.length;
  else {
    const capped = base.select('e.id').limit(COUNT_CAP);
    const result = await db.selectFrom(capped.as('hits')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    total = Number(result.n);
  }
  return { items, total, totalCapped: total >= COUNT_CAP, page, pageSize, pageCount: Math.ceil(total / pageSize) };
}

export interface BatchSummary {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  tier: Tier;
  year: number;
  ordinal: number | null;
  status: string;
  noticeNumber: string | null;
  publishedOn: string | null;
  programmeCode: string;
  programmeNameZh: string;
  programmeNameEn: string;
  authorityNameZh: string;
  authorityNameEn: string;
  authorityRegionCode: string;
}

export interface BatchFilter {
  programmeCode?: string | undefined;
  year?: number | undefined;
  tier?: Tier | undefined;
  /** National batches and the batches of authorities in this province. */
  provinceCode?: string | undefined;
}

/** Batches with their programme and authority: the base of every batch listing. */
export function batchQuery(db: Executor) {
  return db
    .selectFrom('batches as b')
    .innerJoin('programmes as p', 'p.id', 'b.programme_id')
    .innerJoin('authorities as a', 'a.id', 'b.authority_id')
    .select([
      'b.id as id',
      'b.slug as slug',
      'b.name_zh as nameZh',
      'b.name_en as nameEn',
      'b.tier as tier',
      'b.year as year',
      'b.ordinal as ordinal',
      'b.status as status',
      'b.notice_number as noticeNumber',
      'b.published_on as publishedOn',
      'p.code as programmeCode',
      'p.name_zh as programmeNameZh',
      'p.name_en as programmeNameEn',
      'a.name_zh as authorityNameZh',
      'a.name_en as authorityNameEn',
      'a.region_code as authorityRegionCode',
    ]);
}

/** Published batches, newest first. */
export async function listPublishedBatches(db: Executor, filter: BatchFilter = {}): Promise<BatchSummary[]> {
  let q = batchQuery(db).where('b.status', '=', 'published');
  if (filter.programmeCode) q = q.where('p.code', '=', filter.programmeCode);
  if (filter.year !== undefined) q = q.where('b.year', '=', filter.year);
  if (filter.tier) q = q.where('b.tier', '=', filter.tier);
  if (filter.provinceCode) {
    const prefix = filter.provinceCode.slice(0, 2);
    q = q.where((w) => w.or([w('b.tier', '=', 'national'), w('a.region_code', '>=', `${prefix}0000`).and('a.region_code', '<=', `${prefix}9999`)]));
  }
  return q.orderBy('b.published_on', 'desc').orderBy('b.id', 'desc').execute();
}

export function findBatchBySlug(db: Executor, slug: string): Promise<BatchSummary | undefined> {
  return batchQuery(db).where('b.slug', '=', slug).executeTakeFirst();
}

/** The previous published batch of the same programme, tier and authority (what a batch's diff is against). */
export function findPreviousBatch(db: Executor, batch: BatchSummary): Promise<BatchSummary | undefined> {
  if (batch.publishedOn === null) return Promise.resolve(undefined);
  return batchQuery(db)
    .where('b.status', '=', 'published')
    .where('p.code', '=', batch.programmeCode)
    .where('b.tier', '=', batch.tier)
    .where('a.region_code', '=', batch.authorityRegionCode)
    .where('b.published_on', '<', batch.publishedOn)
    .orderBy('b.published_on', 'desc')
    .executeTakeFirst();
}

/** Entries per batch (all, and currently listed), for the batch index. */
export async function batchEntryCounts(db: Executor, batchIds: readonly number[]): Promise<Map<number, { all: number; current: number }>> {
  if (batchIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('list_entries as e')
    .select(['e.batch_id as batchId', sql<number>`count(*)`.as('all'), sql<number>`sum(case when ${CURRENT_LIST_PREDICATE} then 1 else 0 end)`.as('current')])
    .where('e.batch_id', 'in', batchIds)
    .groupBy('e.batch_id')
    .execute();
  return new Map(rows.map((r) => [r.batchId, { all: Number(r.all), current: Number(r.current ?? 0) }]));
}

/** Distinct years of published batches, newest first (for the year filter). */
export async function publishedYears(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('batches').select('year').distinct().where('status', '=', 'published').orderBy('year', 'desc').execute();
  return rows.map((r) => r.year);
}
