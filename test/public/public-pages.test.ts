/** The public pages over HTTP on the demo data, on both databases: content, language, errors, caching. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { openStore } from '../../src/store/store.ts';
import { VERSION_TTL_MS } from '../../src/store/queries/data-version.ts';

const HTML = { accept: 'text/html' };
export const PUBLIC_PAGES = ['/', '/lists', '/lists/national-factory-2025', '/search?q=星火', '/notices', '/news', '/news/dynamic-report-reminder-2026', '/contact', '/legal', '/links', '/open-data'];

for (const dialect of DIALECTS) {
  describe(`public pages on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let plantId: number;
    let openNoticeId: number;
    let closedNoticeId: number;
    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { ...HTML, ...headers } });
    before(async () => {
      t = await startTestApp(dialect, { prepare: async (store) => void (await seedDemo(store)) });
      plantId = (await t.store.db.selectFrom('enterprises').select('id').where('name_zh', '=', '江西蓝星星火有机硅有限公司').executeTakeFirstOrThrow()).id;
      openNoticeId = (await t.store.db.selectFrom('notices').select('id').where('status', '=', 'open').executeTakeFirstOrThrow()).id;
      closedNoticeId = (await t.store.db.selectFrom('notices').select('id').where('status', '=', 'closed').executeTakeFirstOrThrow()).id;
    });
    after(() => t?.close());

    test('every public page answers in Chinese and in English, and says it shows demo data', async () => {
      for (const path of [...PUBLIC_PAGES, `/enterprises/${plantId}`, `/notices/${openNoticeId}`, `/notices/${closedNoticeId}`, `/notices/${openNoticeId}/object`]) {
        const zh = await get(path);
        assert.equal(zh.statusCode, 200, path);
        assert.match(zh.body, /<html lang="zh-CN">/, path);
        assert.match(zh.body, /示例数据/, `${path} shows the demo banner`);
        const en = await get('/en' + path);
        assert.equal(en.statusCode, 200, `/en${path}`);
        assert.match(en.body, /<html lang="en">/, `/en${path}`);
        assert.match(en.body, /Demo data/, `/en${path}`);
        assert.doesNotMatch(en.body, /\b(lists|site|notice|search|enterprise)\.[a-z]+\.[a-zA-Z]+\b(?![^<]*>)/, `${path}: no raw catalogue key`);
      }
    });

    test('unknown batches, enterprises, notices and news are 404 pages', async () => {
      for (const path of ['/lists/no-such-batch', '/enterprises/999999', '/enterprises/abc', '/notices/999999', '/news/no-such-story', '/notices/1/objections/received?case=OBJ-2026-0001-9999']) {
        const response = await get(path);
        assert.equal(response.statusCode, 404, path);
        assert.match(response.body, /出错了/, path);
      }
    });

    test('the home page has open notices, charts with accessible names and data tables, news', async () => {
      const body = (await get('/')).body;
      assert.match(body, /2026年度绿色工厂名单公示/);
      assert.equal((body.match(/<svg class="chart-svg" role="img"/g) ?? []).length, 3, 'per batch, per province, per industry');
      assert.equal((body.match(/<details class="chart-data">/g) ?? []).length, 3);
      assert.match(body, /<th scope="row">江西省<\/th>/);
      assert.doesNotMatch(body, /<style|style="/, 'nothing the CSP would block');
    });

    test('a province filter keeps only that province; an industry filter only that division', async () => {
      const hubei = (await get('/lists?province=420000')).body;
      const regions = [...hubei.matchAll(/<td>(湖北省[^<]*|[^<]*省[^<]*市|北京市|上海市|天津市|重庆市)<\/td>/g)].map((m) => m[1]!);
      assert.ok(regions.length > 0);
      assert.ok(regions.every((r) => r.startsWith('湖北省')), regions.join(','));
      const chemicals = (await get('/lists?industry=26&sort=name&dir=asc')).body;
      const industries = [...chemicals.matchAll(/\((\d{4})\)<\/td>/g)].map((m) => m[1]!);
      assert.ok(industries.length > 0 && industries.every((code) => code.startsWith('26')), industries.join(','));
      // An unknown filter value is ignored, not an error.
      assert.equal((await get('/lists?province=999999&tier=moon')).statusCode, 200);
    });

    test('a batch page shows its diff: removals with reasons and the rename', async () => {
      const body = (await get('/lists/national-factory-2025')).body;
      assert.match(body, /未按期填报动态管理表/);
      assert.match(body, /发生较大及以上安全事故/);
      assert.match(body, /股份有限公司/);
      assert.match(body, /href="\/open-data\/batches\/national-factory-2025\.csv"/);
      assert.match(body, /href="\/open-data\/batches\/national-factory-2025\/diff\.csv"/);
      assert.match((await get('/en/lists/national-factory-2025')).body, /Against the previous list \(Green factories, 2024 list\)/);
    });

    test('search finds 星火 and marks it; the live fragment answers xinghuo by pinyin', async () => {
      const page = (await get('/search?q=星火')).body;
      assert.match(page, /江西蓝星<mark>星火<\/mark>有机硅有限公司/);
      const live = await get('/search/live?q=xinghuo', { 'hx-request': 'true' });
      assert.equal(live.statusCode, 200);
      assert.doesNotMatch(live.body, /<html/);
      assert.match(live.body, /Jiangxi Bluestar <mark>Xinghuo<\/mark>/);
      assert.match((await get('/search/live?q=')).body, /请输入查询内容/);
    });

    test('the enterprise page shows listings, published KPIs with trend charts, certificates and news', async () => {
      const body = (await get(`/enterprises/${plantId}`)).body;
      assert.match(body, /第四批绿色工厂名单/);
      assert.match(body, /江西省第二批绿色工厂名单/);
      assert.match(body, /综合能源消费量/);
      assert.equal((body.match(/<svg class="chart-svg" role="img"/g) ?? []).length, 2);
      assert.match(body, /江西蓝星星火有机硅有限公司入选国家级绿色工厂/);
    });

    test('an open notice links each candidate to the form; a closed one publishes outcomes, never the objector', async () => {
      const open = (await get(`/notices/${openNoticeId}`)).body;
      assert.match(open, new RegExp(`href="/notices/${openNoticeId}/object\\?entry=\\d+"`));
      const closed = (await get(`/notices/${closedNoticeId}`)).body;
      assert.match(closed, /OBJ-2026-\d{4}-0001/);
      assert.match(closed, /异议不成立/);
      assert.match(closed, /异议成立/);
      assert.doesNotMatch(closed, /示例异议人|objector@example/);
      assert.doesNotMatch(closed, /\/object\?entry=/, 'no objection links on a closed notice');
    });

    test('pages carry validators and answer conditional requests with 304', async () => {
      const first = await get('/lists');
      const etag = first.headers.etag as string;
      const lastModified = first.headers['last-modified'] as string;
      assert.match(etag, /^W\/"[\w-]+"$/);
      assert.ok(!Number.isNaN(Date.parse(lastModified)));
      assert.equal((await get('/lists', { 'if-none-match': etag })).statusCode, 304);
      assert.equal((await get('/lists', { 'if-modified-since': lastModified })).statusCode, 304);
      assert.equal((await get('/lists', { 'if-none-match': '"other"' })).statusCode, 200);
      // Each URL and language has its own validator.
      assert.notEqual((await get('/en/lists')).headers.etag, etag);
      // Any change (every change writes an audit event in its transaction) gives every page a new validator at once.
      await t.store.transaction((trx) => trx.insertInto('audit_events').values({ stream: 'system', seq: 999, at: new Date(Date.now() + 2000).toISOString(), actor_user_id: null, actor_label: 'test', action: 'test.changed', subject_type: 'test', subject_id: '1', enterprise_id: null, data: '{}', prev_hash: 'x', hash: 'y' }).execute());
      const after = await get('/lists', { 'if-none-match': etag, 'if-modified-since': lastModified });
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers.etag, etag);
      // A change committed by another process (here: another connection) shows once the version cache expires.
      const other = openStore(t.store.config);
      try {
        await other.transaction((trx) => trx.insertInto('audit_events').values({ stream: 'system', seq: 1000, at: new Date(Date.now() + 4000).toISOString(), actor_user_id: null, actor_label: 'test', action: 'test.changed', subject_type: 'test', subject_id: '2', enterprise_id: null, data: '{}', prev_hash: 'x', hash: 'z' }).execute());
      } finally {
        await other.close();
      }
      await new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 50));
      assert.notEqual((await get('/lists')).headers.etag, after.headers.etag);
      await t.store.db.deleteFrom('audit_events').where('action', '=', 'test.changed').execute();
    });
  });
}
