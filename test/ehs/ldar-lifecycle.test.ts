/**
 * Zero leakage end to end on both databases: seal points, a round with readings, a leak
 * with its deadlines (5 and 15 days), a first attempt, a failed and a good re-measurement,
 * overdue flags, and re-sending a round.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { AppError } from '../../src/domain/errors.ts';
import { registerSealPoint } from '../../src/commands/ehs/register-seal-point.ts';
import { recordInspectionRound } from '../../src/commands/ehs/record-inspection-round.ts';
import { recordLeakRepairAttempt } from '../../src/commands/ehs/record-leak-repair-attempt.ts';
import { closeLeak } from '../../src/commands/ehs/close-leak.ts';
import { listLeaks } from '../../src/store/queries/ehs/ehs-register-views.ts';
import { ehsDashboard } from '../../src/store/queries/ehs/ehs-dashboard.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { ehsWorld } from './ehs-fixtures.ts';

for (const dialect of DIALECTS) {
  describe(`LDAR on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a leak is found, attempted, re-measured and closed; deadlines and overdue flags follow the calendar', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        const point = (tag: string, medium: string) => registerSealPoint(store, w.plant, { enterpriseId: w.plantId, tag, unit: '单体合成', componentType: 'valve', medium, substance: '一甲基三氯硅烷', location: '二层平台' });
        await point('DT-V-001', 'gas_vapour');
        await point('DT-V-002', 'gas_vapour');
        await point('DT-P-001', 'heavy_liquid');
        await assert.rejects(point('DT-V-001', 'gas_vapour'), (e) => AppError.is(e, 'CONFLICT'));

        const round = { enterpriseId: w.plantId, code: '2025-Q1', startedOn: '2025-03-08', completedOn: '2025-03-10', inspector: '第三方检测公司', instrument: 'TVA-2020 FID' };
        // Gas threshold 2000, heavy liquid 500 (reference/ehs): 2400 is a leak, 2000 is not
        // (at the threshold), 480 is not (under 500).
        const readings = [
          { tag: 'DT-V-001', measuredOn: '2025-03-10', valueUmolPerMol: 2400 },
          { tag: 'DT-V-002', measuredOn: '2025-03-09', valueUmolPerMol: 2000 },
          { tag: 'DT-P-001', measuredOn: '2025-03-08', valueUmolPerMol: 480 },
        ];
        const first = await recordInspectionRound(store, w.plant, { ...round, readings }, { today: '2025-03-11' });
        assert.equal(first.stored, 3);
        assert.equal(first.leaks.length, 1);
        const leak = first.leaks[0]!;
        // Detected 03-10: first attempt due 03-15 (+5), repair due 03-25 (+15).
        assert.deepEqual([leak.detected_on, leak.first_attempt_due, leak.repair_due, leak.status], ['2025-03-10', '2025-03-15', '2025-03-25', 'open']);
        assert.match(leak.interval_source, /\[U\]$/);
        const feed = await store.db.selectFrom('ehs_events').selectAll().where('id', '=', leak.ehs_event_id!).executeTakeFirstOrThrow();
        assert.deepEqual([feed.kind, feed.category, feed.status, feed.enterprise_id], ['leak', 'environment', 'open', w.plantId]);

        // The same round again: nothing new. A different value for a measured point: refused, nothing written.
        const again = await recordInspectionRound(store, w.plant, { ...round, readings }, { today: '2025-03-11' });
        assert.deepEqual([again.stored, again.unchanged, again.leaks.length], [0, 3, 0]);
        await assert.rejects(
          recordInspectionRound(store, w.plant, { ...round, readings: [{ tag: 'DT-P-001', measuredOn: '2025-03-08', valueUmolPerMol: 900 }] }, { today: '2025-03-11' }),
          (e) => AppError.is(e, 'VALIDATION') && e.path === 'readings[0].valueUmolPerMol',
        );
        await assert.rejects(
          recordInspectionRound(store, w.plant, { ...round, code: '2025-Q1b', readings: [{ tag: 'DT-V-002', measuredOn: '2025-03-09', valueUmolPerMol: 10 }, { tag: 'NO-SUCH', measuredOn: '2025-03-09', valueUmolPerMol: 10 }] }, { today: '2025-03-11' }),
          (e) => AppError.is(e, 'VALIDATION') && e.path === 'readings[1].tag',
        );
        assert.equal((await store.db.selectFrom('ehs_inspection_rounds').select('id').execute()).length, 1, 'the refused round left nothing behind');

        // On 03-16 without an attempt the first attempt is overdue; the repair is not yet.
        const onSixteenth = (await listLeaks(store.db, w.plantId, '2025-03-16'))[0]!;
        assert.deepEqual([onSixteenth.flags.firstAttemptOverdue, onSixteenth.flags.repairOverdue], [true, false]);
        await recordLeakRepairAttempt(store, w.plant, { enterpriseId: w.plantId, leakId: leak.id, attemptedOn: '2025-03-14', note: '紧固填料压盖' }, { today: '2025-03-16' });
        await assert.rejects(recordLeakRepairAttempt(store, w.plant, { enterpriseId: w.plantId, leakId: leak.id, attemptedOn: '2025-03-15' }, { today: '2025-03-16' }), (e) => AppError.is(e, 'INVALID_TRANSITION'));

        // On 03-26, still open: the repair is overdue; the dashboard counts it.
        const late = (await listLeaks(store.db, w.plantId, '2025-03-26'))[0]!;
        assert.deepEqual([late.flags.firstAttemptOverdue, late.flags.repairOverdue], [false, true]);
        const board = await ehsDashboard(store.db, w.plantId, '2025-03-26');
        const leakage = board!.fourZero.pillars.find((p) => p.pillar === 'leakage')!;
        assert.deepEqual([leakage.open, leakage.overdue, leakage.level, leakage.daysSince], [1, 1, 'overdue', 16]);

        // A re-measurement still over the threshold keeps it open; one under it closes it, late.
        await assert.rejects(closeLeak(store, w.plant, { enterpriseId: w.plantId, leakId: leak.id, remeasuredOn: '2025-03-26', valueUmolPerMol: 2150 }, { today: '2025-03-26' }), (e) => AppError.is(e, 'RULE_VIOLATION'));
        const closed = await closeLeak(store, w.plant, { enterpriseId: w.plantId, leakId: leak.id, remeasuredOn: '2025-03-26', valueUmolPerMol: 35 }, { today: '2025-03-26' });
        assert.deepEqual([closed.status, closed.repaired_on, closed.remeasured_umol_per_mol], ['repaired', '2025-03-26', 35]);
        const view = (await listLeaks(store.db, w.plantId, '2025-04-30'))[0]!;
        assert.deepEqual([view.flags.open, view.flags.repairOverdue, view.flags.repairedLate, view.flags.firstAttemptLate], [false, false, true, false]);
        const closedFeed = await store.db.selectFrom('ehs_events').select('status').where('id', '=', leak.ehs_event_id!).executeTakeFirstOrThrow();
        assert.equal(closedFeed.status, 'closed');
        await assert.rejects(closeLeak(store, w.plant, { enterpriseId: w.plantId, leakId: leak.id, remeasuredOn: '2025-03-27', valueUmolPerMol: 5 }, { today: '2025-03-27' }), (e) => AppError.is(e, 'INVALID_TRANSITION'));
        assert.equal((await verifyAuditChain(store)).ok, true);
      });
    });

    test('only the enterprise writes its register; a reviewer cannot, another enterprise cannot', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        const input = { enterpriseId: w.plantId, tag: 'X-1', unit: '精馏', componentType: 'flange', medium: 'light_liquid' };
        await assert.rejects(registerSealPoint(store, w.jiangxi, input), (e) => AppError.is(e, 'FORBIDDEN'));
        await assert.rejects(registerSealPoint(store, w.wuhanPlant, input), (e) => AppError.is(e, 'FORBIDDEN'));
        await assert.rejects(registerSealPoint(store, { kind: 'public', clientKey: 'k' }, input), (e) => AppError.is(e, 'UNAUTHENTICATED'));
        await assert.rejects(registerSealPoint(store, w.plant, { ...input, medium: 'plasma' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'medium');
        await assert.rejects(registerSealPoint(store, w.plant, { ...input, tag: 'has space' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'tag');
        assert.equal((await registerSealPoint(store, w.plant, input)).tag, 'X-1');
      });
    });
  });
}
