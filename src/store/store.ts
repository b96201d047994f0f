/**
 * Opens the one store over either database: Kysely on better-sqlite3 (embedded, WAL) or
 * on a `pg` pool. Everything above receives a `Store` and never knows which it got,
 * except through `store.capabilities`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, type Driver, type Transaction } from 'kysely';
import { ScopedPostgresDialect } from './kysely/schema-scoped-introspector.ts';
import pg from 'pg';
import type { DatabaseConfig } from '../config/env.ts';
import type { Database } from './schema.ts';
import { postgresCapabilities, sqliteCapabilities, type Capabilities } from './kysely/capabilities.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the whole database or a transaction: repositories accept both. */
export type Executor = Kysely<Database>;

export interface Store {
  readonly db: Db;
  readonly capabilities: Capabilities;
  readonly config: DatabaseConfig;
  transaction<T>(work: (trx: Tx) => Promise<T>): Promise<T>;
  /** Called after every transaction of this store commits (cache invalidation in this process). */
  onCommit(listener: () => void): void;
  /** SQLite only: the raw handle for online backup and pragmas. */
  readonly sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

// pg returns bigint (count(*), identity ids) as strings by default; every value we store
// fits a JavaScript number, so parse them as numbers on both databases alike.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/**
 * better-sqlite3 compiles a statement on every `prepare`; Kysely prepares each query
 * it runs. Caching the compiled statements by SQL text makes repeated queries skip the
 * SQLite parser (measured in bench/store.ts).
 */
function withStatementCache(database: SqliteDatabase.Database, size = 500): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = database.prepare.bind(database);
  const cached = Object.create(database) as SqliteDatabase.Database;
  cached.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement === undefined) {
      statement = prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      cache.set(source, statement);
    }
    return statement;
  }) as SqliteDatabase.Database['prepare'];
  cached.close = () => {
    cache.clear();
    return database.close();
  };
  return cached;
}

export interface StoreOptions {
  /** Called with the SQL text of every query run (diagnostics and tests; off by default). */
  logQuery?: (sql: string) => void;
}

function kyselyLog(options: StoreOptions) {
  const logQuery = options.logQuery;
  return logQuery === undefined ? {} : { log: (event: { level: string; query: { sql: string } }) => logQuery(event.query.sql) };
}

/** A transaction runner that tells its listeners when a transaction has committed. */
function committing(db: Db): Pick<Store, 'transaction' | 'onCommit'> {
  const listeners: (() => void)[] = [];
  return {
    async transaction(work) {
      const result = await db.transaction().execute(work);
      for (const listener of listeners) listener();
      return result;
    },
    onCommit: (listener) => void listeners.push(listener),
  };
}

/**
 * SQLite transactions begin IMMEDIATE: they take the database's write lock at BEGIN
 * (waiting up to busy_timeout) instead of at their first write. With several processes
 * on one file, a deferred transaction that read and then wrote would fail with
 * SQLITE_BUSY_SNAPSHOT whenever another process committed in between — busy_timeout
 * cannot help it. Within one process Kysely already runs one transaction at a time on
 * the one connection, so this costs nothing there.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => void (await connection.executeQuery(CompiledQuery.raw('begin immediate')));
    return driver;
  }
}

function openSqlite(config: Extract<DatabaseConfig, { kind: 'sqlite' }>, options: StoreOptions): Store {
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  const database = new SqliteDatabase(config.path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }), ...kyselyLog(options) });
  return {
    db,
    capabilities: sqliteCapabilities,
    config,
    sqlite: database,
    ...committing(db),
    close: () => db.destroy(),
  };
}

function openPostgres(config: Extract<DatabaseConfig, { kind: 'postgres' }>, options: StoreOptions): Store {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema === undefined ? {} : { options: `-c search_path=${config.schema},public` }),
  });
  const db = new Kysely<Database>({ dialect: new ScopedPostgresDialect({ pool }), ...kyselyLog(options) });
  return {
    db,
    capabilities: postgresCapabilities,
    config,
    ...committing(db),
    close: () => db.destroy(),
  };
}

export function openStore(config: DatabaseConfig, options: StoreOptions = {}): Store {
  return config.kind === 'sqlite' ? openSqlite(config, options) : openPostgres(config, options);
}

/** SQLite's write lock stayed with another process for longer than busy_timeout. */
export function isDatabaseBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');
}

/**
 * Runs `work` again while another process holds SQLite's write lock, for up to
 * `timeoutMs`: for boot steps (migrations, framework sync, the demo seed) that several
 * processes starting at once on one file take turns at, however long one of them takes.
 */
export async function retryWhileBusy<T>(work: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseBusy(error) || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Current time as stored: ISO-8601 UTC text. */
export function now(): string {
  return new Date().toISOString();
}

/** Parses a JSON text column (documents are stored as text on both databases). */
export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
