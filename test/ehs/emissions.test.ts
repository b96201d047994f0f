/** Zero emissions on both databases: exceedances computed from monitoring data against the permit. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { AppError } from '../../src/domain/errors.ts';
import { setPermitLimit } from '../../src/commands/ehs/set-permit-limit.ts';
import { recordMonitoringResults } from '../../src/commands/ehs/record-monitoring-results.ts';
import { explainExceedance } from '../../src/commands/ehs/explain-exceedance.ts';
import { listMonitoringResults, listPermitLimits } from '../../src/store/queries/ehs/ehs-register-views.ts';
import { ehsWorld } from './ehs-fixtures.ts';

for (const dialect of DIALECTS) {
  describe(`emissions on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('results over the permit limit (or under a lower bound) are exceedances; explaining one closes it', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        const limit = (outletCode: string, medium: string, pollutantCode: string, pollutantName: string, unit: string, limitMax: number, limitMin: number | null = null, validFrom = '2024-01-01') =>
          setPermitLimit(store, w.plant, { enterpriseId: w.plantId, permitNumber: '91360400XXXXXXXX001P', outletCode, outletName: outletCode === 'DA001' ? 'RTO焚烧炉排气筒' : '污水总排口', medium, pollutantCode, pollutantName, unit, limitMax, limitMin, standard: 'GB 31571-2015', validFrom });
        await limit('DA001', 'air', 'PM', '颗粒物', 'mg/m³', 20);
        await limit('DW001', 'water', 'pH', 'pH值', '无量纲', 9, 6);
        await limit('DW001', 'water', 'COD', '化学需氧量', 'mg/L', 60);
        // The COD limit tightens to 50 from 2025-01-01: the old one ends on 2024-12-31.
        await limit('DW001', 'water', 'COD', '化学需氧量', 'mg/L', 50, null, '2025-01-01');
        const cod = (await listPermitLimits(store.db, w.plantId)).filter((l) => l.pollutantCode === 'COD');
        assert.deepEqual(cod.map((l) => [l.limitMax, l.validFrom, l.validUntil]), [[60, '2024-01-01', '2024-12-31'], [50, '2025-01-01', null]]);

        const outcome = await recordMonitoringResults(store, w.plant, {
          enterpriseId: w.plantId,
          results: [
            { outletCode: 'DA001', pollutantCode: 'PM', sampledOn: '2025-05-03', method: 'online', value: 18.5 },
            { outletCode: 'DA001', pollutantCode: 'PM', sampledOn: '2025-05-04', method: 'online', value: 20.4 },
            { outletCode: 'DW001', pollutantCode: 'pH', sampledOn: '2025-05-04', method: 'manual', value: 5.8 },
            // 55 mg/L: within the 2024 limit of 60, over the 2025 limit of 50.
            { outletCode: 'DW001', pollutantCode: 'COD', sampledOn: '2024-12-31', method: 'manual', value: 55 },
            { outletCode: 'DW001', pollutantCode: 'COD', sampledOn: '2025-01-02', method: 'manual', value: 55 },
          ],
        }, { today: '2025-05-05' });
        assert.deepEqual([outcome.stored, outcome.exceedances.length], [5, 3]);
        assert.deepEqual(outcome.exceedances.map((e) => [e.sampled_on, e.value, e.limit_max, e.limit_min]).sort(), [['2025-01-02', 55, 50, null], ['2025-05-04', 20.4, 20, null], ['2025-05-04', 5.8, 9, 6]]);
        const feed = await store.db.selectFrom('ehs_events').selectAll().where('kind', '=', 'exceedance').orderBy('id').execute();
        assert.equal(feed.length, 3);
        assert.ok(feed.every((e) => e.status === 'open' && e.category === 'environment'));

        await assert.rejects(
          recordMonitoringResults(store, w.plant, { enterpriseId: w.plantId, results: [{ outletCode: 'DA001', pollutantCode: 'PM', sampledOn: '2025-05-05', method: 'online', value: 3 }, { outletCode: 'DA009', pollutantCode: 'PM', sampledOn: '2025-05-05', method: 'online', value: 3 }] }, { today: '2025-05-05' }),
          (e) => AppError.is(e, 'VALIDATION') && e.path === 'results[1].outletCode',
        );
        await assert.rejects(
          recordMonitoringResults(store, w.plant, { enterpriseId: w.plantId, results: [{ outletCode: 'DA001', pollutantCode: 'PM', sampledOn: '2025-05-03', method: 'online', value: 19 }] }, { today: '2025-05-05' }),
          (e) => AppError.is(e, 'VALIDATION') && e.path === 'results[0].value',
        );
        assert.equal((await listMonitoringResults(store.db, w.plantId)).total, 5, 'refused batches stored nothing');

        const within = (await listMonitoringResults(store.db, w.plantId)).items.find((r) => !r.isExceedance)!;
        await assert.rejects(explainExceedance(store, w.plant, { enterpriseId: w.plantId, resultId: within.id, explanation: '无需说明的正常数据' }, { today: '2025-05-06' }), (e) => AppError.is(e, 'INVALID_TRANSITION'));
        const pm = outcome.exceedances.find((e) => e.value === 20.4)!;
        const explained = await explainExceedance(store, w.plant, { enterpriseId: w.plantId, resultId: pm.id, explanation: '布袋除尘器滤袋破损，已于当日更换' }, { today: '2025-05-06' });
        assert.deepEqual([explained.explained_on, explained.is_exceedance], ['2025-05-06', 1]);
        assert.equal((await store.db.selectFrom('ehs_events').select('status').where('id', '=', pm.ehs_event_id!).executeTakeFirstOrThrow()).status, 'closed');
        assert.equal((await listMonitoringResults(store.db, w.plantId, { exceedancesOnly: true })).total, 3);
      });
    });
  });
}
