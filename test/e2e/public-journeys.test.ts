/**
 * The public journeys in a real browser (Chromium, JavaScript on): search 星火 and open
 * the plant, filter a list, download a batch as CSV and read it back, object to an entry
 * and see the case number, switch to English. Screenshots go to test-results/screenshots/.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { BROWSER_SKIP, screenshot, startBrowserApp, withBrowser, type BrowserApp } from '../support/browser.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('public journeys in Chromium', { timeout: 180_000, skip: BROWSER_SKIP }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app?.close());

  test('typing 星火 shows live results with the match marked; the hit opens the plant', async () => {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/search`);
      await page.locator('#search-q').pressSequentially('星火', { delay: 30 });
      const hit = page.locator('#search-results a.hit-name');
      await hit.first().waitFor();
      assert.equal(await page.locator('#search-results mark').first().textContent(), '星火');
      assert.equal(new URL(page.url()).pathname, '/search', 'the results came in place, without a page load');
      await screenshot(page, 'journey-search-live');
      await hit.first().click();
      await page.waitForURL(/\/enterprises\/\d+$/);
      assert.equal(await page.locator('h1').textContent(), '江西蓝星星火有机硅有限公司');
      await screenshot(page, 'journey-enterprise');
    });
  });

  test('filtering the lists by province keeps only that province', async () => {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/lists`);
      await page.selectOption('#f-province', '420000');
      await page.click('.filter-form button[type="submit"]');
      await page.waitForURL(/province=420000/);
      const regions = await page.locator('#entries-heading ~ .table-scroll tbody tr td:nth-child(2)').allTextContents();
      assert.ok(regions.length > 0);
      assert.ok(regions.every((r) => r.startsWith('湖北省')), regions.join(','));
      // The city list now offers Hubei's cities.
      assert.ok((await page.locator('#f-city option').allTextContents()).includes('武汉市'));
      await screenshot(page, 'journey-lists-filtered');
    });
  });

  test('a batch downloads as CSV that reads back with its Chinese headers', async () => {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/lists/national-factory-4`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('p.downloads >> text=CSV')]);
      assert.equal(download.suggestedFilename(), 'national-factory-4.csv');
      const bytes = readFileSync((await download.path())!);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
      const shown = await page.locator('p.result-count').first().textContent();
      assert.equal(`共 ${rows.length} 条`, shown);
      assert.ok(rows.some((r) => r['企业名称 / name_zh'] === '江西蓝星星火有机硅有限公司'));
      await screenshot(page, 'journey-batch');
    });
  });

  test('an objection with evidence gets a case number', async () => {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/notices`);
      await page.click('.notice-card h3 a');
      await screenshot(page, 'journey-notice-open');
      await page.locator('a[href*="/object?entry="]').first().click();
      await page.fill('#fullName', '张三');
      await page.fill('#contact', 'zhangsan@example.org');
      await page.fill('#reason', '该企业2026年因超标排放被生态环境部门处罚，不符合绿色工厂条件。');
      await page.setInputFiles('#evidence', { name: '处罚决定书.png', mimeType: 'image/png', buffer: PNG });
      await screenshot(page, 'journey-objection-form');
      await page.click('.stacked-form button[type="submit"]');
      await page.waitForURL(/\/objections\/received\?case=/);
      const caseNumber = await page.locator('#case-number').textContent();
      assert.match(caseNumber ?? '', /^OBJ-\d{4}-\d{4}-\d{4}$/);
      await screenshot(page, 'journey-objection-received');
    });
  });

  test('the language switch gives the same page in English', async () => {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/lists/national-factory-2025`);
      await page.click('a.lang-switch');
      await page.waitForURL(/\/en\/lists\/national-factory-2025$/);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.locator('h1').textContent(), 'Green factories, 2025 list');
      await screenshot(page, 'journey-english-batch');
      await page.click('a.lang-switch');
      await page.waitForURL(/\/lists\/national-factory-2025$/);
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    });
  });
});
