/** Open data, feeds, the sitemap and the public JSON API on the demo data, on both databases. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { sql } from 'kysely';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { FIXED_PAGES } from '../../src/web/routes/sitemap.ts';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item', 'entry', 'xhtml:link'].includes(name) });
const ORIGIN = 'http://localhost:3000';

for (const dialect of DIALECTS) {
  describe(`open data, feeds and sitemap on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const count = async (where: string) => Number((await sql<{ n: number }>`select count(*) as n from list_entries e join batches b on b.id = e.batch_id where ${sql.raw(where)}`.execute(t.store.db)).rows[0]!.n);
    before(async () => {
      t = await startTestApp(dialect, { prepare: async (store) => void (await seedDemo(store)) });
    });
    after(() => t?.close());

    test('a batch as CSV reads back: BOM, "中文 / key" headers, one row per entry, removed ones included', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/open-data/batches/national-factory-4.csv' });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(response.headers['content-disposition'] as string, /attachment; filename="national-factory-4\.csv"/);
      assert.deepEqual([...response.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const rows = parse(response.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
      assert.equal(rows.length, await count(`b.slug = 'national-factory-4'`));
      assert.ok(rows.some((r) => r['企业名称 / name_zh'] === '江西蓝星星火有机硅有限公司' && r['状态 / status'] === 'listed' && r['省份 / province'] === '江西省'));
      assert.equal(rows.filter((r) => r['状态 / status'] === 'removed').length, 2, 'the demo removed two entries of the 4th batch');
      assert.ok(rows.every((r) => /^[0-9A-Z]{18}$/.test(r['统一社会信用代码 / credit_code']!)));
    });

    test('XLSX and JSON carry the same rows; the current list holds only listed and renamed entries', async () => {
      const xlsx = await t.app.inject({ method: 'GET', url: '/open-data/batches/national-factory-4.xlsx' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('list')!;
      assert.equal(sheet.rowCount - 1, await count(`b.slug = 'national-factory-4'`));
      assert.equal(sheet.getRow(1).getCell(8).value, '企业名称 / name_zh');
      const json = (await t.app.inject({ method: 'GET', url: '/open-data/current.json' })).json();
      assert.equal(json.entries.length, await count(`e.status in ('listed', 'renamed')`));
      assert.match(json.licence, /CC BY 4\.0/);
      assert.ok(json.entries.every((e: { status: string }) => e.status !== 'removed'));
      const diff = (await t.app.inject({ method: 'GET', url: '/open-data/batches/national-factory-2025/diff.json' })).json();
      const changes = diff.changes.map((c: { change: string }) => c.change);
      assert.deepEqual([changes.filter((c: string) => c === 'removed').length, changes.filter((c: string) => c === 'renamed').length], [2, 1]);
      assert.equal((await t.app.inject({ method: 'GET', url: '/open-data/batches/no-such.csv' })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/open-data/batches/national-factory-4.pdf' })).statusCode, 404);
      const again = await t.app.inject({ method: 'GET', url: '/open-data/current.csv', headers: { 'if-none-match': (await t.app.inject({ method: 'GET', url: '/open-data/current.csv' })).headers.etag as string } });
      assert.equal(again.statusCode, 304);
    });

    test('the feeds parse back; item ids are URLs; a province feed keeps its province', async () => {
      const rss = xml.parse((await t.app.inject({ method: 'GET', url: '/feed.xml' })).body);
      const items = rss.rss.channel.item as { title: string; link: string; guid: string | { '#text': string } }[];
      assert.ok(items.length >= 5);
      assert.ok(items.every((i) => i.link.startsWith(`${ORIGIN}/`)));
      assert.ok(items.some((i) => i.link === `${ORIGIN}/lists/national-factory-2025`), 'published batches are items');
      const atom = xml.parse((await t.app.inject({ method: 'GET', url: '/atom.xml' })).body);
      assert.ok((atom.feed.entry as { id: string }[]).every((e) => /^http:\/\/localhost:3000\//.test(e.id)));
      const json = (await t.app.inject({ method: 'GET', url: '/en/feed.json?province=420000&programme=green_factory' })).json();
      assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
      assert.equal(json.language, 'en');
      assert.match(json.title, /Hubei/);
      assert.equal(json.feed_url, `${ORIGIN}/en/feed.json?province=420000&programme=green_factory`);
      // Hubei's feed: no Jiangxi provincial or city batch, no Chinese news.
      assert.ok(json.items.every((i: { url: string }) => !/jiangxi|jiujiang/.test(i.url)), json.items.map((i: { url: string }) => i.url).join(' '));
      assert.ok(json.items.every((i: { url: string }) => i.url.startsWith(`${ORIGIN}/en/`)));
      const jiangxi = (await t.app.inject({ method: 'GET', url: '/feed.json?province=360000' })).json();
      assert.ok(jiangxi.items.some((i: { url: string }) => i.url.endsWith('/lists/jiangxi-factory-2025')));
      const bad = await t.app.inject({ method: 'GET', url: '/feed.xml?province=999999' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.path, 'province');
    });

    test('the sitemap names every public page in both languages, and each one answers', async () => {
      const index = xml.parse((await t.app.inject({ method: 'GET', url: '/sitemap.xml' })).body);
      const files = (index.sitemapindex.sitemap as { loc: string }[]).map((s) => s.loc.slice(ORIGIN.length));
      assert.deepEqual(files, ['/sitemaps/pages.xml', '/sitemaps/enterprises-1.xml']);
      const locs: string[] = [];
      for (const file of files) {
        const set = xml.parse((await t.app.inject({ method: 'GET', url: file })).body);
        for (const url of set.urlset.url as { loc: string; 'xhtml:link': unknown[] }[]) {
          locs.push(url.loc.slice(ORIGIN.length));
          assert.equal(url['xhtml:link'].length, 2, 'hreflang alternates for zh-CN and en');
        }
      }
      const db = t.store.db;
      const expected = [
        ...FIXED_PAGES,
        ...(await db.selectFrom('batches').select('slug').where('status', '=', 'published').execute()).map((b) => `/lists/${b.slug}`),
        ...(await db.selectFrom('notices').select('id').where('status', 'in', ['open', 'closed']).execute()).map((n) => `/notices/${n.id}`),
        ...(await db.selectFrom('news_items').select('slug').execute()).map((n) => `/news/${n.slug}`),
        ...(await db.selectFrom('enterprises').select('id').execute()).map((e) => `/enterprises/${e.id}`),
      ];
      const english = (path: string) => (path === '/' ? '/en/' : '/en' + path);
      assert.deepEqual([...locs].sort(), [...expected, ...expected.map(english)].sort());
      // Every page except the enterprises (checked by sampling: 240 × 2 pages) answers 200.
      const sample = locs.filter((l) => !l.includes('/enterprises/')).concat(locs.filter((l) => l.includes('/enterprises/')).slice(0, 6));
      for (const path of sample) assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 200, path);
      const robots = (await t.app.inject({ method: 'GET', url: '/robots.txt' })).body;
      assert.match(robots, /Sitemap: http:\/\/localhost:3000\/sitemap\.xml/);
      assert.match(robots, /Disallow: \/workspace/);
    });

    test('the JSON API: search, an enterprise record with KPIs, news', async () => {
      const search = (await t.app.inject({ method: 'GET', url: '/api/v1/enterprises?q=星火' })).json();
      assert.equal(search.items.length, 1);
      assert.equal(search.items[0].nameZh, '江西蓝星星火有机硅有限公司');
      const record = (await t.app.inject({ method: 'GET', url: `/api/v1/enterprises/${search.items[0].id}` })).json();
      assert.deepEqual(record.listings.map((l: { batch: string }) => l.batch).sort(), ['jiangxi-factory-2', 'national-factory-4']);
      assert.ok(record.kpis.length >= 3);
      assert.equal(typeof record.kpis[0].values.energyTce, 'number');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/enterprises/999999' })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/enterprises?q=' })).statusCode, 400);
      const news = (await t.app.inject({ method: 'GET', url: '/api/v1/news?lang=en&limit=2' })).json();
      assert.equal(news.items.length, 2);
      assert.ok(news.items.every((n: { lang: string; url: string }) => n.lang === 'en' && n.url.startsWith(`${ORIGIN}/en/news/`)));
      const item = (await t.app.inject({ method: 'GET', url: `/api/v1/news/${news.items[0].slug}` })).json();
      assert.equal(typeof item.body, 'string');
      const openapi = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      for (const path of ['/api/v1/enterprises', '/api/v1/enterprises/{id}', '/api/v1/news', '/api/v1/news/{slug}', '/api/v1/notices/{id}/objections']) assert.ok(openapi.paths[path], path);
    });
  });
}
