/**
 * Importing dynamic-report files on both databases, over the demo data (loaded as of
 * 2026-11-30, the 2026 national reports opened, due 2027-04-15): a clean file files every
 * report in one import and the same file again changes nothing; late filings cancel the
 * removals their overdue reports had queued; a file with errors stores nothing and names
 * each error; every row is authorized; the template round-trips.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../src/domain/errors.ts';
import { composeCreditCode } from '../../src/domain/credit-code/make-credit-code.ts';
import { openDynamicReports } from '../../src/commands/dynamic-reports/open-dynamic-reports.ts';
import { dynamicReportTemplate } from '../../src/commands/imports/dynamic-report-template.ts';
import { createImport } from '../../src/commands/imports/create-import.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { DIALECTS, SYSTEM, withDemo, type Demo } from '../pipeline/pipeline-support.ts';
import { importFile, reportsOf, tempFolder, type Folder, type OpenReport } from './import-fixtures.ts';
import type { TestDialect } from '../support/stores.ts';

const HEADER = 'credit_code,year,list_entry_id,electricity_kwh,product_name,output_quantity,output_unit';
const line = (r: OpenReport, year: number, k: number) => `${r.creditCode},${year},${r.entryId},${1_000_000 + k},有机硅单体,${5000 + k},t`;

async function open2026(demo: Demo): Promise<OpenReport[]> {
  await openDynamicReports(demo.store, SYSTEM, { authorityId: demo.authorities.national, year: 2026 });
  return reportsOf(demo.store, 2026, demo.authorities.national);
}

/** The demo (withDemo) and a temporary folder for the files, removed afterwards. */
function withDemoAndFolder(dialect: TestDialect, work: (demo: Demo, folder: Folder) => Promise<void>): Promise<void> {
  return withDemo(dialect, async (demo) => {
    const folder = tempFolder();
    try {
      await work(demo, folder);
    } finally {
      folder.remove();
    }
  });
}

const countWhere = async (demo: Demo, table: 'dynamic_reports' | 'audit_events', column: 'status' | 'action', value: string) =>
  Number((await demo.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', value).executeTakeFirstOrThrow()).n);

for (const dialect of DIALECTS) {
  describe(`dynamic-report import on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a clean file files every open report in one import; the same file again changes nothing; one changed figure amends one report', async () => {
      await withDemoAndFolder(dialect, async (demo, folder) => {
        const reports = await open2026(demo);
        const national = await demo.as('national@demo');
        const file = folder.csv('2026.csv', [HEADER, ...reports.map((r, k) => line(r, 2026, k))]);
        const before = await demo.store.db.selectFrom('dynamic_reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

        const first = await importFile(demo.store, national, file, { today: '2027-04-01' });
        assert.equal(first.status, 'done');
        assert.deepEqual([first.rows_total, first.reports_filed, first.reports_amended, first.reports_unchanged, first.error_count], [reports.length, reports.length, 0, 0, 0]);
        assert.match(first.sha256!, /^[0-9a-f]{64}$/);
        const plant = reports.findIndex((r) => r.enterpriseId === demo.plantId);
        const stored = await demo.store.db.selectFrom('dynamic_reports').select(['status', 'document', 'import_id', 'filed_at']).where('id', '=', reports[plant]!.reportId).executeTakeFirstOrThrow();
        // The plant is in 九江, on the central China grid; figures as in its row, nothing else.
        assert.deepEqual(JSON.parse(stored.document!), { year: 2026, gridRegion: 'central', energy: [{ carrier: 'electricity', quantity: 1_000_000 + plant, unit: 'kWh' }], output: { products: [{ name: '有机硅单体', quantity: 5000 + plant, unit: 't' }] } });
        assert.deepEqual([stored.status, stored.import_id], ['filed', first.id], 'filed before the 2027-04-15 deadline');
        assert.equal(await countWhere(demo, 'audit_events', 'action', 'import.applied'), 1);
        const perReport = await demo.store.db.selectFrom('audit_events').select('data').where('action', '=', 'dynamic-report.filed').where('data', 'like', `%"importId":${first.id}%`).execute();
        assert.equal(perReport.length, reports.length, 'a small import writes one event per report into its enterprise’s chain');

        const again = await importFile(demo.store, national, file, { today: '2027-04-02' });
        assert.deepEqual([again.status, again.reports_filed, again.reports_amended, again.reports_unchanged], ['done', 0, 0, reports.length]);
        const after = await demo.store.db.selectFrom('dynamic_reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        assert.equal(Number(after.n), Number(before.n), 'no report created, none duplicated');
        assert.equal((await demo.store.db.selectFrom('dynamic_reports').select('import_id').where('id', '=', reports[plant]!.reportId).executeTakeFirstOrThrow()).import_id, first.id, 'unchanged reports keep the import that filed them');

        const edited = folder.csv('2026-edited.csv', [HEADER, ...reports.map((r, k) => line(r, 2026, k === plant ? k + 1 : k))]);
        const amended = await importFile(demo.store, national, edited, { today: '2027-05-01' });
        assert.deepEqual([amended.reports_filed, amended.reports_amended, amended.reports_unchanged], [0, 1, reports.length - 1]);
        const plantAfter = await demo.store.db.selectFrom('dynamic_reports').select(['status', 'filed_at', 'import_id']).where('id', '=', reports[plant]!.reportId).executeTakeFirstOrThrow();
        assert.deepEqual([plantAfter.status, plantAfter.filed_at, plantAfter.import_id], ['filed', stored.filed_at, amended.id], 'an amendment keeps the first filing (on time) and names the new import');
        assert.equal(await countWhere(demo, 'audit_events', 'action', 'dynamic-report.amended'), 1);
        assert.equal((await verifyAuditChain(demo.store)).ok, true);
      });
    });

    test('overdue 2025 reports filed late become filed_late and cancel the removals they had queued', async () => {
      await withDemoAndFolder(dialect, async (demo, folder) => {
        const reports = await reportsOf(demo.store, 2025, demo.authorities.national);
        const overdue = reports.filter((r) => r.status === 'overdue');
        assert.ok(overdue.length >= 5, `the demo leaves every sixth 2025 report unfiled (${overdue.length})`);
        const queued = await demo.store.db.selectFrom('entry_changes').select(['id', 'list_entry_id']).where('reason_code', '=', 'unfiled_dynamic_report').where('status', '=', 'approved').execute();
        assert.equal(queued.length, overdue.length);
        const result = await importFile(demo.store, await demo.as('national@demo'), folder.csv('late.csv', [HEADER, ...overdue.map((r, k) => line(r, 2025, k))]), { today: '2026-11-30' });
        assert.deepEqual([result.status, result.reports_filed], ['done', overdue.length]);
        for (const r of overdue) assert.equal((await demo.store.db.selectFrom('dynamic_reports').select('status').where('id', '=', r.reportId).executeTakeFirstOrThrow()).status, 'filed_late', 'after the 2026-04-15 deadline');
        const cancelled = await demo.store.db.selectFrom('entry_changes').select('status').where('id', 'in', queued.map((q) => q.id)).execute();
        assert.deepEqual(cancelled.map((c) => c.status), queued.map(() => 'cancelled'));
        const applied = await demo.store.db.selectFrom('audit_events').select('data').where('action', '=', 'import.applied').executeTakeFirstOrThrow();
        const summary = JSON.parse(applied.data) as { filed: number; late: number; cancelledRemovals: number };
        assert.deepEqual([summary.filed, summary.late, summary.cancelledRemovals], [overdue.length, overdue.length, overdue.length]);
      });
    });

    test('a file with errors stores nothing and names each error by row and column', async () => {
      await withDemoAndFolder(dialect, async (demo, folder) => {
        const reports = await open2026(demo);
        const plant = reports.find((r) => r.enterpriseId === demo.plantId)!;
        const unlisted = await demo.store.db.selectFrom('enterprises as n').select('n.credit_code').where((eb) => eb.not(eb.exists(eb.selectFrom('list_entries as e').select('e.id').whereRef('e.enterprise_id', '=', 'n.id')))).orderBy('n.id').executeTakeFirstOrThrow();
        const unknown = composeCreditCode({ regionCode: '360400', organizationBody: 'MA000001' });
        const lines = [
          'credit_code,year,electricity_kwh',
          `${unknown},2026,10`, // row 2: no such enterprise
          `${plant.creditCode.slice(0, 17)}0,2026,10`, // row 3: wrong check character
          `${unlisted.credit_code},2026,10`, // row 4: on no list
          `${plant.creditCode},2030,10`, // row 5: no report open for 2030
          `${plant.creditCode},2026,10`, // row 6: fine
          `${plant.creditCode},2026,11`, // row 7: the same report again
          `${reports[1]!.creditCode},2026,x`, // row 8: not a number
        ];
        const result = await importFile(demo.store, await demo.as('national@demo'), folder.csv('bad.csv', lines), { today: '2027-04-01' });
        assert.equal(result.status, 'failed');
        assert.equal(result.error_count, 6);
        const errors = JSON.parse(result.errors) as { row: number; column: string; reason: string }[];
        assert.deepEqual(errors.map((e) => [e.row, e.column]), [[2, 'credit_code'], [3, 'credit_code'], [4, 'credit_code'], [5, 'year'], [7, 'credit_code'], [8, 'electricity_kwh']]);
        assert.match(errors[0]!.reason, /no enterprise with credit code/);
        assert.match(errors[1]!.reason, /wrong check character/);
        assert.match(errors[2]!.reason, /on no current list \/ 该企业不在现行名单中/);
        assert.match(errors[3]!.reason, /no dynamic report is open for 2030/);
        assert.match(errors[4]!.reason, /files the same 2026 report as row 6/);
        assert.equal(await countWhere(demo, 'dynamic_reports', 'status', 'due'), reports.length, 'row 6 was not stored either');
        assert.equal(await countWhere(demo, 'audit_events', 'action', 'import.rejected'), 1);
        assert.equal(await countWhere(demo, 'audit_events', 'action', 'import.applied'), 0);
      });
    });

    test('every row is authorized: a province files its province, an enterprise itself, a city sends nothing', async () => {
      await withDemoAndFolder(dialect, async (demo, folder) => {
        const reports = await open2026(demo);
        const jiangxi = reports.find((r) => r.provinceCode === '360000' && r.enterpriseId !== demo.plantId)!;
        const hubei = reports.find((r) => r.provinceCode === '420000')!;
        const plant = reports.find((r) => r.enterpriseId === demo.plantId)!;
        const province = await demo.as('province@demo');
        const mixed = await importFile(demo.store, province, folder.csv('mixed.csv', [HEADER, line(jiangxi, 2026, 1), line(hubei, 2026, 2)]));
        assert.deepEqual(JSON.parse(mixed.errors).map((e: { row: number; reason: string }) => [e.row, e.reason.split(' / ')[0]]), [[3, 'not allowed to file this enterprise’s report (role or region)']]);
        const own = await importFile(demo.store, province, folder.csv('jiangxi.csv', [HEADER, line(jiangxi, 2026, 1)]));
        assert.deepEqual([own.status, own.reports_filed], ['done', 1]);

        const enterprise = await demo.as('enterprise@demo');
        const other = await importFile(demo.store, enterprise, folder.csv('other.csv', [HEADER, line(hubei, 2026, 2)]));
        assert.equal(other.status, 'failed');
        const itself = await importFile(demo.store, enterprise, folder.csv('itself.csv', [HEADER, line(plant, 2026, 3)]));
        assert.deepEqual([itself.status, itself.reports_filed, itself.actor_label], ['done', 1, 'enterprise@demo']);

        await assert.rejects(createImport(demo.store, await demo.as('city@demo'), { kind: 'dynamic-reports', fileName: 'x.csv', sourcePath: '/nonexistent.csv', format: 'csv', size: 1 }), (e) => AppError.is(e, 'FORBIDDEN'));
      });
    });

    test('the template round-trips: filled, exported as XLSX and imported back it changes nothing; an untouched template row is refused', async () => {
      await withDemoAndFolder(dialect, async (demo, folder) => {
        const reports = await open2026(demo);
        const national = await demo.as('national@demo');
        const blank = join(folder.path, 'template.csv');
        await pipeline(dynamicReportTemplate(demo.store, national, { year: 2026, format: 'csv' }), createWriteStream(blank));
        const untouched = await importFile(demo.store, national, blank);
        assert.equal(untouched.status, 'failed');
        assert.equal(untouched.error_count, reports.length, 'no row of an untouched template is a filing');

        await importFile(demo.store, national, folder.csv('2026.csv', [HEADER, ...reports.map((r, k) => line(r, 2026, k))]), { today: '2027-04-01' });
        const workbook = join(folder.path, 'filed.xlsx');
        await pipeline(dynamicReportTemplate(demo.store, national, { year: 2026, format: 'xlsx' }), createWriteStream(workbook));
        const back = await importFile(demo.store, national, workbook, { today: '2027-04-02' });
        assert.deepEqual([back.status, back.rows_total, back.reports_unchanged, back.reports_filed, back.reports_amended], ['done', reports.length, reports.length, 0, 0]);
      });
    });

    test('errors are all counted and the first 1,000 kept; an enterprise with two listed factories needs its list entry named', async () => {
      await withDemoAndFolder(dialect, async (demo, folder) => {
        const unknown = Array.from({ length: 1200 }, (_, k) => `${composeCreditCode({ regionCode: '360400', organizationBody: `MA${String(k).padStart(6, '0')}` })},2026,10`);
        const many = await importFile(demo.store, SYSTEM, folder.csv('many.csv', ['credit_code,year,electricity_kwh', ...unknown]));
        assert.equal(many.error_count, 1200);
        const listed = JSON.parse(many.errors) as { row: number }[];
        assert.equal(listed.length, 1000);
        assert.deepEqual([listed[0]!.row, listed.at(-1)!.row], [2, 1001]);

        const reports = await open2026(demo);
        const plant = reports.find((r) => r.enterpriseId === demo.plantId)!;
        const entry = await demo.store.db.selectFrom('list_entries').selectAll().where('id', '=', plant.entryId).executeTakeFirstOrThrow();
        const factory = await demo.store.db.insertInto('factories').values({ enterprise_id: demo.plantId, name_zh: '星火二厂', name_en: 'Plant 2', region_code: '360425', address: '', site_area_m2: null, created_at: entry.created_at }).returning('id').executeTakeFirstOrThrow();
        const { id: _id, ...copy } = entry;
        const second = await demo.store.db.insertInto('list_entries').values({ ...copy, factory_id: factory.id }).returning('id').executeTakeFirstOrThrow();
        await openDynamicReports(demo.store, SYSTEM, { authorityId: demo.authorities.national, year: 2026 });
        const ambiguous = await importFile(demo.store, SYSTEM, folder.csv('plant.csv', ['credit_code,year,electricity_kwh', `${plant.creditCode},2026,10`]));
        assert.match(JSON.parse(ambiguous.errors)[0].reason, new RegExp(`several listed factories; give list_entry_id \\(${plant.entryId}, ${second.id}\\)`));
        const named = await importFile(demo.store, SYSTEM, folder.csv('plant2.csv', ['credit_code,year,list_entry_id,electricity_kwh', `${plant.creditCode},2026,${second.id},10`]));
        assert.deepEqual([named.status, named.reports_filed], ['done', 1]);
      });
    });
  });
}
