/**
 * axe-core inside Chromium on every public page, in Chinese and English: no serious or
 * critical violation. Each page is also saved as a screenshot to look at.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER_SKIP, screenshot, seriousAxeViolations, startBrowserApp, withBrowser, type BrowserApp } from '../support/browser.ts';

describe('accessibility of the public pages', { timeout: 300_000, skip: BROWSER_SKIP }, () => {
  let app: BrowserApp;
  let pages: string[];
  before(async () => {
    app = await startBrowserApp();
    const db = app.store.db;
    const plant = (await db.selectFrom('enterprises').select('id').where('name_zh', '=', '江西蓝星星火有机硅有限公司').executeTakeFirstOrThrow()).id;
    const open = (await db.selectFrom('notices').select('id').where('status', '=', 'open').executeTakeFirstOrThrow()).id;
    const closed = (await db.selectFrom('notices').select('id').where('status', '=', 'closed').executeTakeFirstOrThrow()).id;
    const news = (await db.selectFrom('news_items').select('slug').where('lang', '=', 'zh-CN').orderBy('id').executeTakeFirstOrThrow()).slug;
    const newsEn = (await db.selectFrom('news_items').select('slug').where('lang', '=', 'en').orderBy('id').executeTakeFirstOrThrow()).slug;
    pages = ['/', '/lists', '/lists?province=360000&sort=name', '/lists/national-factory-2025', '/search', '/search?q=星火', `/enterprises/${plant}`, '/notices', `/notices/${open}`, `/notices/${closed}`, `/notices/${open}/object`, '/news', `/news/${news}`, `/news/${newsEn}`, '/contact', '/contact/sent?ref=MSG-20261130-ABCDEF&kind=media', '/legal', '/links', '/open-data'];
  });
  after(() => app?.close());

  test('no serious or critical axe violation on any page, in either language', async () => {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      const failures: string[] = [];
      for (const path of pages) {
        for (const prefix of ['', '/en']) {
          const url = prefix === '' ? path : prefix + path;
          const response = await page.goto(app.baseUrl + url);
          assert.equal(response?.status(), 200, url);
          for (const v of await seriousAxeViolations(page)) failures.push(`${url}: ${v.id} (${v.impact}) ${v.help} — ${JSON.stringify(v.nodes)}`);
          await screenshot(page, `page${prefix.replace('/', '-')}${path.replace(/[^a-z0-9]+/gi, '-')}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  });

  test('the objection form with errors, and the confirmation, pass too', async () => {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      const open = (await app.store.db.selectFrom('notices').select('id').where('status', '=', 'open').executeTakeFirstOrThrow()).id;
      await page.goto(`${app.baseUrl}/notices/${open}/object`);
      await page.click('.stacked-form button[type="submit"]');
      await page.locator('.error-summary').waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      await screenshot(page, 'page-objection-errors');
      await page.selectOption('#entryId', { index: 1 });
      await page.fill('#fullName', '张三');
      await page.fill('#contact', '13800138000');
      await page.fill('#reason', '该企业存在数据造假嫌疑，请予核查。');
      await page.click('.stacked-form button[type="submit"]');
      await page.waitForURL(/received\?case=/);
      assert.deepEqual(await seriousAxeViolations(page), []);
      await screenshot(page, 'page-objection-received');
    });
  });
});
