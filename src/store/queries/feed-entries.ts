/**
 * What the feeds carry: news in the feed's language, published batches and public
 * notices, newest first. A province feed holds that province's news, the batches and
 * notices of its own authorities, and the national ones (which concern every province).
 */
import type { Executor } from '../store.ts';
import { listNews } from './public-news.ts';

export interface FeedFilter {
  lang: string;
  provinceCode?: string | undefined;
  programmeCode?: string | undefined;
  limit: number;
}

export type FeedEntry =
  | { kind: 'news'; slug: string; title: string; summary: string; author: string; publishedAt: string; updatedAt: string; provinceCode: string | null; programmeCode: string | null }
  | { kind: 'batch'; slug: string; nameZh: string; nameEn: string; publishedOn: string; noticeNumber: string | null; authorityNameZh: string; authorityNameEn: string; programmeCode: string }
  | { kind: 'notice'; id: number; titleZh: string; titleEn: string; opensOn: string; closesOn: string; status: string; authorityNameZh: string; authorityNameEn: string; programmeCode: string };

/** The date an entry sorts by (ISO text; dates sort with timestamps of the same day). */
export function feedEntryDate(entry: FeedEntry): string {
  return entry.kind === 'news' ? entry.publishedAt : entry.kind === 'batch' ? entry.publishedOn : entry.opensOn;
}

export async function listFeedEntries(db: Executor, filter: FeedFilter): Promise<FeedEntry[]> {
  let batches = db
    .selectFrom('batches as b')
    .innerJoin('programmes as p', 'p.id', 'b.programme_id')
    .innerJoin('authorities as a', 'a.id', 'b.authority_id')
    .select(['b.slug as slug', 'b.name_zh as nameZh', 'b.name_en as nameEn', 'b.published_on as publishedOn', 'b.notice_number as noticeNumber', 'a.name_zh as authorityNameZh', 'a.name_en as authorityNameEn', 'p.code as programmeCode'])
    .where('b.status', '=', 'published')
    .where('b.published_on', 'is not', null);
  let notices = db
    .selectFrom('notices as n')
    .innerJoin('batches as b', 'b.id', 'n.batch_id')
    .innerJoin('programmes as p', 'p.id', 'b.programme_id')
    .innerJoin('authorities as a', 'a.id', 'n.authority_id')
    .select(['n.id as id', 'n.title_zh as titleZh', 'n.title_en as titleEn', 'n.opens_on as opensOn', 'n.closes_on as closesOn', 'n.status as status', 'a.name_zh as authorityNameZh', 'a.name_en as authorityNameEn', 'p.code as programmeCode'])
    .where('n.status', 'in', ['open', 'closed']);
  if (filter.programmeCode) {
    batches = batches.where('p.code', '=', filter.programmeCode);
    notices = notices.where('p.code', '=', filter.programmeCode);
  }
  const prefix = filter.provinceCode?.slice(0, 2);
  if (prefix !== undefined) {
    batches = batches.where((w) => w.or([w('b.tier', '=', 'national'), w.and([w('a.region_code', '>=', `${prefix}0000`), w('a.region_code', '<=', `${prefix}9999`)])]));
    notices = notices.where((w) => w.or([w('b.tier', '=', 'national'), w.and([w('a.region_code', '>=', `${prefix}0000`), w('a.region_code', '<=', `${prefix}9999`)])]));
  }
  const [news, batchRows, noticeRows] = await Promise.all([
    listNews(db, filter, { limit: filter.limit, offset: 0 }),
    batches.orderBy('b.published_on', 'desc').limit(filter.limit).execute(),
    notices.orderBy('n.opens_on', 'desc').limit(filter.limit).execute(),
  ]);
  const entries: FeedEntry[] = [
    ...news.items.map((n) => ({ kind: 'news' as const, slug: n.slug, title: n.title, summary: n.summary, author: n.author, publishedAt: n.publishedAt, updatedAt: n.updatedAt, provinceCode: n.provinceCode, programmeCode: n.programmeCode })),
    ...batchRows.map((b) => ({ kind: 'batch' as const, ...b, publishedOn: b.publishedOn! })),
    ...noticeRows.map((n) => ({ kind: 'notice' as const, ...n })),
  ];
  return entries.sort((a, b) => feedEntryDate(b).localeCompare(feedEntryDate(a))).slice(0, filter.limit);
}
