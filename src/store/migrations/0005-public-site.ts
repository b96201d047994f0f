/**
 * Indexes for the public site's read models (issue 5): the current list filtered by
 * province, city or industry and ordered by listing date or name, news by province and
 * enterprise, notice entries by enterprise, objections by entry.
 *
 * The list indexes are partial ("current" = listed or renamed), so the national list of
 * every batch pages from an index without sorting the whole table. Queries must repeat
 * the predicate exactly as CURRENT_LIST_PREDICATE (store/queries/public-lists.ts) writes
 * it: SQLite uses a partial index only when the query's WHERE holds the same term, with
 * literals rather than bound parameters.
 */
import { sql, type Kysely } from 'kysely';
import { createIndex, type StoreMigration } from './migration.ts';

// Written as an expression on purpose: with a bare `status in (…)` SQLite (without
// ANALYZE statistics) prefers 0002's (status, province_code, city_code) index and sorts
// the whole current list — measured 348 ms at 200k entries against 0.03 ms here.
const CURRENT = sql<boolean>`(status || '') in ('listed', 'renamed')`;

async function partialIndex(db: Kysely<any>, name: string, columns: string[]): Promise<void> {
  await db.schema.createIndex(name).on('list_entries').columns(columns).where(CURRENT).execute();
}

export const publicSite: StoreMigration = {
  name: '0005-public-site',
  async up(db: Kysely<any>) {
    await partialIndex(db, 'list_entries_current_listed', ['listed_on', 'id']);
    await partialIndex(db, 'list_entries_current_name', ['name_zh', 'id']);
    await partialIndex(db, 'list_entries_current_province', ['province_code', 'listed_on', 'id']);
    await partialIndex(db, 'list_entries_current_city', ['city_code', 'listed_on', 'id']);
    await partialIndex(db, 'list_entries_current_industry', ['industry_code', 'listed_on', 'id']);
    await createIndex(db, 'list_entries_batch_name', 'list_entries', ['batch_id', 'name_zh', 'id']);
    await createIndex(db, 'news_items_enterprise', 'news_items', ['enterprise_id', 'published_at']);
    await createIndex(db, 'news_items_province', 'news_items', ['province_code', 'lang', 'published_at']);
    await createIndex(db, 'notice_entries_enterprise', 'notice_entries', ['enterprise_id']);
    await createIndex(db, 'objections_entry', 'objections', ['notice_entry_id', 'status']);
    await createIndex(db, 'notices_status', 'notices', ['status', 'opens_on']);
    await createIndex(db, 'contact_messages_created', 'contact_messages', ['created_at']);
    await createIndex(db, 'files_sha256', 'files', ['sha256']);
  },
};
