/**
 * Fresh, migrated stores for tests, one per database: SQLite always (a temporary file),
 * PostgreSQL when GREENLIST_TEST_PG_URL is set (a schema of its own, dropped at close).
 * Store tests loop over DIALECTS, so the same assertions run on both databases.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { migrate } from '../../src/store/migrate.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import type { DialectName } from '../../src/store/kysely/capabilities.ts';
import type { DatabaseConfig } from '../../src/config/env.ts';

export interface TestStore extends Store {
  /** Closes the store and removes its database (file or schema). */
  dispose(): Promise<void>;
}

export interface TestDialect {
  name: DialectName;
  /** A reason to skip, when this database is not available here. */
  skip: string | false;
  /** A database config for a fresh, empty database (not yet migrated). */
  freshConfig(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }>;
  /** A fresh, migrated store. */
  open(): Promise<TestStore>;
}

const pgUrl = process.env.GREENLIST_TEST_PG_URL;

/** GREENLIST_SQL_LOG=<file>: every query's SQL text is appended to the file (test/scale/distribution.test.ts reads it). */
function queryLogOptions() {
  const file = process.env.GREENLIST_SQL_LOG;
  return file === undefined ? {} : { logQuery: (text: string) => appendFileSync(file, text.replace(/\s+/g, ' ') + '\n') };
}

async function pgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function dialect(name: DialectName, skip: string | false, freshConfig: TestDialect['freshConfig']): TestDialect {
  return {
    name,
    skip,
    freshConfig,
    async open() {
      const { config, drop } = await freshConfig();
      const store = openStore(config, queryLogOptions());
      await migrate(store);
      return Object.assign(store, {
        async dispose() {
          await store.close();
          await drop();
        },
      });
    },
  };
}

export const SQLITE = dialect('sqlite', false, async () => {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-test-'));
  return { config: { kind: 'sqlite', path: join(directory, 'test.db') }, drop: async () => rmSync(directory, { recursive: true, force: true }) };
});

export const POSTGRES = dialect('postgres', pgUrl ? false : 'GREENLIST_TEST_PG_URL is not set', async () => {
  const schema = 't_' + randomBytes(6).toString('hex');
  await pgAdmin(async (client) => {
    // .ci/run creates the extension once; racing test processes may both try here.
    await client.query('create extension if not exists pg_trgm').catch(() => undefined);
    await client.query(`create schema ${schema}`);
  });
  return {
    config: { kind: 'postgres', url: pgUrl!, schema },
    drop: () => pgAdmin(async (client) => void (await client.query(`drop schema if exists ${schema} cascade`))),
  };
});

export const DIALECTS: readonly TestDialect[] = [SQLITE, POSTGRES];

/** Runs `work` against a fresh store and always disposes of it. */
export async function withTestStore<T>(dialectToUse: TestDialect, work: (store: TestStore) => Promise<T>): Promise<T> {
  const store = await dialectToUse.open();
  try {
    return await work(store);
  } finally {
    await store.dispose();
  }
}

export { sql };
