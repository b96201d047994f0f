/**
 * The national-size data sets the benchmarks run on, generated on demand (never committed):
 * SQLite files under bench/data/, PostgreSQL schemas `bench_<n>` in the bench database.
 */
import { existsSync, mkdirSync } from 'node:fs';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config/env.ts';
import { generateNational } from './generate.ts';
import { benchPostgresUrl } from './support.ts';

export const SCALES = (process.env.GREENLIST_BENCH_SCALES ?? '50000,500000').split(',').map(Number);

export async function sqliteDataset(enterprises: number): Promise<DatabaseConfig> {
  const directory = new URL('./data/', import.meta.url).pathname;
  mkdirSync(directory, { recursive: true });
  const config: DatabaseConfig = { kind: 'sqlite', path: `${directory}national-${enterprises}.db` };
  if (!existsSync(config.path)) {
    console.log(`  generating ${enterprises.toLocaleString('en')} enterprises on SQLite (once) …`);
    await generateNational({ enterprises, database: config });
  }
  return config;
}

export async function postgresDataset(enterprises: number): Promise<DatabaseConfig | undefined> {
  const url = benchPostgresUrl();
  if (url === undefined) return undefined;
  const schema = `bench_${enterprises}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query('select 1 from information_schema.tables where table_schema = $1 and table_name = $2', [schema, 'enterprises']);
    const complete = exists.rowCount === 1 && (await client.query(`select value from ${schema}.meta where key = 'bench_dataset'`).catch(() => ({ rowCount: 0 }))).rowCount === 1;
    if (!complete) {
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.query(`create schema ${schema}`);
      await client.query('create extension if not exists pg_trgm');
      console.log(`  generating ${enterprises.toLocaleString('en')} enterprises on PostgreSQL (once) …`);
      await generateNational({ enterprises, database: { kind: 'postgres', url, schema } });
      await client.query(`analyze`);
    }
  } finally {
    await client.end();
  }
  return { kind: 'postgres', url, schema };
}
