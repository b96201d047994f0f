/** News items as the public site and the feeds read them: newest first, by language, province and programme. */
import { sql } from 'kysely';
import type { Executor } from '../store.ts';

export interface NewsFilter {
  lang: string;
  provinceCode?: string | undefined;
  programmeCode?: string | undefined;
}

export interface NewsSummary {
  slug: string;
  lang: string;
  title: string;
  summary: string;
  author: string;
  publishedAt: string;
  updatedAt: string;
  enterpriseId: number | null;
  provinceCode: string | null;
  programmeCode: string | null;
  isDemo: boolean;
}

function newsQuery(db: Executor, filter: NewsFilter) {
  let q = db.selectFrom('news_items').where('lang', '=', filter.lang);
  if (filter.provinceCode) q = q.where('province_code', '=', filter.provinceCode);
  if (filter.programmeCode) q = q.where('programme_code', '=', filter.programmeCode);
  return q;
}

export async function listNews(db: Executor, filter: NewsFilter, paging: { limit: number; offset: number }): Promise<{ items: NewsSummary[]; total: number }> {
  const [rows, count] = await Promise.all([
    newsQuery(db, filter)
      .select(['slug', 'lang', 'title', 'summary', 'author', 'published_at as publishedAt', 'updated_at as updatedAt', 'enterprise_id as enterpriseId', 'province_code as provinceCode', 'programme_code as programmeCode', 'is_demo as isDemo'])
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(paging.limit)
      .offset(paging.offset)
      .execute(),
    newsQuery(db, filter).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ ...r, isDemo: r.isDemo === 1 })), total: Number(count.n) };
}

export interface NewsItem extends NewsSummary {
  body: string;
  enterpriseNameZh: string | null;
  enterpriseNameEn: string | null;
}

export async function findNewsBySlug(db: Executor, slug: string): Promise<NewsItem | undefined> {
  const row = await db
    .selectFrom('news_items as n')
    .leftJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .select([
      'n.slug as slug',
      'n.lang as lang',
      'n.title as title',
      'n.summary as summary',
      'n.body as body',
      'n.author as author',
      'n.published_at as publishedAt',
      'n.updated_at as updatedAt',
      'n.enterprise_id as enterpriseId',
      'n.province_code as provinceCode',
      'n.programme_code as programmeCode',
      'n.is_demo as isDemo',
      'e.name_zh as enterpriseNameZh',
      'e.name_en as enterpriseNameEn',
    ])
    .where('n.slug', '=', slug)
    .executeTakeFirst();
  return row === undefined ? undefined : { ...row, isDemo: row.isDemo === 1 };
}

/** Slugs that exist among the candidates (to link a story's other-language version). */
export async function existingNewsSlugs(db: Executor, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.selectFrom('news_items').select('slug').where('slug', 'in', slugs).execute();
  return new Set(rows.map((r) => r.slug));
}
