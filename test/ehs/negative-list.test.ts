/**
 * Accidents and the negative list on both databases: a 重大 accident raises
 * `enterprise.negative-listed` inside the recording transaction with the feed row's id
 * and the last day of the three-year window; a 较大 one does not.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { AppError } from '../../src/domain/errors.ts';
import { onDomainEvent, type DomainEvents } from '../../src/commands/events/domain-events.ts';
import { recordAccident } from '../../src/commands/ehs/record-accident.ts';
import { negativeListEventsOf } from '../../src/store/queries/ehs/ehs-negative-list.ts';
import { ehsDashboard } from '../../src/store/queries/ehs/ehs-dashboard.ts';
import { ehsThreeFirst } from '../../src/store/queries/ehs/ehs-three-first.ts';
import { negativeListFindings } from '../../src/engine/score-inputs.ts';
import { ehsWorld } from './ehs-fixtures.ts';

const raised: DomainEvents['enterprise.negative-listed'][] = [];
/** Enterprises whose listing a test subscriber refuses, to show the event runs inside the transaction. */
const refuse = new Set<number>();
onDomainEvent('enterprise.negative-listed', async (context, payload) => {
  // The subscriber sees the accident's feed row: it is in the same transaction.
  const row = await context.trx.selectFrom('ehs_events').select('negative_list_until').where('id', '=', payload.eventId).executeTakeFirst();
  if (row?.negative_list_until !== payload.until) throw new Error('feed row not visible to the subscriber');
  if (refuse.has(payload.enterpriseId)) throw new Error('subscriber refused');
  raised.push(payload);
});

for (const dialect of DIALECTS) {
  describe(`accidents and the negative list on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a 较大 accident is recorded without listing; a 重大 one lists the enterprise for three years and raises the event', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        raised.length = 0;
        const larger = await recordAccident(store, w.wuhanPlant, { enterpriseId: w.wuhanPlantId, occurredOn: '2025-08-14', category: 'safety', grade: 'larger', title: '氯甲烷压缩机房爆燃', deaths: 1, seriousInjuries: 11, directLossTenThousandYuan: 620 }, { today: '2025-09-01' });
        assert.equal(larger.negativeListUntil, null);
        assert.equal(raised.length, 0);
        // 3 deaths make it at least 较大 (493号令 第三条): 一般 is refused.
        await assert.rejects(recordAccident(store, w.plant, { enterpriseId: w.plantId, occurredOn: '2026-06-15', category: 'safety', grade: 'general', title: 'x', deaths: 3 }, { today: '2026-06-20' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'grade');

        const major = await recordAccident(store, w.plant, { enterpriseId: w.plantId, occurredOn: '2026-06-15', category: 'safety', grade: 'major', title: '精馏塔检修闪爆', deaths: 10, reportedTo: '九江市应急管理局' }, { today: '2026-06-20' });
        assert.equal(major.negativeListUntil, '2029-06-15');
        assert.equal(raised.length, 1);
        assert.equal(raised[0]!.enterpriseId, w.plantId);
        assert.equal(raised[0]!.eventId, major.eventId);
        assert.equal(raised[0]!.until, '2029-06-15');
        assert.match(raised[0]!.reason, /重大生产安全事故（2026-06-15）：精馏塔检修闪爆/);
        const feed = await store.db.selectFrom('ehs_events').selectAll().where('id', '=', major.eventId).executeTakeFirstOrThrow();
        assert.deepEqual([feed.kind, feed.category, feed.severity, feed.occurred_on, feed.negative_list_until], ['accident', 'safety', 'major', '2026-06-15', '2029-06-15']);
        assert.equal(JSON.parse(feed.details).negativeListKind, 'safety_accident');

        // What the pipeline reads, and what the engine does with it: a veto on the last day, none after.
        const onLastDay = await negativeListEventsOf(store.db, w.plantId, '2029-06-15');
        assert.deepEqual(onLastDay.map((e) => [e.kind, e.date, e.until]), [['safety_accident', '2026-06-15', '2029-06-15']]);
        assert.deepEqual(await negativeListEventsOf(store.db, w.plantId, '2029-06-16'), []);
        assert.deepEqual(await negativeListEventsOf(store.db, w.wuhanPlantId, '2025-09-01'), [], 'a 较大 accident feeds no veto');
        const vetoes = negativeListFindings(onLastDay.map(({ kind, date }) => ({ kind, date })), '2029-06-15').vetoes;
        assert.deepEqual(vetoes.map((v) => v.id), ['negative-list.safety_accident.2026-06-15'], 'the engine accepts the kind and vetoes on the last day');

        const board = await ehsDashboard(store.db, w.plantId, '2026-06-20');
        assert.equal(board!.negativeListUntil, '2029-06-15');
        assert.equal(board!.accidents.length, 1);
        assert.equal((await ehsThreeFirst(store.db, w.plantId, 2026)).negativeListUntil, '2029-06-15');
      });
    });

    test('a Ⅱ级 environmental emergency lists; the event runs in the recording transaction', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        raised.length = 0;
        const emergency = await recordAccident(store, w.wuhanPlant, { enterpriseId: w.wuhanPlantId, occurredOn: '2024-02-29', category: 'environment', grade: 'major', title: '含氯废水泄漏致下游取水中断', evacuated: 12000 }, { today: '2024-03-05' });
        assert.equal(emergency.negativeListUntil, '2027-02-28');
        assert.equal(raised[0]!.until, '2027-02-28');
        assert.equal(JSON.parse((await store.db.selectFrom('ehs_events').select('details').where('id', '=', emergency.eventId).executeTakeFirstOrThrow()).details).negativeListKind, 'pollution_accident');

        refuse.add(w.plantId);
        try {
          await assert.rejects(recordAccident(store, w.plant, { enterpriseId: w.plantId, occurredOn: '2026-01-10', category: 'quality', grade: 'major', title: '批量产品质量事故' }, { today: '2026-01-12' }), /subscriber refused/);
        } finally {
          refuse.delete(w.plantId);
        }
        assert.equal((await store.db.selectFrom('ehs_accidents').select('id').where('enterprise_id', '=', w.plantId).execute()).length, 0, 'the failed subscriber rolled the accident back');
        assert.equal((await store.db.selectFrom('ehs_events').select('id').where('enterprise_id', '=', w.plantId).execute()).length, 0);
      });
    });

    test('a reviewer reads but cannot record an accident', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        await assert.rejects(recordAccident(store, w.jiujiang, { enterpriseId: w.plantId, occurredOn: '2026-01-10', category: 'safety', grade: 'major', title: 'x' }, { today: '2026-01-12' }), (e) => AppError.is(e, 'FORBIDDEN'));
      });
    });
  });
}
