/**
 * Importing inspection readings (CSV) and monitoring results (XLSX) on both databases:
 * row-level errors with sheet, row, column and reason; nothing stored when a file has
 * errors; a clean file stored whole; the same file again changes nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { AppError } from '../../src/domain/errors.ts';
import { registerSealPoint } from '../../src/commands/ehs/register-seal-point.ts';
import { setPermitLimit } from '../../src/commands/ehs/set-permit-limit.ts';
import { importEhsFile } from '../../src/commands/ehs/import/import-ehs-file.ts';
import { ehsWorld, type EhsWorld } from './ehs-fixtures.ts';
import type { Store } from '../../src/store/store.ts';

const csv = (text: string) => Readable.from([Buffer.from('\uFEFF' + text, 'utf8')]);

async function prepare(store: Store, w: EhsWorld): Promise<void> {
  for (const [tag, medium] of [['JL-V-001', 'light_liquid'], ['JL-V-002', 'light_liquid'], ['JL-P-001', 'heavy_liquid']] as const) {
    await registerSealPoint(store, w.plant, { enterpriseId: w.plantId, tag, unit: '精馏', componentType: 'valve', medium });
  }
  await setPermitLimit(store, w.plant, { enterpriseId: w.plantId, permitNumber: 'P-1', outletCode: 'DA001', outletName: 'RTO排气筒', medium: 'air', pollutantCode: 'NMHC', pollutantName: '非甲烷总烃', unit: 'mg/m³', limitMax: 60, validFrom: '2024-01-01' });
  await setPermitLimit(store, w.plant, { enterpriseId: w.plantId, permitNumber: 'P-1', outletCode: 'DW001', outletName: '污水总排口', medium: 'water', pollutantCode: 'COD', pollutantName: '化学需氧量', unit: 'mg/L', limitMax: 50, validFrom: '2024-01-01' });
}

for (const dialect of DIALECTS) {
  describe(`EHS import on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a CSV of readings with errors stores nothing and names each bad cell; the clean file is stored once', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        await prepare(store, w);
        const bad = [
          '检测轮次,密封点编号,检测日期,检测值,检测单位',
          '2026-Q1,JL-V-001,2026-03-10,2600,示例检测公司', // row 2: fine (a leak)
          '2026-Q1,JL-V-009,2026-03-10,12,示例检测公司', //   row 3: no such seal point
          '2026-Q1,JL-V-002,2026-03-32,12,示例检测公司', //   row 4: not a date
          '2026-Q1,JL-P-001,2026-03-11,abc,示例检测公司', //  row 5: not a number
          '2026-Q1,JL-V-001,2026-03-11,15,示例检测公司', //   row 6: JL-V-001 twice in one round
        ].join('\n');
        const refused = await importEhsFile(store, w.plant, { enterpriseId: w.plantId, kind: 'inspection-readings', format: 'csv', source: csv(bad) }, { today: '2026-03-20' });
        assert.equal(refused.committed, false);
        assert.equal(refused.rows, 5);
        assert.deepEqual(refused.errors.map((e) => [e.sheet, e.row, e.column]), [[null, 3, '密封点编号'], [null, 4, '检测日期'], [null, 5, '检测值'], [null, 6, '密封点编号']]);
        assert.match(refused.errors[0]!.reason, /JL-V-009/);
        assert.equal((await store.db.selectFrom('ehs_readings').select('id').execute()).length, 0, 'nothing stored');
        assert.equal((await store.db.selectFrom('ehs_inspection_rounds').select('id').execute()).length, 0);

        const good = [
          'round,tag,measured on,value,background,inspector,instrument',
          '2026-Q1,JL-V-001,2026-03-10,2600,3,Demo LDAR Co.,TVA-2020',
          '2026-Q1,JL-V-002,2026/3/9,12,3,,',
          '2026-Q1,JL-P-001,2026-03-11,"1,200",2,,',
          '2025-Q4,JL-V-001,2025-12-02,8,2,,',
        ].join('\n');
        const stored = await importEhsFile(store, w.plant, { enterpriseId: w.plantId, kind: 'inspection-readings', format: 'csv', source: csv(good) }, { today: '2026-03-20' });
        // JL-V-001 2600 > 2000 (light liquid) and JL-P-001 1200 > 500 (heavy liquid): two leaks.
        assert.deepEqual([stored.committed, stored.rows, stored.stored, stored.unchanged, stored.flagged, stored.errors.length], [true, 4, 4, 0, 2, 0]);
        const rounds = await store.db.selectFrom('ehs_inspection_rounds').selectAll().orderBy('code').execute();
        assert.deepEqual(rounds.map((r) => [r.code, r.started_on, r.completed_on, r.source]), [['2025-Q4', '2025-12-02', '2025-12-02', 'import'], ['2026-Q1', '2026-03-09', '2026-03-11', 'import']]);
        assert.equal(rounds[1]!.inspector, 'Demo LDAR Co.');
        const again = await importEhsFile(store, w.plant, { enterpriseId: w.plantId, kind: 'inspection-readings', format: 'csv', source: csv(good) }, { today: '2026-03-20' });
        assert.deepEqual([again.committed, again.stored, again.unchanged, again.flagged], [true, 0, 4, 0]);
        assert.equal((await store.db.selectFrom('ehs_leaks').select('id').execute()).length, 2);
      });
    });

    test('an XLSX of monitoring results: errors per sheet and row, a missing column, then exceedances computed', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        await prepare(store, w);
        const workbook = async (sheets: Record<string, unknown[][]>) => {
          const book = new ExcelJS.Workbook();
          for (const [name, rows] of Object.entries(sheets)) {
            const sheet = book.addWorksheet(name);
            for (const row of rows) sheet.addRow(row);
          }
          return Readable.from([Buffer.from(await book.xlsx.writeBuffer())]);
        };
        const header = ['排放口编号', '污染物代码', '监测日期', '监测方式', '监测值', '超标说明'];
        const refused = await importEhsFile(store, w.plant, {
          enterpriseId: w.plantId, kind: 'monitoring-results', format: 'xlsx',
          source: await workbook({
            废气: [header, ['DA001', 'NMHC', new Date(Date.UTC(2026, 1, 1)), '在线', 12.5, null], ['DA001', 'SO2', '2026-02-01', '在线', 3, null]],
            废水: [header, ['DW001', 'COD', '2026-02-01', '抽查', 30, null]],
            备注: [['说明'], ['这一页没有数据列']],
          }),
        }, { today: '2026-03-01' });
        assert.equal(refused.committed, false);
        // The notes sheet lacks all five required columns; one row in each data sheet is wrong.
        assert.equal(refused.errors.length, 7);
        assert.equal(refused.errors.filter((e) => e.sheet === '备注' && e.row === 1).length, 5);
        assert.ok(refused.errors.some((e) => e.sheet === '废气' && e.row === 3 && e.column === '污染物代码' && /SO2/.test(e.reason)), 'no SO2 limit for DA001');
        assert.ok(refused.errors.some((e) => e.sheet === '废水' && e.row === 2 && e.column === '监测方式'), '抽查 is not a method word');
        assert.ok(refused.errors.some((e) => e.sheet === '备注' && e.row === 1 && /missing/.test(e.reason)), 'the notes sheet lacks the columns');
        assert.equal((await store.db.selectFrom('ehs_monitoring_results').select('id').execute()).length, 0);

        const stored = await importEhsFile(store, w.plant, {
          enterpriseId: w.plantId, kind: 'monitoring-results', format: 'xlsx',
          source: await workbook({
            废气: [header, ['DA001', 'NMHC', new Date(Date.UTC(2026, 1, 1)), '在线', 12.5, null], ['DA001', 'NMHC', '2026-02-02', 'online', 61.2, 'RTO切换阀故障，已维修']],
            废水: [header, ['DW001', 'COD', '2026-02-01', '手工', 30, null]],
          }),
        }, { today: '2026-03-01' });
        assert.deepEqual([stored.committed, stored.stored, stored.flagged], [true, 3, 1]);
        const exceedance = await store.db.selectFrom('ehs_monitoring_results').selectAll().where('is_exceedance', '=', 1).executeTakeFirstOrThrow();
        assert.deepEqual([exceedance.value, exceedance.limit_max, exceedance.explanation, exceedance.source], [61.2, 60, 'RTO切换阀故障，已维修', 'import']);
        const feed = await store.db.selectFrom('ehs_events').select('status').where('id', '=', exceedance.ehs_event_id!).executeTakeFirstOrThrow();
        assert.equal(feed.status, 'closed', 'explained in the file: nothing left open');
      });
    });

    test('an import is authorized before the file is read; a garbled XLSX is a row-0 error', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        await assert.rejects(importEhsFile(store, w.hubei, { enterpriseId: w.plantId, kind: 'monitoring-results', format: 'csv', source: csv('a,b\n1,2') }), (e) => AppError.is(e, 'FORBIDDEN'));
        await assert.rejects(importEhsFile(store, w.plant, { enterpriseId: w.plantId, kind: 'weather', format: 'csv', source: csv('a,b\n1,2') }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'kind');
        const garbled = await importEhsFile(store, w.plant, { enterpriseId: w.plantId, kind: 'monitoring-results', format: 'xlsx', source: Readable.from([Buffer.from('this is not a zip file')]) });
        assert.equal(garbled.committed, false);
        assert.equal(garbled.errors[0]!.row, 0);
      });
    });
  });
}
