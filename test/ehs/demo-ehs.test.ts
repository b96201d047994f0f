/**
 * The demo register on both databases: the silicone plant shows Four Zero at a glance —
 * one overdue leak among leaks repaired on time, hazards closed with evidence, no
 * violation, one explained exceedance long ago, no accident — and a Hubei enterprise's
 * 较大 accident does not negative-list it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { ehsDashboard } from '../../src/store/queries/ehs/ehs-dashboard.ts';
import { ehsThreeFirst } from '../../src/store/queries/ehs/ehs-three-first.ts';
import { listHazards, listLeaks, listMonitoringResults, listRounds } from '../../src/store/queries/ehs/ehs-register-views.ts';
import { negativeListEventsOf } from '../../src/store/queries/ehs/ehs-negative-list.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';

const TODAY = '2026-11-30';

for (const dialect of DIALECTS) {
  describe(`demo EHS register on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('the silicone plant’s register tells the story; the Hubei 较大 accident does not list', async () => {
      await withTestStore(dialect, async (store) => {
        await seedDemo(store, { today: TODAY });
        const plant = await store.db.selectFrom('enterprises').select(['id']).where('name_zh', '=', '江西蓝星星火有机硅有限公司').executeTakeFirstOrThrow();
        const board = (await ehsDashboard(store.db, plant.id, TODAY))!;
        assert.ok(board.inventory.sealPoints >= 300, 'several hundred seal points');
        for (const unit of ['单体合成', '精馏', '水解']) assert.ok(board.inventory.units.some((u) => u.unit === unit), unit);

        // Quarterly rounds 2025-Q1 … 2026-Q4; the last ends 25 days before today (2026-11-05).
        const rounds = await listRounds(store.db, plant.id);
        assert.deepEqual(rounds.map((r) => r.code).reverse(), ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
        assert.equal(rounds[0]!.completedOn, '2026-11-05');
        assert.ok(rounds.every((r) => r.readings === board.inventory.sealPoints));

        const leaks = await listLeaks(store.db, plant.id, TODAY);
        const open = leaks.filter((l) => l.flags.open);
        assert.equal(open.length, 1, 'one leak still open');
        assert.equal(open[0]!.flags.repairOverdue, true, '…and overdue');
        const repaired = leaks.filter((l) => !l.flags.open);
        assert.ok(repaired.length >= 5, 'a handful repaired');
        assert.ok(repaired.every((l) => !l.flags.repairedLate && !l.flags.firstAttemptLate), 'all on time');

        const hazards = await listHazards(store.db, plant.id, TODAY);
        assert.ok(hazards.length >= 10);
        assert.ok(hazards.every((h) => h.grade === 'general' && h.status === 'closed' && h.evidenceFile !== null && !h.closedLate));
        assert.equal((await store.db.selectFrom('ehs_violations').select('id').where('enterprise_id', '=', plant.id).execute()).length, 0);

        const exceedances = await listMonitoringResults(store.db, plant.id, { exceedancesOnly: true });
        assert.equal(exceedances.total, 1);
        assert.equal(exceedances.items[0]!.sampledOn.slice(0, 4), '2024');
        assert.notEqual(exceedances.items[0]!.explanation, null);
        const outlets = new Set((await listMonitoringResults(store.db, plant.id, { limit: 1000, from: '2026-11-01' })).items.map((r) => r.outletCode));
        assert.deepEqual([...outlets].sort(), ['DA001', 'DW001']);

        const levels = Object.fromEntries(board.fourZero.pillars.map((p) => [p.pillar, p.level]));
        assert.deepEqual(levels, { leakage: 'overdue', hazards: 'clear', violations: 'clear', emissions: 'clear' });
        assert.equal(board.accidents.length, 0);
        assert.equal(board.negativeListUntil, null);
        const summary = await ehsThreeFirst(store.db, plant.id, 2025);
        assert.equal(summary.environment.ldarRounds, 4);
        assert.equal(summary.environment.exceedances, 0);

        const hubei = await store.db.selectFrom('ehs_accidents as a').innerJoin('enterprises as e', 'e.id', 'a.enterprise_id').select(['a.enterprise_id', 'a.grade', 'a.negative_list_until', 'e.province_code']).execute();
        assert.deepEqual(hubei.map((a) => [a.province_code, a.grade, a.negative_list_until]), [['420000', 'larger', null]]);
        assert.deepEqual(await negativeListEventsOf(store.db, hubei[0]!.enterprise_id, TODAY), []);
        assert.equal((await verifyAuditChain(store)).ok, true);
      });
    });
  });
}
