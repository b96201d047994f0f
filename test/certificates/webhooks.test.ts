/**
 * Webhooks on both databases, against a real receiver on loopback: an administrator
 * subscribes; the outbox row is written in the transaction that raises the event (and
 * vanishes with it on rollback); the receiver checks the HMAC signature and the timestamp;
 * a failed delivery is retried after its backoff with the same delivery id and body; every
 * attempt is in the delivery log.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { DEMO_PASSWORD, insertPublishedBatch, PUBLISHER, raiseBatchPublished, removeEntry, seedAuthorityUsers, seedProgramme, type Programme } from './certificate-fixtures.ts';
import { raiseDomainEvent } from '../../src/commands/events/domain-events.ts';
import { runDueJobs } from '../../src/commands/jobs/job-runner.ts';
import '../../src/commands/jobs/handlers.ts';
import { verifyWebhookSignature } from '../../src/domain/webhooks/webhook-signature.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  check: ReturnType<typeof verifyWebhookSignature>;
}

/** A receiver that answers with the next queued status (then 200) and checks every signature it gets. */
function startReceiver(secretOf: () => string): Promise<{ server: Server; url: string; received: Received[]; answers: number[] }> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => (typeof request.headers[name] === 'string' ? (request.headers[name] as string) : undefined);
      received.push({ headers: request.headers, body, check: verifyWebhookSignature({ secret: secretOf(), body, timestamp: header('x-greenlist-timestamp'), signature: header('x-greenlist-signature'), nowSeconds: Math.floor(Date.now() / 1000) }) });
      response.statusCode = answers.shift() ?? 200;
      response.end('ok');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, answers })));
}

const jobsOf = (t: TestApp) => t.store.db.selectFrom('jobs').selectAll().where('kind', '=', 'webhook.deliver').orderBy('id').execute();

for (const dialect of DIALECTS) {
  describe(`webhooks on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let programme: Programme;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let secret = '';
    let adminToken = '';
    let subscriptionId = 0;

    before(async () => {
      receiver = await startReceiver(() => secret);
      t = await startTestApp(dialect, {
        prepare: async (store) => {
          programme = await seedProgramme(store, 3);
          await seedAuthorityUsers(store, programme);
        },
      });
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@demo', password: DEMO_PASSWORD, bearer: true } });
      adminToken = login.json().token;
    });
    after(async () => {
      await t?.close();
      await new Promise((resolve) => receiver?.server.close(resolve));
    });

    test('only an administrator subscribes; the secret is shown once and never listed', async () => {
      const province = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'province@demo', password: DEMO_PASSWORD, bearer: true } })).json().token;
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${province}` }, payload: { url: receiver.url, events: ['batch.published'] } });
      assert.equal(refused.statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/webhooks' })).statusCode, 401);
      const badEvent = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${adminToken}` }, payload: { url: receiver.url, events: ['batch.deleted'] } });
      assert.equal(badEvent.statusCode, 400);
      const badUrl = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${adminToken}` }, payload: { url: 'ftp://receiver.example/x', events: ['batch.published'] } });
      assert.equal(badUrl.statusCode, 400);
      assert.equal(badUrl.json().error.path, 'url');

      const created = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${adminToken}` }, payload: { url: receiver.url, events: ['batch.published', 'entry.removed', 'certificate.revoked'], description: 'test receiver' } });
      assert.equal(created.statusCode, 201);
      secret = created.json().secret;
      subscriptionId = created.json().subscription.id;
      assert.match(secret, /^whsec_[\w-]{32}$/);
      const listed = await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${adminToken}` } });
      assert.deepEqual(listed.json().subscriptions.map((s: { id: number; events: string[] }) => [s.id, s.events]), [[subscriptionId, ['batch.published', 'entry.removed', 'certificate.revoked']]]);
      assert.doesNotMatch(listed.body, new RegExp(secret));
      const stored = await t.store.db.selectFrom('webhook_subscriptions').select('secret').executeTakeFirstOrThrow();
      assert.doesNotMatch(stored.secret, new RegExp(secret.slice(6)), 'stored sealed, not in clear');
    });

    test('the outbox row is written with the event, in its transaction, and not when it rolls back', async () => {
      const batch = await insertPublishedBatch(t.store, programme, { slug: 'rolled-back', year: 2024, publishedOn: '2025-01-22', enterpriseIds: programme.enterpriseIds.slice(0, 1) });
      await assert.rejects(
        t.store.transaction(async (trx) => {
          await raiseDomainEvent({ trx, store: t.store, actor: PUBLISHER }, 'batch.published', { batchId: batch.batchId, entryIds: batch.entryIds, publishedOn: '2025-01-22' });
          assert.equal((await trx.selectFrom('jobs').select('id').where('kind', '=', 'webhook.deliver').execute()).length, 1, 'visible inside the transaction');
          throw new Error('publication failed');
        }),
        /publication failed/,
      );
      assert.deepEqual(await jobsOf(t), []);
    });

    test('a signed delivery that fails is retried after its backoff, with the same id and body, and logged', async () => {
      const batch = await insertPublishedBatch(t.store, programme, { slug: 'national-factory-2025', year: 2025, publishedOn: '2026-03-18', enterpriseIds: programme.enterpriseIds });
      await raiseBatchPublished(t.store, batch.batchId, batch.entryIds, '2026-03-18');
      await raiseBatchPublished(t.store, batch.batchId, batch.entryIds, '2026-03-18');
      assert.equal((await jobsOf(t)).length, 1, 'the same event raised twice is delivered once');

      receiver.answers.push(500);
      const first = await runDueJobs(t.store);
      assert.deepEqual(first, { ran: 1, failed: 1 });
      assert.equal(receiver.received.length, 1);
      const [attempt1] = receiver.received;
      assert.deepEqual(attempt1!.check, { ok: true }, 'the receiver checks the HMAC over timestamp and body');
      assert.equal(attempt1!.headers['x-greenlist-event'], 'batch.published');
      assert.match(attempt1!.headers['x-greenlist-signature'] as string, /^sha256=[0-9a-f]{64}$/);
      const body = JSON.parse(attempt1!.body);
      assert.equal(body.event, 'batch.published');
      assert.deepEqual(body.data, { batchId: batch.batchId, entryIds: batch.entryIds, publishedOn: '2026-03-18' });

      // Not due again before its backoff (10 s after the failure)…
      assert.deepEqual(await runDueJobs(t.store), { ran: 0, failed: 0 });
      // …and retried once it is.
      const retry = await runDueJobs(t.store, { at: new Date(Date.now() + 11_000).toISOString() });
      assert.deepEqual(retry, { ran: 1, failed: 0 });
      assert.equal(receiver.received.length, 2);
      const [, attempt2] = receiver.received;
      assert.deepEqual(attempt2!.check, { ok: true });
      assert.equal(attempt2!.headers['x-greenlist-delivery'], attempt1!.headers['x-greenlist-delivery']);
      assert.equal(attempt2!.body, attempt1!.body);
      assert.equal((await jobsOf(t))[0]!.status, 'done');

      const log = await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${subscriptionId}/deliveries`, headers: { authorization: `Bearer ${adminToken}` } });
      assert.equal(log.statusCode, 200);
      const attempts = log.json().deliveries.map((d: { attempt: number; statusCode: number; error: string | null }) => [d.attempt, d.statusCode, d.error === null]);
      assert.deepEqual(attempts, [[2, 200, true], [1, 500, false]]);
    });

    test('a removal delivers entry.removed and certificate.revoked; a deleted subscription gets nothing more', async () => {
      const entry = await t.store.db.selectFrom('list_entries as e').innerJoin('batches as b', 'b.id', 'e.batch_id').select('e.id').where('b.slug', '=', 'national-factory-2025').orderBy('e.id').executeTakeFirstOrThrow();
      const before = receiver.received.length;
      await removeEntry(t.store, entry.id, 'a major safety accident', '2026-06-01');
      assert.deepEqual(await runDueJobs(t.store), { ran: 2, failed: 0 });
      const events = receiver.received.slice(before).map((r) => r.headers['x-greenlist-event']).sort();
      assert.deepEqual(events, ['certificate.revoked', 'entry.removed']);
      assert.ok(receiver.received.slice(before).every((r) => r.check.ok));
      const revoked = receiver.received.slice(before).find((r) => r.headers['x-greenlist-event'] === 'certificate.revoked')!;
      assert.equal(JSON.parse(revoked.body).data.number, 'GF-N-2025-000000-000001');

      const deleted = await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${subscriptionId}`, headers: { authorization: `Bearer ${adminToken}` } });
      assert.equal(deleted.statusCode, 204);
      const second = await t.store.db.selectFrom('list_entries as e').innerJoin('batches as b', 'b.id', 'e.batch_id').select('e.id').where('b.slug', '=', 'national-factory-2025').orderBy('e.id').limit(1).offset(1).executeTakeFirstOrThrow();
      await removeEntry(t.store, second.id, 'another accident', '2026-06-02');
      assert.deepEqual(await runDueJobs(t.store), { ran: 0, failed: 0 });
      const all = await t.app.inject({ method: 'GET', url: '/api/v1/webhooks?all=true', headers: { authorization: `Bearer ${adminToken}` } });
      assert.equal(all.json().subscriptions[0].active, false);
    });
  });
}
