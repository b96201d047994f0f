/** Every public record a sitemap names: batches, notices, news, and enterprises a page at a time. */
import { sql } from 'kysely';
import type { Executor } from '../store.ts';

export async function sitemapRecords(db: Executor) {
  const [batches, notices, news, enterprises] = await Promise.all([
    db.selectFrom('batches').select(['slug', 'published_on as publishedOn']).where('status', '=', 'published').orderBy('id').execute(),
    db.selectFrom('notices').select(['id', 'opens_on as opensOn', 'closed_at as closedAt']).where('status', 'in', ['open', 'closed']).orderBy('id').execute(),
    db.selectFrom('news_items').select(['slug', 'lang', 'updated_at as updatedAt']).orderBy('id').execute(),
    db.selectFrom('enterprises').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { batches, notices, news, enterpriseCount: Number(enterprises.n) };
}

/** Enterprise ids and update times in id order, `limit` at a time after `afterId` (keyset paging). */
export function enterpriseIdsAfter(db: Executor, afterId: number, limit: number) {
  return db.selectFrom('enterprises').select(['id', 'updated_at as updatedAt']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Ids of the first enterprise of each chunk of `size` (chunk boundaries for sitemap files). */
export async function enterpriseIdAtOffset(db: Executor, offset: number): Promise<number | undefined> {
  const row = await db.selectFrom('enterprises').select('id').orderBy('id').limit(1).offset(offset).executeTakeFirst();
  return row?.id;
}
