/**
 * Imports over HTTP on both databases: a province reviewer uploads a file (multipart,
 * CSRF header with a cookie session), gets 202 and the import's id, the job runs it, and
 * GET reports the result; others may not read it; wrong uploads are refused with the
 * error table's codes; the template downloads.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { openDynamicReports } from '../../src/commands/dynamic-reports/open-dynamic-reports.ts';
import { runDueJobs } from '../../src/commands/jobs/job-runner.ts';
import '../../src/commands/jobs/handlers.ts';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { apiLogin } from '../support/http.ts';
import { SEED_DAY, SYSTEM } from '../pipeline/pipeline-support.ts';
import { reportsOf, tempFolder, type Folder, type OpenReport } from './import-fixtures.ts';

function multipart(fileName: string, content: string, type = 'text/csv'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----greenlist-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const dialect of DIALECTS) {
  describe(`imports over HTTP on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let folder: Folder;
    let jiangxi: OpenReport[];
    before(async () => {
      folder = tempFolder();
      t = await startTestApp(dialect, {
        config: { dataDirectory: folder.path },
        prepare: async (store) => {
          await seedDemo(store, { today: SEED_DAY });
          const national = (await store.db.selectFrom('authorities').select('id').where('level', '=', 'national').executeTakeFirstOrThrow()).id;
          await openDynamicReports(store, SYSTEM, { authorityId: national, year: 2026 });
          jiangxi = (await reportsOf(store, 2026, national)).filter((r) => r.provinceCode === '360000');
        },
      });
    });
    after(async () => {
      await t?.close();
      folder?.remove();
    });

    test('a province reviewer uploads a file, the job files it, and GET tells progress and result to the sender only', async () => {
      const province = await apiLogin(t.app, 'province@demo');
      const content = ['credit_code,year,list_entry_id,natural_gas_m3', ...jiangxi.map((r, k) => `${r.creditCode},2026,${r.entryId},${10_000 + k}`)].join('\n');
      const upload = multipart('江西2026动态管理表.csv', content);
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload: upload.payload, headers: { ...upload.headers, cookie: province.cookie } });
      assert.equal(refused.statusCode, 403, 'a cookie session must send its CSRF token');
      assert.equal(refused.json().error.code, 'CSRF');

      const accepted = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload: upload.payload, headers: { ...upload.headers, ...province.headers } });
      assert.equal(accepted.statusCode, 202, accepted.body);
      const queued = accepted.json();
      assert.deepEqual([queued.status, queued.fileName, queued.format, queued.sentBy], ['queued', '江西2026动态管理表.csv', 'csv', 'province@demo']);
      assert.equal(accepted.headers.location, `/api/v1/imports/${queued.id}`);

      assert.equal((await runDueJobs(t.store)).failed, 0);
      const done = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${queued.id}`, headers: province.headers });
      assert.equal(done.statusCode, 200);
      const view = done.json();
      assert.deepEqual([view.status, view.result, view.progress.percent, view.progress.rowsTotal, view.errorCount], ['done', { filed: jiangxi.length, amended: 0, unchanged: 0 }, 100, jiangxi.length, 0]);
      assert.equal(view.sha256.length, 64);

      const hubei = await apiLogin(t.app, 'hubei@demo');
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/imports/${queued.id}`, headers: hubei.headers })).statusCode, 403);
      const admin = await apiLogin(t.app, 'admin@demo');
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/imports/${queued.id}`, headers: admin.headers })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/imports/${queued.id}` })).statusCode, 401);
    });

    test('a file with errors: the job marks the import failed and GET lists each error', async () => {
      const national = await apiLogin(t.app, 'national@demo');
      const upload = multipart('bad.csv', `credit_code,year,electricity_kwh\n${jiangxi[0]!.creditCode},2026,-1\n`);
      const accepted = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload: upload.payload, headers: { ...upload.headers, ...national.headers } });
      await runDueJobs(t.store);
      const view = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${accepted.json().id}`, headers: national.headers })).json();
      assert.deepEqual([view.status, view.result, view.errorCount], ['failed', null, 1]);
      assert.deepEqual(view.errors, [{ row: 2, column: 'electricity_kwh', reason: 'must not be negative, got -1 / 不得为负数' }]);
    });

    test('wrong uploads are refused with the error table’s codes; a city reviewer may not import', async () => {
      const national = await apiLogin(t.app, 'national@demo');
      const text = multipart('notes.txt', 'hello', 'text/plain');
      const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload: text.payload, headers: { ...text.headers, ...national.headers } });
      assert.deepEqual([wrongType.statusCode, wrongType.json().error.code], [415, 'UNSUPPORTED_MEDIA_TYPE']);
      const json = await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload: { file: 'x' }, headers: national.headers });
      assert.equal(json.statusCode, 415);
      const city = await apiLogin(t.app, 'city@demo');
      const csv = multipart('a.csv', 'credit_code,year\n');
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/imports', payload: csv.payload, headers: { ...csv.headers, ...city.headers } })).statusCode, 403);
    });

    test('the template downloads as CSV v1 with the reports the user may import, and the API is in the OpenAPI document', async () => {
      const province = await apiLogin(t.app, 'province@demo');
      const template = await t.app.inject({ method: 'GET', url: '/api/v1/imports/templates/dynamic-reports?year=2026', headers: province.headers });
      assert.equal(template.statusCode, 200);
      assert.match(template.headers['content-type'] as string, /^text\/csv/);
      const lines = template.body.replace(/^\ufeff/, '').trim().split(/\r?\n/);
      assert.match(lines[0]!, /^统一社会信用代码 \/ credit_code,数据年度 \/ year,名单条目编号 \/ list_entry_id,/);
      assert.equal(lines.length - 1, jiangxi.length, 'Jiangxi’s reports only');
      const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      assert.ok(spec.paths['/api/v1/imports'].post);
      assert.ok(spec.paths['/api/v1/imports/{id}'].get);
    });
  });
}
