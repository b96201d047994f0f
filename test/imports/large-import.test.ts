/**
 * A file of many batches (30,000 rows, 4 MB, parsed in a worker) on both databases: every
 * report filed in one import, each document the very text the parser gives for its row
 * alone; a late error rolls back the reports already written; and
 * `greenlist import` from a terminal, its exit codes and its report of a bad file.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCommand } from '../../src/cli/commands/import.ts';
import { parseArguments } from '../../src/cli/arguments.ts';
import { writeAnnualDataTemplate } from '../../src/output/sheets/annual-data-template.ts';
import { seedOpenReportSet, writeOpenReportCsv, OPEN_REPORT_CSV_HEADER, openReportCsvLine } from '../../bench/generator/open-reports.ts';
import { BATCH_ROWS, parseDynamicReportRows, documentJson } from '../../src/commands/imports/parse-dynamic-report-rows.ts';
import { DIALECTS, SQLITE, withTestStore } from '../support/stores.ts';
import { importFile, tempFolder } from './import-fixtures.ts';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const bin = new URL('../../bin/greenlist.js', import.meta.url).pathname;

for (const dialect of DIALECTS) {
  describe(`a large import on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('30,000 rows in one import file 30,000 reports, each with the document its row gives alone', async () => {
      await withTestStore(dialect, async (store) => {
        const folder = tempFolder();
        try {
          await seedOpenReportSet(store, { enterprises: 6000, years: YEARS });
          const file = join(folder.path, 'large.csv');
          const written = await writeOpenReportCsv(file, { enterprises: 6000, years: YEARS });
          assert.equal(written.rows, 30_000);
          assert.ok(written.rows > 10 * BATCH_ROWS, 'many batches');
          const result = await importFile(store, { kind: 'system', label: 'test' }, file, { today: '2026-04-01', folder: folder.path });
          assert.deepEqual([result.status, result.rows_total, result.reports_filed, result.reports_unchanged], ['done', 30_000, 30_000, 0]);
          assert.equal(result.sha256?.length, 64);

          // Enterprise 4 (九江, central grid), 2023, read on its own.
          const sample = folder.csv('one.csv', [OPEN_REPORT_CSV_HEADER, openReportCsvLine(4, 2023).trimEnd()]);
          const rows = parseDynamicReportRows(sample, 'csv');
          const parsed = (await rows.next()).value as { parsed: { tail: Uint8Array }[] };
          const stored = await store.db.selectFrom('dynamic_reports').select(['document', 'status']).where('enterprise_id', '=', 5).where('year', '=', 2023).executeTakeFirstOrThrow();
          assert.equal(stored.document, documentJson(2023, 'central', parsed.parsed[0]!.tail));
          assert.equal(stored.status, 'filed_late', '2023 reports were due 2024-04-15');

          // Past 1,000 reports the writer counts changes instead of returning them: 1,200 enterprises × 5 years
          // with every figure changed are amended, then the same file again is unchanged.
          const changedFile = join(folder.path, 'changed.csv');
          await writeOpenReportCsv(changedFile, { enterprises: 1200, years: YEARS, variant: 1 });
          const amended = await importFile(store, { kind: 'system', label: 'test' }, changedFile, { today: '2026-04-02', folder: folder.path });
          assert.deepEqual([amended.reports_filed, amended.reports_amended, amended.reports_unchanged], [0, 6000, 0]);
          const again = await importFile(store, { kind: 'system', label: 'test' }, changedFile, { today: '2026-04-03', folder: folder.path });
          assert.deepEqual([again.reports_filed, again.reports_amended, again.reports_unchanged], [0, 0, 6000]);
          const perReport = await store.db.selectFrom('audit_events').select('id').where('action', 'in', ['dynamic-report.filed', 'dynamic-report.amended']).execute();
          assert.equal(perReport.length, 0, 'files of more than 1,000 reports are audited once, per import');
        } finally {
          folder.remove();
        }
      });
    });

    test('an error after 9,000 clean rows rolls back the reports already written', async () => {
      await withTestStore(dialect, async (store) => {
        const folder = tempFolder();
        try {
          await seedOpenReportSet(store, { enterprises: 2000, years: YEARS });
          const lines = [OPEN_REPORT_CSV_HEADER, ...Array.from({ length: 10_000 }, (_, i) => openReportCsvLine(Math.floor(i / YEARS.length), YEARS[i % YEARS.length]!).trimEnd())];
          lines[9001] = lines[9001]!.replace(',t,', ',furlong,');
          const file = folder.csv('late-error.csv', lines);
          const result = await importFile(store, { kind: 'system', label: 'test' }, file, { today: '2026-04-01', folder: folder.path });
          assert.deepEqual([result.status, result.error_count], ['failed', 1]);
          const written = await store.db.selectFrom('dynamic_reports').select('id').where('document', 'is not', null).execute();
          assert.equal(written.length, 0, 'nothing of the file is stored');
        } finally {
          folder.remove();
        }
      });
    });
  });
}

describe('greenlist import from a terminal', () => {
  test('imports with exit 0 and JSON on request; a bad file exits 2 and lists its errors on stderr', async () => {
    const { config, drop } = await SQLITE.freshConfig();
    const folder = tempFolder();
    try {
      const environment = { ...process.env, DATABASE_URL: `sqlite:${config.kind === 'sqlite' ? config.path : ''}`, GREENLIST_DATA_DIR: folder.path, GREENLIST_SECRET: 'test-secret-test-secret-test-secret-0123', LOG_LEVEL: 'silent' };
      const { openStore } = await import('../../src/store/store.ts');
      const { migrate } = await import('../../src/store/migrate.ts');
      const store = openStore(config);
      await migrate(store);
      await seedOpenReportSet(store, { enterprises: 20, years: [2025] });
      await store.close();
      const file = join(folder.path, 'reports.csv');
      await writeOpenReportCsv(file, { enterprises: 20, years: [2025] });

      const good = spawnSync(process.execPath, [bin, 'import', file, '--json', '--as-of=2026-04-01'], { env: environment, encoding: 'utf8' });
      assert.equal(good.status, 0, good.stderr);
      const view = JSON.parse(good.stdout) as { status: string; result: { filed: number }; progress: { rowsTotal: number } };
      assert.deepEqual([view.status, view.result.filed, view.progress.rowsTotal], ['done', 20, 20]);

      const bad = folder.csv('bad.csv', ['credit_code,year,electricity_kwh', `${'9'.repeat(18)},2025,1`]);
      const refused = spawnSync(process.execPath, [bin, 'import', bad], { env: environment, encoding: 'utf8' });
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /nothing was applied; 1 problem\(s\)/);
      assert.match(refused.stderr, /row 2, credit_code: /);

      const notAReport = folder.csv('other.csv', ['tag,value', 'a,1']);
      const unknown = spawnSync(process.execPath, [bin, 'import', notAReport], { env: environment, encoding: 'utf8' });
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /neither a dynamic-report file .* nor an annual-data workbook/);
    } finally {
      folder.remove();
      await drop();
    }
  });
});

describe('greenlist import of an annual-data workbook', () => {
  test('is handed to the workspace’s workbook importer, which prints the AnnualData', async () => {
    const folder = tempFolder();
    const printed: string[] = [];
    const log = console.log;
    try {
      const workbook = join(folder.path, 'annual-data.xlsx');
      writeFileSync(workbook, await writeAnnualDataTemplate({ year: 2025, data: { year: 2025, gridRegion: 'central', energy: [{ carrier: 'coke', quantity: 12, unit: 't' }] } }));
      console.log = (text: string) => void printed.push(text);
      assert.equal(await importCommand.run(parseArguments([workbook, '--quiet'])), 0);
      assert.deepEqual(JSON.parse(printed.at(-1)!), { year: 2025, gridRegion: 'central', energy: [{ carrier: 'coke', quantity: 12, unit: 't' }] });
    } finally {
      console.log = log;
      folder.remove();
    }
  });
});
