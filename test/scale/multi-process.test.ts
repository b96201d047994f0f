/**
 * Two `greenlist serve` processes on one database, as behind a load balancer: on SQLite
 * (one WAL file) and on PostgreSQL (GREENLIST_TEST_PG_URL). Both start at the same moment
 * on an empty database, so they migrate (and on SQLite load the demo) concurrently. Then:
 * a session opened on A is accepted by B and, signed out on B, refused by A; webhook
 * jobs enqueued once are delivered exactly once between the two job loops; a news item
 * published through A shows on B's public page within the data-version window, under a
 * new ETag; and neither process logs an error (a lock timeout, a failed job loop).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POSTGRES, SQLITE } from '../support/stores.ts';
import { startServeProcess, type ServeProcess } from '../support/serve-process.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { bindServerSecret } from '../../src/commands/certificates/server-secret.ts';
import { enqueueJob } from '../../src/store/repositories/jobs.ts';
import { WEBHOOK_JOB } from '../../src/commands/webhooks/webhook-outbox.ts';
import { todayInShanghai } from '../../src/domain/calendar/plain-date.ts';

const SECRET = 'multi-process-secret-multi-process-secret';
const PASSWORD = 'greenlist-demo';
const JOBS = 40;
/** How long after a commit in A a request to B may still show the old page (the version is cached 200 ms). */
const FRESHNESS_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it gives a value; fails after `timeoutMs`. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function signIn(url: string, email: string): Promise<{ cookie: string; csrf: string; token: string }> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, bearer: true }) });
  assert.equal(response.status, 200, await response.clone().text());
  const session = response.headers.getSetCookie().find((c) => c.startsWith('gl_session='));
  assert.ok(session, 'the answer sets the session cookie');
  const body = (await response.json()) as { csrfToken: string; token: string };
  return { cookie: session.split(';')[0]!, csrf: body.csrfToken, token: body.token };
}

/**
 * A webhook receiver that counts deliveries by id. It holds its answers until two
 * deliveries are in flight at once — each job loop delivers one job at a time, so that
 * proves both processes are working the queue together — or 5 s have passed.
 */
function startReceiver(): Promise<{ server: Server; url: string; received: Map<string, number>; overlapped: () => boolean }> {
  const received = new Map<string, number>();
  const held: (() => void)[] = [];
  let released = false;
  let overlapped = false;
  const release = () => {
    released = true;
    for (const answer of held.splice(0)) answer();
  };
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = String(request.headers['x-greenlist-delivery']);
      received.set(id, (received.get(id) ?? 0) + 1);
      const answer = () => response.end('ok');
      if (released) return answer();
      held.push(answer);
      if (held.length === 1) setTimeout(release, 5000).unref();
      if (held.length >= 2) {
        overlapped = true;
        release();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, overlapped: () => overlapped })));
}

for (const dialect of [SQLITE, POSTGRES]) {
  describe(`two app processes on one ${dialect.name} database`, { skip: dialect.skip && `${dialect.skip}: the PostgreSQL half of the multi-process test is skipped` }, () => {
    let a: ServeProcess;
    let b: ServeProcess;
    let store: Store;
    let drop: () => Promise<void>;
    const directories: string[] = [];

    before(async () => {
      const fresh = await dialect.freshConfig();
      drop = fresh.drop;
      const start = () => {
        const directory = mkdtempSync(join(tmpdir(), 'greenlist-multi-'));
        directories.push(directory);
        return startServeProcess({ database: fresh.config, dataDirectory: directory, secret: SECRET, env: { GREENLIST_DEMO: '1' } });
      };
      // Both at once, on an empty database: migrations, framework sync and (SQLite) the demo seed race.
      const started = await Promise.allSettled([start(), start()]);
      const failed = started.find((outcome) => outcome.status === 'rejected');
      if (failed !== undefined) {
        await Promise.all(started.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.stop() : undefined)));
        throw failed.reason;
      }
      [a, b] = started.map((outcome) => (outcome as PromiseFulfilledResult<ServeProcess>).value) as [ServeProcess, ServeProcess];
      store = openStore(fresh.config);
      bindServerSecret(store, SECRET);
      // `serve` loads the demo by itself only into the embedded database.
      if (fresh.config.kind === 'postgres') await seedDemo(store);
    });

    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await store?.close();
      await drop?.();
      for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    });

    test('both processes started on the empty database, and it was migrated and seeded once', async () => {
      const enterprises = await store.db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(enterprises.n), 240);
      const seeded = await store.db.selectFrom('audit_events').select('id').where('action', '=', 'demo.seeded').execute();
      assert.equal(seeded.length, 1);
      for (const server of [a, b]) assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    });

    test('a session opened on A is accepted by B; signed out on B, A refuses it', async () => {
      const session = await signIn(a.url, 'province@demo');
      const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie: session.cookie } });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { user: { email: string } }).user.email, 'province@demo');
      assert.equal((await fetch(`${a.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${session.token}` } })).status, 200);
      const logout = await fetch(`${b.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
      assert.equal(logout.status, 204);
      assert.equal((await fetch(`${a.url}/api/v1/auth/me`, { headers: { cookie: session.cookie } })).status, 401);
      assert.equal((await fetch(`${a.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${session.token}` } })).status, 401);
    });

    test('jobs enqueued once are run exactly once between the two job loops', async () => {
      const receiver = await startReceiver();
      try {
        const admin = await signIn(a.url, 'admin@demo');
        const subscribed = await fetch(`${b.url}/api/v1/webhooks`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ url: receiver.url, events: ['batch.published'] }) });
        assert.equal(subscribed.status, 201, await subscribed.clone().text());
        const subscriptionId = ((await subscribed.json()) as { subscription: { id: number } }).subscription.id;
        const deliveryIds = Array.from({ length: JOBS }, () => randomUUID());
        // One transaction from a third connection, as a command enqueues its outbox rows.
        await store.transaction(async (trx) => {
          for (const [index, deliveryId] of deliveryIds.entries()) {
            const body = JSON.stringify({ id: deliveryId, event: 'batch.published', occurredAt: new Date().toISOString(), data: { index } });
            await enqueueJob(trx, { kind: WEBHOOK_JOB, payload: { subscriptionId, deliveryId, event: 'batch.published', body }, uniqueKey: `multi-process:${deliveryId}` });
          }
        });
        const jobs = await eventually('every job done', async () => {
          const rows = await store.db.selectFrom('jobs').select(['status', 'attempts', 'claimed_by']).where('unique_key', 'like', 'multi-process:%').execute();
          return rows.length === JOBS && rows.every((row) => row.status === 'done') ? rows : undefined;
        });
        assert.deepEqual([...receiver.received.keys()].sort(), [...deliveryIds].sort(), 'every delivery arrived');
        assert.deepEqual([...new Set(receiver.received.values())], [1], 'and each arrived once');
        assert.ok(jobs.every((job) => job.attempts === 1), 'no job was claimed twice');
        const logged = await store.db.selectFrom('webhook_deliveries').select('delivery_id').where('subscription_id', '=', subscriptionId).execute();
        assert.equal(logged.length, JOBS, 'one delivery log row per job');
        assert.ok(receiver.overlapped(), 'two deliveries were in flight at once: both job loops worked the queue');
        const workers = new Set(jobs.map((job) => Number(String(job.claimed_by).split(':')[1])));
        assert.deepEqual([...workers].sort(), [a.child.pid!, b.child.pid!].sort(), 'jobs were claimed by both processes');
      } finally {
        await new Promise((resolve) => receiver.server.close(resolve));
      }
    });

    test('a news item published through A shows on B within the data-version window, under a new ETag', async () => {
      const before = await fetch(`${b.url}/news`);
      assert.equal(before.status, 200);
      const oldEtag = before.headers.get('etag')!;
      assert.equal((await fetch(`${b.url}/news`, { headers: { 'if-none-match': oldEtag } })).status, 304, 'B answers an unchanged page with 304');
      // One release, one set of validators: A gives the same ETag and honours B's (a load balancer may send the revalidation anywhere).
      const fromA = await fetch(`${a.url}/news`);
      assert.equal(fromA.headers.get('etag'), oldEtag, 'A and B agree on the ETag of an unchanged page');
      assert.equal((await fetch(`${a.url}/news`, { headers: { 'if-none-match': oldEtag } })).status, 304, 'A answers B’s ETag with 304');
      const admin = await signIn(a.url, 'admin@demo');
      const title = `多进程测试新闻 ${randomUUID().slice(0, 8)}`;
      const fields = { _csrf: admin.csrf, slug: `multi-process-${dialect.name}`, lang: 'zh-CN', title, summary: '两个应用进程共用一个数据库时的缓存一致性检查（测试）。', body: '第一段：两个应用进程共用一个数据库。\n\n第二段：一个进程发布，另一个进程在数据版本窗口内显示。', author: '测试编辑部', publishedOn: todayInShanghai(), programmeCode: 'green_factory', provinceCode: '', enterpriseId: '' };
      const published = await fetch(`${a.url}/workspace/admin/news`, { method: 'POST', redirect: 'manual', headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
      assert.equal(published.status, 303, await published.clone().text());
      const committed = Date.now();
      assert.ok((await (await fetch(`${a.url}/news`)).text()).includes(title), 'A shows it at once: its own commit cleared its cache');
      // Bounded by when a request *starts*, not by how long it takes on a loaded machine.
      const fresh = await eventually('B to show the news item', async () => {
        const started = Date.now();
        const response = await fetch(`${b.url}/news`);
        const html = await response.text();
        if (html.includes(title)) return response;
        assert.ok(started - committed < FRESHNESS_MS, `B still served the old page to a request started ${started - committed} ms after the commit`);
        return undefined;
      });
      assert.notEqual(fresh.headers.get('etag'), oldEtag);
      const revalidated = await fetch(`${b.url}/news`, { headers: { 'if-none-match': oldEtag } });
      assert.equal(revalidated.status, 200, 'the old ETag no longer matches on B');
      assert.ok((await revalidated.text()).includes(title));
    });

    test('neither process logged an error (a lock timeout, a failed job loop)', () => {
      for (const server of [a, b]) assert.doesNotMatch(server.output(), /"level":(50|60)/, server.output().slice(0, 2000));
    });
  });
}
