/**
 * Abuse over HTTP, on both databases: injection strings in every search and filter
 * (pages and API) change nothing and match nothing they should not; uploads judged by
 * their content, not their name; size limits; path traversal; rate limits with
 * `retry-after`; and the audit event each administrative action writes.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { runDueJobs } from '../../src/commands/jobs/job-runner.ts';
import '../../src/commands/jobs/handlers.ts';
import type { Database } from '../../src/store/schema.ts';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoCaller, publicCaller, SEED_DAY, type Caller } from './route-probes.ts';
import { NASTY } from './fuzz-surfaces.ts';

const INJECTIONS = ["' or 1=1 --", '%', '_', '\\', '"; drop table enterprises; --', '\u2018 or \u20181\u2019=\u20191', "1' union select email, password_hash from users --", '%25', '*', '[星]'];
/** [path, parameter, who]: every search box and filter of the site and the API. */
const FILTERS: [string, string, string?][] = [
  ['/search', 'q'], ['/search/live', 'q'], ['/api/v1/enterprises', 'q'],
  ...['province', 'city', 'industry', 'programme', 'year', 'tier', 'batch', 'sort', 'direction', 'page'].flatMap((p): [string, string][] => [['/lists', p], ['/api/v1/lists', p]]),
  ['/news', 'province'], ['/news', 'programme'], ['/api/v1/news', 'province'], ['/api/v1/news', 'programme'], ['/api/v1/batches', 'status'], ['/api/v1/batches', 'tier'], ['/api/v1/batches', 'programme'],
  ['/api/v1/notices', 'status'], ['/feed.xml', 'province'], ['/feed.xml', 'programme'], ['/verify', 'number'],
  ['/workspace/applications', 'state', 'national@demo'], ['/workspace/applications', 'programme', 'national@demo'], ['/workspace/applications', 'batch', 'national@demo'],
  ['/api/v1/applications', 'programme', 'national@demo'], ['/api/v1/users', 'q', 'admin@demo'], ['/workspace/dynamic-management', 'q', 'national@demo'], ['/workspace/dynamic-management', 'status', 'national@demo'],
  ['/api/v1/dynamic-reports', 'status', 'national@demo'], ['/api/v1/evaluations', 'state', 'evaluator@demo'], ['/api/v1/ehs/1/events', 'kind', 'enterprise@demo'], ['/api/v1/ehs/1/seal-points', 'unit', 'enterprise@demo'],
];
const COUNTED: (keyof Database & string)[] = ['enterprises', 'users', 'list_entries', 'applications', 'news_items', 'batches', 'sessions', 'audit_events'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

function multipart(fields: Record<string, string>, file?: { field: string; name: string; type: string; bytes: Uint8Array }): { payload: Buffer; 'content-type': string } {
  const boundary = '----greenlist-abuse';
  const parts: Uint8Array[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), 'content-type': `multipart/form-data; boundary=${boundary}` };
}

for (const dialect of DIALECTS) {
  describe(`abuse of the web faces on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const callers = new Map<string, Caller>();
    let client = 0;
    /** A fresh client address, so one test's rate limits do not answer another's requests. */
    const address = () => `10.77.${Math.floor(++client / 250)}.${client % 250}`;
    const counts = async () => Object.fromEntries(await Promise.all(COUNTED.map(async (table) => [table, Number((await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)])));
    before(async () => {
      t = await startTestApp(dialect, { prepare: (store) => seedDemo(store, { today: SEED_DAY }).then(() => undefined) });
      callers.set('public', await publicCaller(t.app));
      for (const email of ['admin@demo', 'national@demo', 'enterprise@demo', 'evaluator@demo']) callers.set(email, await demoCaller(t.store, email));
    });
    after(() => t?.close());

    test('injection strings in every search and filter answer 200 or 400, find nothing they should not, and change nothing', async () => {
      const before = await counts();
      const problems: string[] = [];
      for (const [path, parameter, who] of FILTERS) {
        for (const value of [...INJECTIONS, ...NASTY.slice(0, 12)]) {
          const url = `${path}?${new URLSearchParams({ [parameter]: value })}`;
          const response = await t.app.inject({ method: 'GET', url, headers: { accept: path.startsWith('/api/') ? 'application/json' : 'text/html', cookie: who === undefined ? '' : callers.get(who)!.headers.cookie! }, remoteAddress: address() });
          // /verify?number= sends the visitor on to /verify/{number}: a same-site redirect.
          const redirected = response.statusCode === 303 && String(response.headers.location).startsWith('/verify/');
          if (![200, 400].includes(response.statusCode) && !redirected) problems.push(`${url}: ${response.statusCode}`);
        }
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(await counts(), before);
      // Wildcards and quotes are text to the search: no enterprise is called "' or 1=1 --", "%" or "_".
      for (const q of ["' or 1=1 --", '%', '_', '%%', '\\']) {
        const found = (await t.app.inject({ method: 'GET', url: `/api/v1/enterprises?${new URLSearchParams({ q })}` })).json() as { items: unknown[]; total?: number };
        assert.equal(found.items.length, 0, `q=${q} matched ${found.items.length}`);
      }
      const users = (await t.app.inject({ method: 'GET', url: `/api/v1/users?${new URLSearchParams({ q: "' or 1=1 --" })}`, headers: { cookie: callers.get('admin@demo')!.headers.cookie! } })).json() as { users: unknown[] };
      assert.equal(users.users.length, 0);
    });

    test('uploads are judged by their content: HTML named .pdf is refused, a PDF named .txt is taken', async () => {
      const plant = await t.store.db.selectFrom('enterprises').select('id').orderBy('id').executeTakeFirstOrThrow();
      const enterprise = callers.get('enterprise@demo')!.headers;
      const upload = (bytes: Buffer, name: string, type: string) => t.app.inject({ method: 'POST', url: `/api/v1/ehs/${plant.id}/evidence-files`, headers: { ...enterprise, 'content-type': type, 'x-file-name': encodeURIComponent(name) }, payload: bytes });
      const files = async () => (await t.store.db.selectFrom('files').select('id').execute()).length;
      const stored = await files();
      const html = await upload(HTML, 'evidence.pdf', 'application/pdf');
      assert.equal(html.statusCode, 415, html.body);
      assert.equal(html.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
      assert.equal(await files(), stored, 'nothing stored');
      const pdf = await upload(PDF, 'evidence.txt', 'application/octet-stream');
      assert.equal(pdf.statusCode, 201, pdf.body);
      assert.equal(pdf.json().mediaType, 'application/pdf');
      // The public objection form: the same rule for its evidence.
      const notice = await t.store.db.selectFrom('notices').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();
      const entry = await t.store.db.selectFrom('notice_entries').select('id').where('notice_id', '=', notice.id).orderBy('position').executeTakeFirstOrThrow();
      const visitor = callers.get('public')!.headers;
      const object = (file: { name: string; bytes: Buffer }) => {
        const body = multipart({ _csrf: visitor['x-csrf-token']!, entryId: String(entry.id), fullName: '张三', contact: '13800000000', reason: '该企业去年发生过环境污染事件，请核查。' }, { field: 'evidence', type: 'application/pdf', ...file });
        return t.app.inject({ method: 'POST', url: `/notices/${notice.id}/objections`, headers: { accept: 'text/html', cookie: visitor.cookie!, 'content-type': body['content-type'] }, payload: body.payload, remoteAddress: address() });
      };
      const objections = async () => (await t.store.db.selectFrom('objections').select('id').execute()).length;
      const before = await objections();
      const refused = await object({ name: 'evidence.pdf', bytes: HTML });
      assert.ok([400, 415].includes(refused.statusCode), `${refused.statusCode}`);
      assert.equal(await objections(), before);
      const taken = await object({ name: 'evidence.txt', bytes: PDF });
      assert.equal(taken.statusCode, 303, taken.body.slice(0, 300));
      assert.equal(await objections(), before + 1);
    });

    test('bodies and files over their limits answer 413 and store nothing', async () => {
      const big = await t.app.inject({ method: 'POST', url: '/api/v1/kpis', headers: { 'content-type': 'application/json' }, payload: `{"year":2025,"pad":"${'x'.repeat(2 * 1024 * 1024)}"}` });
      assert.equal(big.statusCode, 413);
      assert.equal(big.json().error.code, 'PAYLOAD_TOO_LARGE');
      const plant = await t.store.db.selectFrom('enterprises').select('id').orderBy('id').executeTakeFirstOrThrow();
      const files = (await t.store.db.selectFrom('files').select('id').execute()).length;
      const huge = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]);
      const tooBig = await t.app.inject({ method: 'POST', url: `/api/v1/ehs/${plant.id}/evidence-files`, headers: { ...callers.get('enterprise@demo')!.headers, 'content-type': 'application/pdf' }, payload: huge });
      assert.equal(tooBig.statusCode, 413);
      assert.equal((await t.store.db.selectFrom('files').select('id').execute()).length, files);
      const form = await t.app.inject({ method: 'POST', url: '/contact', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: callers.get('public')!.headers.cookie! }, payload: `_csrf=${callers.get('public')!.headers['x-csrf-token']}&body=${'x'.repeat(2 * 1024 * 1024)}`, remoteAddress: address() });
      assert.equal(form.statusCode, 413);
    });

    test('no path reaches a file outside what is published', async () => {
      const attempts = ['/assets/../package.json', '/assets/..%2fpackage.json', '/assets/%2e%2e%2fpackage.json', '/assets/..%5c..%5cpackage.json', '/open-data/..%2f..%2fpackage.json', '/open-data/batches/..%2f..%2fx.csv', '/open-data/batches/..%2f..%2f..%2fpackage.json', '/open-data/batches/national-factory-2025/..%2f..%2fpackage.json', '/sitemaps/..%2f..%2fpackage.json', '/api/v1/ehs/1/evidence-files/..%2f..%2fpackage.json', '/workspace/applications/1/evidence/..%2f..%2fsecret', '/frameworks/..%2f..%2fpackage.json', '/news/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json'];
      for (const url of attempts) {
        const response = await t.app.inject({ method: 'GET', url, headers: { cookie: callers.get('enterprise@demo')!.headers.cookie! } });
        assert.ok([400, 404].includes(response.statusCode), `${url}: ${response.statusCode}`);
        assert.doesNotMatch(response.body, /"devDependencies"|"name": "greenlist"|BEGIN PRIVATE KEY/, url);
      }
    });

    test('sign-in, objections and the contact form are rate-limited per client, with retry-after', async () => {
      const limited = async (send: (remoteAddress: string) => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>, limit: number, what: string) => {
        const from = address();
        for (let i = 0; i < limit; i++) assert.notEqual((await send(from)).statusCode, 429, `${what}: request ${i + 1} of ${limit}`);
        const refused = await send(from);
        assert.equal(refused.statusCode, 429, what);
        assert.ok(Number(refused.headers['retry-after']) > 0, `${what}: retry-after ${refused.headers['retry-after']}`);
        assert.notEqual((await send(address())).statusCode, 429, `${what}: another client is not refused`);
      };
      await limited((remoteAddress) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@demo', password: 'x' }, remoteAddress }), 20, 'API sign-in');
      const visitor = callers.get('public')!.headers;
      const form = (payload: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', cookie: visitor.cookie!, payload: new URLSearchParams({ _csrf: visitor['x-csrf-token']!, ...payload }).toString() });
      await limited((remoteAddress) => { const f = form({ email: 'nobody@demo', password: 'x' }); return t.app.inject({ method: 'POST', url: '/login', headers: { 'content-type': f['content-type'], cookie: f.cookie }, payload: f.payload, remoteAddress }); }, 30, 'sign-in page');
      await limited((remoteAddress) => { const f = form({ kind: 'contact' }); return t.app.inject({ method: 'POST', url: '/contact', headers: { 'content-type': f['content-type'], cookie: f.cookie }, payload: f.payload, remoteAddress }); }, 5, 'contact form');
      const notice = await t.store.db.selectFrom('notices').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();
      await limited((remoteAddress) => t.app.inject({ method: 'POST', url: `/api/v1/notices/${notice.id}/objections`, payload: { entryId: 0, fullName: '', contact: '', reason: '' }, remoteAddress }), 10, 'objections');
    });

    test('administrative actions each write an audit event naming who did them', async () => {
      const admin = callers.get('admin@demo')!;
      const national = callers.get('national@demo')!;
      const json = (caller: Caller, method: 'POST', url: string, payload: object) => t.app.inject({ method, url, headers: caller.headers, payload });
      const form = (caller: Caller, url: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: { ...caller.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
      const newBatch = async () => (await json(admin, 'POST', '/api/v1/batches', { programmeCode: 'green_factory', year: 2031 })).json().id as number;
      // The notice of the 2026 batch closes by its job; then the batch can be published.
      await runDueJobs(t.store, { at: '2027-03-01T00:00:00.000Z' });
      for (const objection of await t.store.db.selectFrom('objections').select(['id', 'notice_id']).where('status', '=', 'received').execute()) {
        const decided = await json(national, 'POST', `/api/v1/notices/${objection.notice_id}/objection-cases/${objection.id}/decision`, { outcome: 'dismissed', note: '经核查，异议不成立。' });
        assert.equal(decided.statusCode, 200, decided.body);
      }
      const certificate = (await t.store.db.selectFrom('certificates').select('number').where('status', '<>', 'revoked').orderBy('id').executeTakeFirstOrThrow()).number;
      const actions: [string, string, Caller, () => Promise<{ statusCode: number; body: string }>][] = [
        ['creating a user', 'user.created', admin, () => json(admin, 'POST', '/api/v1/users', { email: 'reviewer@audit.example', displayName: '审计测试', password: 'a-long-password', role: 'province', authorityId: 2 })],
        ['publishing news', 'news.published', admin, () => form(admin, '/workspace/admin/news', { slug: '2027-audit-news', lang: 'zh-CN', title: '2027年度绿色工厂申报工作启动（审计测试）', summary: '工业和信息化部启动2027年度绿色工厂梯度培育申报工作（示例）。', body: '第一段：申报条件与程序。\n\n第二段：时间安排，推荐截止7月31日。', author: '示例编辑部', publishedOn: '2026-12-01', programmeCode: 'green_factory', provinceCode: '', enterpriseId: '' })],
        ['pinning a framework', 'batch.updated', admin, async () => form(admin, '/workspace/admin/frameworks/pin', { batchId: String(await newBatch()), frameworkId: 'gbt36132-2018@2018.1' })],
        ['publishing a batch', 'batch.published', national, () => json(national, 'POST', '/api/v1/batches/national-factory-2026/publish', {})],
        ['revoking a certificate', 'certificate.revoked', national, () => json(national, 'POST', `/api/v1/certificates/${certificate}/revoke`, { reason: '审计测试：撤销' })],
        ['rotating a signing key', 'signing-key.', admin, () => json(admin, 'POST', '/api/v1/signing-keys', { authorityCode: 'MIIT', reason: 'audit test' })],
        ['creating a webhook', 'webhook.created', admin, () => json(admin, 'POST', '/api/v1/webhooks', { url: 'https://receiver.example/audit', events: ['batch.published'] })],
      ];
      for (const [what, action, caller, act] of actions) {
        const since = (await t.store.db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0;
        const response = await act();
        assert.ok(response.statusCode < 400, `${what}: ${response.statusCode} ${response.body.slice(0, 300)}`);
        const written = await t.store.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('id', '>', Number(since)).where('action', 'like', `${action}%`).execute();
        assert.ok(written.length >= 1, `${what} writes ${action}`);
        assert.ok(written.every((event) => event.actor_user_id === (caller.actor.kind === 'user' ? caller.actor.userId : null)), `${what}: the event names the user`);
      }
    });
  });
}
