/** The job table on both databases: due-ness, single claim, retry with backoff, lease recovery, idempotent enqueue. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { backoffMs, claimDueJob, completeJob, enqueueJob, failJob, LEASE_MS } from '../../src/store/repositories/jobs.ts';
import { registerJobHandler, runDueJobs } from '../../src/commands/jobs/job-runner.ts';

const T0 = '2026-11-30T00:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

test('backoff doubles from ten seconds and stops at an hour', () => {
  assert.deepEqual([1, 2, 3, 4].map(backoffMs), [10_000, 20_000, 40_000, 80_000]);
  assert.equal(backoffMs(20), 3_600_000);
});

for (const dialect of DIALECTS) {
  describe(`jobs on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a job is not claimed before it is due, is claimed once after, and not again', async () => {
      await withTestStore(dialect, async (store) => {
        await enqueueJob(store.db, { kind: 'test.noop', payload: { n: 1 }, runAt: later(60_000) });
        assert.equal(await claimDueJob(store, 'a', undefined, T0), undefined);
        const claimed = await claimDueJob(store, 'a', undefined, later(60_000));
        assert.equal(claimed?.claimed_by, 'a');
        assert.equal(claimed?.attempts, 1);
        assert.equal(await claimDueJob(store, 'b', undefined, later(61_000)), undefined);
        await completeJob(store.db, claimed!.id);
        assert.equal(await claimDueJob(store, 'b', undefined, later(LEASE_MS * 2)), undefined);
      });
    });

    test('concurrent claimers never take the same job', async () => {
      await withTestStore(dialect, async (store) => {
        for (let i = 0; i < 20; i++) await enqueueJob(store.db, { kind: 'test.noop', payload: { i }, runAt: T0 });
        const claims = await Promise.all(Array.from({ length: 30 }, (_, i) => claimDueJob(store, `w${i}`, undefined, T0)));
        const ids = claims.filter((c) => c !== undefined).map((c) => c!.id);
        assert.equal(ids.length, 20);
        assert.equal(new Set(ids).size, 20);
      });
    });

    test('a failed job waits for its backoff, and a dead worker’s job is taken back after the lease', async () => {
      await withTestStore(dialect, async (store) => {
        await enqueueJob(store.db, { kind: 'test.noop', payload: {}, runAt: T0, maxAttempts: 2 });
        const first = (await claimDueJob(store, 'a', undefined, T0))!;
        assert.equal(await failJob(store.db, first, 'receiver down', T0), 'retry');
        assert.equal(await claimDueJob(store, 'a', undefined, later(9_999)), undefined);
        const second = (await claimDueJob(store, 'a', undefined, later(10_000)))!;
        assert.equal(second.attempts, 2);
        // the worker dies without completing: the job is taken back once the lease is over
        assert.equal(await claimDueJob(store, 'b', undefined, later(10_000 + LEASE_MS - 1)), undefined);
        const third = (await claimDueJob(store, 'b', undefined, later(10_000 + LEASE_MS + 1)))!;
        assert.equal(third.claimed_by, 'b');
        assert.equal(await failJob(store.db, third, 'still down', later(10_000 + LEASE_MS + 1)), 'failed');
        const row = await store.db.selectFrom('jobs').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
        assert.equal(row.status, 'failed');
        assert.equal(row.last_error, 'still down');
      });
    });

    test('the same unique key is enqueued once; the runner runs due jobs and records failures', async () => {
      await withTestStore(dialect, async (store) => {
        const seen: unknown[] = [];
        registerJobHandler('test.record', async (_store, payload) => {
          if (payload.fail) throw new Error('refused');
          seen.push(payload.n);
        });
        await enqueueJob(store.db, { kind: 'test.record', payload: { n: 1 }, uniqueKey: 'once' });
        await enqueueJob(store.db, { kind: 'test.record', payload: { n: 2 }, uniqueKey: 'once' });
        await enqueueJob(store.db, { kind: 'test.record', payload: { fail: true } });
        const report = await runDueJobs(store, { worker: 'test' });
        assert.deepEqual(seen, [1]);
        assert.deepEqual(report, { ran: 2, failed: 1 });
      });
    });
  });
}
