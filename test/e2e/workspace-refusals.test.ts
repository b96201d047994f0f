/**
 * What the workspace refuses, in a real browser: a workbook with mistakes (each listed by
 * sheet, row, column and reason; nothing stored), a form whose CSRF token was tampered
 * with, a sixth sign-in after five wrong passwords, and a Hubei reviewer opening a
 * Jiangxi application. Screenshots go to test-results/screenshots/workspace-refused-*.png.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, startBrowserApp, withBrowser, type BrowserApp } from '../support/browser.ts';
import { loadWorkbook, signIn, valueRow, workbookBuffer } from './workspace-steps.ts';

describe('workspace refusals in Chromium', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app?.close());

  test('a workbook with mistakes lists each by sheet, row and column, and stores nothing', async () => {
    const db = app.store.db;
    const plant = await db.selectFrom('enterprises').select('id').where('name_zh', '=', '江西蓝星星火有机硅有限公司').executeTakeFirstOrThrow();
    const factory = await db.selectFrom('factories').select('id').where('enterprise_id', '=', plant.id).executeTakeFirstOrThrow();
    const stored = async () => (await db.selectFrom('annual_data').select('document').where('factory_id', '=', factory.id).where('year', '=', 2025).executeTakeFirstOrThrow()).document;
    const before = await stored();
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await signIn(page, app.baseUrl, 'enterprise@demo', `/workspace/annual-data/${factory.id}/2025`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="template.xlsx"]')]);
      const workbook = await loadWorkbook((await download.path())!);
      const energy = workbook.getWorksheet('能源 energy')!;
      energy.getCell('A3').value = '煤气'; // row 3: a carrier the factor set does not know
      energy.getCell('B4').value = '约三百万'; // row 4: not a number
      energy.getCell('C5').value = 'm3'; // row 5: diesel in cubic metres
      const output = workbook.getWorksheet('产品与产值 output')!;
      output.getCell(`C${output.rowCount}`).value = '桶'; // the last product: an unknown unit
      valueRow(workbook.getWorksheet('其他 other')!, 'year').getCell(3).value = 2024;
      await page.setInputFiles('#workbook-file', { name: '有错误的工作簿.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbookBuffer(workbook) });
      await page.click('.upload-form button[type="submit"]');
      await page.locator('.upload-problems').waitFor();
      const rows = await page.locator('tr.upload-problem').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent?.trim())));
      assert.deepEqual(rows, [
        ['能源 energy', '3', 'A'],
        ['能源 energy', '4', 'B'],
        ['能源 energy', '5', 'C'],
        ['产品与产值 output', String(output.rowCount), 'C'],
        ['其他 other', '2', 'C'],
      ]);
      const reasons = (await page.locator('tr.upload-problem td:nth-child(4)').allTextContents()).join('\n');
      assert.match(reasons, /未知能源品种“煤气”/);
      assert.match(reasons, /unknown carrier "煤气"/, 'each reason in both languages');
      assert.match(reasons, /本表为2024年度数据，此处需要2025年度/);
      assert.equal(await stored(), before, 'nothing was stored');
      await screenshot(page, 'workspace-refused-workbook');
    });
  });

  test('a form with a tampered CSRF token is refused and changes nothing', async () => {
    const application = await app.store.db.selectFrom('applications').select('id').where('state', '=', 'city_review').orderBy('id').executeTakeFirstOrThrow();
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await signIn(page, app.baseUrl, 'city@demo', `/workspace/applications/${application.id}`);
      await page.locator('form.action-forward input[name="_csrf"]').evaluate((input) => ((input as unknown as { value: string }).value = 'forged-token'));
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/actions/forward')), page.click('form.action-forward button')]);
      assert.equal(response.status(), 403);
      assert.match((await page.locator('main').textContent()) ?? '', /CSRF/);
      await screenshot(page, 'workspace-refused-csrf');
      const after = await app.store.db.selectFrom('applications').select('state').where('id', '=', application.id).executeTakeFirstOrThrow();
      assert.equal(after.state, 'city_review');
    });
  });

  test('five wrong passwords lock the account: the right one is refused too', async () => {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      for (let attempt = 1; attempt <= 5; attempt++) {
        await page.goto(`${app.baseUrl}/login`);
        await page.fill('#login-email', 'expert2@demo');
        await page.fill('#login-password', `wrong-password-${attempt}`);
        await page.click('form.stacked-form button[type="submit"]');
        await page.locator('.form-error').waitFor();
      }
      await page.goto(`${app.baseUrl}/login`);
      await page.fill('#login-email', 'expert2@demo');
      await page.fill('#login-password', 'greenlist-demo');
      await page.click('form.stacked-form button[type="submit"]');
      assert.match((await page.locator('.form-error').textContent()) ?? '', /锁定/);
      assert.equal(new URL(page.url()).pathname, '/login');
      await screenshot(page, 'workspace-refused-lockout');
    });
  });

  test('a Hubei reviewer is refused a Jiangxi application and sees none in its queue', async () => {
    const jiangxi = await app.store.db.selectFrom('applications').select('id').where('province_code', '=', '360000').where('state', '=', 'province_review').orderBy('id').executeTakeFirstOrThrow();
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await signIn(page, app.baseUrl, 'hubei@demo', '/workspace/applications');
      const regions = await page.locator('table.queue-table tbody td:nth-child(2)').allTextContents();
      assert.ok(regions.length > 0 && regions.every((r) => r.startsWith('湖北省')), regions.join(','));
      await screenshot(page, 'workspace-hubei-queue');
      const response = await page.goto(`${app.baseUrl}/workspace/applications/${jiangxi.id}`);
      assert.equal(response?.status(), 403);
      assert.match((await page.locator('main').textContent()) ?? '', /无权/);
      await screenshot(page, 'workspace-refused-region');
    });
  });
});
