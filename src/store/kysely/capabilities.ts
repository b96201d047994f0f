/**
 * Everything that differs between SQLite and PostgreSQL, in one place. Code above the
 * store asks a capability ("lock this row for update", "search these names") and never
 * branches on the database's name.
 */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import { isShortHanQuery } from '../../domain/enterprises/search-text.ts';
import type { Database } from '../schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface EnterpriseSearchHit {
  id: number;
}

export interface Capabilities {
  readonly name: DialectName;
  /** Applies the auto-increment primary key definition of this database. */
  identity(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Row lock inside a transaction (PostgreSQL FOR UPDATE; SQLite transactions hold the write lock from BEGIN IMMEDIATE). */
  forUpdate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** FOR UPDATE SKIP LOCKED for queue claims, where the database has it. */
  skipLocked<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** Creates the enterprise name search index (FTS5 trigram or pg_trgm GIN). */
  createSearchIndex(db: Kysely<any>): Promise<void>;
  /**
   * Ids of enterprises whose search text contains `needle` (already lower-cased),
   * best first. Uses the trigram index for needles of three or more characters and a
   * scan for shorter ones.
   */
  searchEnterpriseIds(db: Kysely<Database>, needle: string, limit: number, offset: number): Promise<number[]>;
  /** Number of search hits, capped at `cap` so a one-character query stays cheap. */
  countEnterpriseMatches(db: Kysely<Database>, needle: string, cap: number): Promise<number>;
  /** A table that is all key (SQLite: WITHOUT ROWID, so the key index is the table). */
  compactKeyTable<T extends string, C extends string>(builder: CreateTableBuilder<T, C>): CreateTableBuilder<T, C>;
  /** After rows were inserted with explicit ids (bulk loads), make the next generated id follow them. */
  resetIdentity(db: Kysely<any>, table: string): Promise<void>;
}

function escapeLike(needle: string): string {
  return needle.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** FTS5 phrase syntax: a double quote inside a phrase is written twice. */
function ftsPhrase(needle: string): string {
  return '"' + needle.replace(/"/g, '""') + '"';
}

/** One or two Chinese characters: the gram index, the same on both databases. */
async function searchByGram(db: Kysely<Database>, needle: string, limit: number, offset: number): Promise<number[]> {
  const rows = await db.selectFrom('enterprise_grams').select('enterprise_id').where('gram', '=', needle).orderBy('enterprise_id').limit(limit).offset(offset).execute();
  return rows.map((r) => r.enterprise_id);
}

async function countByGram(db: Kysely<Database>, needle: string, cap: number): Promise<number> {
  const result = await sql<{ n: number }>`select count(*) as n from (select 1 from enterprise_grams where gram = ${needle} limit ${cap}) as hits`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export const sqliteCapabilities: Capabilities = {
  name: 'sqlite',
  identity: (column) => column.primaryKey().autoIncrement(),
  forUpdate: (query) => query,
  skipLocked: (query) => query,
  async createSearchIndex(db) {
    // External-content FTS5 table over enterprises.search_text, kept in step by triggers.
    await sql`create virtual table enterprise_search using fts5(search_text, content='enterprises', content_rowid='id', tokenize='trigram')`.execute(db);
    await sql`create trigger enterprises_search_insert after insert on enterprises begin
      insert into enterprise_search(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
    await sql`create trigger enterprises_search_delete after delete on enterprises begin
      insert into enterprise_search(enterprise_search, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(db);
    await sql`create trigger enterprises_search_update after update of search_text on enterprises begin
      insert into enterprise_search(enterprise_search, rowid, search_text) values ('delete', old.id, old.search_text);
      insert into enterprise_search(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
  },
  async searchEnterpriseIds(db, needle, limit, offset) {
    // Trigram FTS cannot match fewer than three characters (stack.md §1): one or two
    // Chinese characters go to the gram index, other short needles scan with LIKE.
    if (isShortHanQuery(needle)) return searchByGram(db, needle, limit, offset);
    if ([...needle].length >= 3) {
      const rows = await sql<{ id: number }>`select rowid as id from enterprise_search where enterprise_search match ${ftsPhrase(needle)} order by rowid limit ${limit} offset ${offset}`.execute(db);
      return rows.rows.map((r) => r.id);
    }
    const rows = await db.selectFrom('enterprises').select('id').where(sql<boolean>`search_text like ${'%' + escapeLike(needle) + '%'} escape '\\'`).orderBy('id').limit(limit).offset(offset).execute();
    return rows.map((r) => r.id);
  },
  async countEnterpriseMatches(db, needle, cap) {
    if (isShortHanQuery(needle)) return countByGram(db, needle, cap);
    const inner = [...needle].length >= 3
      ? sql`select rowid from enterprise_search where enterprise_search match ${ftsPhrase(needle)} limit ${cap}`
      : sql`select id from enterprises where search_text like ${'%' + escapeLike(needle) + '%'} escape '\\' limit ${cap}`;
    const result = await sql<{ n: number }>`select count(*) as n from (${inner}) as hits`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },
  compactKeyTable: (builder) => builder.modifyEnd(sql`without rowid`),
  // AUTOINCREMENT keeps its high-water mark in sqlite_sequence, which explicit ids update.
  resetIdentity: async () => undefined,
};

export const postgresCapabilities: Capabilities = {
  name: 'postgres',
  identity: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
  forUpdate: (query) => query.forUpdate(),
  skipLocked: (query) => query.forUpdate().skipLocked(),
  async createSearchIndex(db) {
    // pg_trgm needs a database with a UTF-8 ctype to index CJK text (stack.md §2).
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index enterprises_search_trgm on enterprises using gin (search_text gin_trgm_ops)`.execute(db);
  },
  async searchEnterpriseIds(db, needle, limit, offset) {
    // pg_trgm cannot use its index for fewer than three characters either.
    if (isShortHanQuery(needle)) return searchByGram(db, needle, limit, offset);
    const rows = await db.selectFrom('enterprises').select('id').where(sql<boolean>`search_text like ${'%' + escapeLike(needle) + '%'}`).orderBy('id').limit(limit).offset(offset).execute();
    return rows.map((r) => r.id);
  },
  async countEnterpriseMatches(db, needle, cap) {
    if (isShortHanQuery(needle)) return countByGram(db, needle, cap);
    const result = await sql<{ n: number }>`select count(*) as n from (select 1 from enterprises where search_text like ${'%' + escapeLike(needle) + '%'} limit ${cap}) as hits`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },
  compactKeyTable: (builder) => builder,
  async resetIdentity(db, table) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  },
};
