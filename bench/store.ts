/**
 * The store's insert and lookup rates beside the raw drivers in the same run:
 * Kysely over better-sqlite3 vs better-sqlite3 prepared statements, and Kysely over pg
 * vs pg with a named prepared statement. Inserts run in one transaction. Both sides do
 * the same work: the row (its search text with pinyin, indexed by FTS5 trigram or pg_trgm)
 * and the short-query grams of its Chinese name (migration 0008), one multi-row insert.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openStore, type Store } from '../src/store/store.ts';
import { migrate } from '../src/store/migrate.ts';
import { insertEnterprise, findEnterpriseById } from '../src/store/repositories/enterprises.ts';
import { searchTextOf, shortGramsOf } from '../src/domain/enterprises/search-text.ts';
import { benchPostgresUrl, perSecond, printRows, timed, writeResults, type BenchRow } from './support.ts';

function enterprise(i: number) {
  return { creditCode: `91360400BENCH${String(i).padStart(5, '0')}`, nameZh: `江西测试${i}化工有限公司`, nameEn: `Jiangxi Bench ${i} Chemicals`, industryCode: '2614', provinceCode: '360000', cityCode: '360400', regionCode: '360425', address: '', legalRepresentative: '' };
}

async function storeRates(store: Store, count: number) {
  const insert = await timed(() => store.transaction(async (trx) => {
    for (let i = 0; i < count; i++) await insertEnterprise(trx, enterprise(i));
  }));
  const ids = (await store.db.selectFrom('enterprises').select('id').execute()).map((r) => r.id);
  const lookup = await timed(async () => {
    for (let i = 0; i < count; i++) await findEnterpriseById(store.db, ids[(i * 7919) % ids.length]!);
  });
  return { insert: perSecond(count, insert.ms), lookup: perSecond(count, lookup.ms) };
}

// The baselines write the same rows into the same migrated schema (same indexes, same
// FTS trigger, same pinyin search text), so the difference is the store layer itself.
const RAW_INSERT = 'insert into enterprises (credit_code, name_zh, name_en, industry_code, province_code, city_code, region_code, address, legal_representative, search_text, is_demo, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)';
const RAW_SELECT = 'select * from enterprises where id = ?';
/** The grams insert for a name with `count` grams: `(?, ?), (?, ?), …`. */
const rawGramsInsert = (count: number) => `insert into enterprise_grams (gram, enterprise_id) values ${Array.from({ length: count }, () => '(?, ?)').join(', ')}`;
const rawGramValues = (i: number, id: number | bigint) => shortGramsOf(enterprise(i).nameZh).flatMap((gram) => [gram, id]);

function rawValues(i: number): unknown[] {
  const e = enterprise(i);
  const at = new Date().toISOString();
  return [e.creditCode, e.nameZh, e.nameEn, e.industryCode, e.provinceCode, e.cityCode, e.regionCode, e.address, e.legalRepresentative, searchTextOf(e), at, at];
}

function numbered(statement: string): string {
  let n = 0;
  return statement.replace(/\?/g, () => `$${++n}`);
}

async function rawSqlite(path: string, count: number) {
  const store = openStore({ kind: 'sqlite', path });
  await migrate(store);
  await store.close();
  const db = new SqliteDatabase(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insertStatement = db.prepare(RAW_INSERT);
  const gramStatements = new Map<number, SqliteDatabase.Statement>();
  const start = process.hrtime.bigint();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = insertStatement.run(...rawValues(i)).lastInsertRowid;
      const values = rawGramValues(i, id);
      let grams = gramStatements.get(values.length);
      if (grams === undefined) gramStatements.set(values.length, (grams = db.prepare(rawGramsInsert(values.length / 2))));
      grams.run(...values);
    }
  })();
  const insertMs = Number(process.hrtime.bigint() - start) / 1e6;
  const select = db.prepare(RAW_SELECT);
  const lookupStart = process.hrtime.bigint();
  for (let i = 0; i < count; i++) select.get(((i * 7919) % count) + 1);
  const lookupMs = Number(process.hrtime.bigint() - lookupStart) / 1e6;
  db.close();
  return { insert: perSecond(count, insertMs), lookup: perSecond(count, lookupMs) };
}

async function rawPostgres(url: string, schema: string, count: number) {
  const store = openStore({ kind: 'postgres', url, schema });
  await migrate(store);
  await store.close();
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
  await client.connect();
  const start = process.hrtime.bigint();
  await client.query('begin');
  for (let i = 0; i < count; i++) {
    const { rows } = await client.query<{ id: number }>({ name: 'raw-insert', text: numbered(RAW_INSERT) + ' returning id', values: rawValues(i) });
    const values = rawGramValues(i, rows[0]!.id);
    await client.query({ name: `raw-grams-${values.length}`, text: numbered(rawGramsInsert(values.length / 2)), values });
  }
  await client.query('commit');
  const insertMs = Number(process.hrtime.bigint() - start) / 1e6;
  const lookupStart = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await client.query({ name: 'raw-select', text: numbered(RAW_SELECT), values: [((i * 7919) % count) + 1] });
  const lookupMs = Number(process.hrtime.bigint() - lookupStart) / 1e6;
  await client.end();
  return { insert: perSecond(count, insertMs), lookup: perSecond(count, lookupMs) };
}

export async function run(options: { count?: number } = {}): Promise<BenchRow[]> {
  const count = options.count ?? 20_000;
  const rows: BenchRow[] = [];
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-bench-'));
  try {
    const raw = await rawSqlite(join(directory, 'raw.db'), count);
    const store = openStore({ kind: 'sqlite', path: join(directory, 'store.db') });
    await migrate(store);
    const ours = await storeRates(store, count);
    await store.close();
    rows.push({ name: 'store insert, sqlite', value: ours.insert, unit: 'rows/s', baseline: { name: 'raw better-sqlite3', value: raw.insert }, note: 'both write the row with its pinyin search text (FTS5 trigram index) and its short-query grams' });
    rows.push({ name: 'store lookup by id, sqlite', value: ours.lookup, unit: 'rows/s', baseline: { name: 'raw better-sqlite3', value: raw.lookup } });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  const url = benchPostgresUrl();
  if (url === undefined) {
    rows.push({ name: 'store on postgres', value: 0, unit: '', note: 'skipped: set GREENLIST_BENCH_PG_URL or GREENLIST_TEST_PG_URL' });
    return rows;
  }
  const schema = 'bench_' + randomBytes(4).toString('hex');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.query(`create schema ${schema}_raw`);
  try {
    const raw = await rawPostgres(url, `${schema}_raw`, count);
    const store = openStore({ kind: 'postgres', url, schema });
    await migrate(store);
    const ours = await storeRates(store, count);
    await store.close();
    rows.push({ name: 'store insert, postgres', value: ours.insert, unit: 'rows/s', baseline: { name: 'raw pg (prepared)', value: raw.insert }, note: 'both write the row (pg_trgm GIN index) and its short-query grams' });
    rows.push({ name: 'store lookup by id, postgres', value: ours.lookup, unit: 'rows/s', baseline: { name: 'raw pg (prepared)', value: raw.lookup } });
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.query(`drop schema ${schema}_raw cascade`);
    await admin.end();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run({ count: Number(process.argv[2] ?? 20_000) });
  printRows(rows);
  console.log(writeResults('store', rows));
}
