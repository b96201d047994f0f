/**
 * Importing 500,000 dynamic-report rows from one CSV (design.md quality bar: ≥ 50,000
 * rows/s streaming, RSS < 500 MB), on SQLite and on PostgreSQL.
 *
 * Data set (setup, not timed): 100,000 listed enterprises, each with one factory and one
 * national list entry, and an open report for each of 2021–2025 — 500,000 open reports
 * (bench/generator/open-reports.ts; the national lists hold ~60,000 entries, so a
 * national-size set gets its 500,000 from several years per entry). The CSV has one row
 * per report, 23 columns.
 *
 * Timed: `greenlist import file.csv` run as a terminal would, in its own process — the
 * CLI reports its seconds (from recording the import to its commit) and the process's
 * peak RSS. Then the same file again (every report unchanged). Beside them, measured in
 * the same run: csv-parse alone reading the same file, and one audit event per report
 * (why large imports write one event per import, not per report).
 *
 * `GREENLIST_BENCH_IMPORT_ROWS=100000 npm run bench -- import` for a quicker run.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config/env.ts';
import { migrate } from '../src/store/migrate.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { appendAuditEvent } from '../src/store/repositories/audit-events.ts';
import { Progress } from '../src/cli/progress-bar.ts';
import { seedOpenReportSet, writeOpenReportCsv } from './generator/open-reports.ts';
import { benchPostgresUrl, perSecond, printRows, timed, writeResults, type BenchRow } from './support.ts';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const BAR_ROWS_PER_SECOND = 50_000;
const BAR_RSS_MB = 500;
const bin = new URL('../bin/greenlist.js', import.meta.url).pathname;

interface CliResult {
  status: string;
  seconds: number;
  rowsPerSecond: number;
  maxRssMb: number;
  result: { filed: number; amended: number; unchanged: number } | null;
}

function databaseUrl(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? `sqlite:${config.path}` : `${config.url}${config.url.includes('?') ? '&' : '?'}schema=${config.schema}`;
}

function runCli(config: DatabaseConfig, file: string, dataDirectory: string): CliResult {
  const child = spawnSync(process.execPath, [bin, 'import', file, '--json', '--as-of=2026-04-01'], {
    env: { ...process.env, DATABASE_URL: databaseUrl(config), GREENLIST_DATA_DIR: dataDirectory, GREENLIST_SECRET: 'bench-secret-bench-secret-0123456789abc', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`greenlist import exited ${child.status}: ${child.stderr.slice(-2000)}`);
  return JSON.parse(child.stdout) as CliResult;
}

/** Peak RSS of a process that has loaded the CLI's command table and done nothing else. */
function cliBaselineRssMb(): number {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "await import('./src/cli/commands/index.ts'); console.log(process.resourceUsage().maxRSS)"], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' });
  return Math.round(Number(child.stdout.trim()) / 1024);
}

/** csv-parse alone over the same file: the floor of any streaming CSV import here. */
async function csvParseAlone(file: string): Promise<number> {
  let rows = 0;
  const { ms } = await timed(async () => {
    for await (const _record of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ bom: true, relax_column_count: true }))) rows++;
  });
  return perSecond(rows - 1, ms);
}

/** Microseconds per audit event appended in one transaction (hash chain per enterprise stream). */
async function auditEventCost(store: Store, events: number): Promise<number> {
  let ms = 0;
  await store
    .transaction(async (trx) => {
      ({ ms } = await timed(async () => {
        for (let i = 0; i < events; i++) await appendAuditEvent(trx, store.capabilities, { actorUserId: null, actorLabel: 'bench', action: 'dynamic-report.filed', subjectType: 'dynamic-report', subjectId: i + 1, enterpriseId: i + 1, data: { year: 2025, late: false, importId: 1 } });
      }));
      throw new Error('rolled back on purpose');
    })
    .catch(() => undefined);
  return Math.round((ms * 1000) / events);
}

async function measure(config: DatabaseConfig, label: string, file: string, rows: number, directory: string): Promise<BenchRow[]> {
  const store = openStore(config);
  try {
    await migrate(store);
    const progress = new Progress(false);
    progress.start(`open reports (${label})`, rows / YEARS.length);
    await seedOpenReportSet(store, { enterprises: rows / YEARS.length, years: YEARS, onProgress: (done) => progress.update(done) });
    progress.done();
    const audit = await auditEventCost(store, 2000);
    await store.close();
    const baseline = await csvParseAlone(file);
    const first = runCli(config, file, directory);
    if (first.status !== 'done' || first.result?.filed !== rows) throw new Error(`bench: import ended ${first.status} with ${JSON.stringify(first.result)}`);
    const again = runCli(config, file, directory);
    if (again.result?.unchanged !== rows) throw new Error(`bench: re-import changed ${JSON.stringify(again.result)}`);
    const perRow = Math.round(1e6 / first.rowsPerSecond);
    const idle = cliBaselineRssMb();
    return [
      { name: `import ${rows.toLocaleString('en')} rows (${label})`, value: first.rowsPerSecond, unit: 'rows/s', baseline: { name: 'csv-parse alone, same file', value: baseline }, bar: `≥ ${BAR_ROWS_PER_SECOND.toLocaleString('en')} rows/s`, pass: first.rowsPerSecond >= BAR_ROWS_PER_SECOND, note: `${first.seconds.toFixed(1)} s, one transaction, ${perRow} µs a row` },
      { name: `peak RSS of that import (${label})`, value: first.maxRssMb, unit: 'MB', bar: `< ${BAR_RSS_MB} MB`, pass: first.maxRssMb < BAR_RSS_MB, baseline: { name: 'the CLI process with its commands loaded, before any work', value: idle }, note: `the import's own share: ${first.maxRssMb - idle} MB` },
      { name: `same file again, all unchanged (${label})`, value: again.rowsPerSecond, unit: 'rows/s', note: `${again.seconds.toFixed(1)} s, peak RSS ${again.maxRssMb} MB` },
      { name: `one audit event per report (${label})`, value: audit, unit: 'µs/event', note: `vs ${perRow} µs a whole imported row: large imports write one event per import (PER_REPORT_AUDIT_LIMIT)` },
    ];
  } finally {
    await store.close().catch(() => undefined);
  }
}

export async function run(options: { rows?: number } = {}): Promise<BenchRow[]> {
  const rows = options.rows ?? Number(process.env.GREENLIST_BENCH_IMPORT_ROWS ?? 500_000);
  if (!Number.isInteger(rows / YEARS.length) || rows < YEARS.length) throw new Error(`rows must be a multiple of ${YEARS.length}`);
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-bench-import-'));
  const result: BenchRow[] = [];
  try {
    const file = join(directory, 'dynamic-reports.csv');
    await writeOpenReportCsv(file, { enterprises: rows / YEARS.length, years: YEARS });
    console.log(`  ${file}: ${rows.toLocaleString('en')} rows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB`);
    result.push(...(await measure({ kind: 'sqlite', path: join(directory, 'bench.db') }, 'sqlite', file, rows, directory)));
    const pgUrl = benchPostgresUrl();
    if (pgUrl !== undefined) {
      const schema = `bench_import_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      try {
        result.push(...(await measure({ kind: 'postgres', url: pgUrl, schema }, 'postgres', file, rows, directory)));
      } finally {
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await run();
  printRows(rows);
  console.log(`results: ${writeResults('import', rows)}`);
}
