/**
 * The story in a real browser, across roles: the silicone plant's staff downloads the
 * annual-data workbook, fills it (Chinese product name included) and uploads it, watches
 * the KPIs update as a value is typed, submits and engages an evaluator; the evaluator
 * declares no conflict, records verified values and signs; the city forwards, the
 * province recommends; the ministry forms a panel, three experts score; the ministry puts
 * the plant on the 15-day notice; the scheduler closes it; the ministry previews and
 * publishes the batch — and the public list shows the plant. Screenshots of each step go
 * to test-results/screenshots/workspace-*.png.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runDueJobs } from '../../src/commands/jobs/job-runner.ts';
import '../../src/commands/jobs/handlers.ts';
import type { Page } from 'playwright-core';
import { screenshot, seriousAxeViolations, startBrowserApp, withBrowser, type BrowserApp } from '../support/browser.ts';
import { loadWorkbook, signIn, signOut, valueRow, workbookBuffer } from './workspace-steps.ts';

const PLANT = '江西蓝星星火有机硅有限公司';

/** A screenshot to look at, and no serious or critical accessibility violation (axe-core). */
async function capture(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  assert.deepEqual(await seriousAxeViolations(page), [], name);
}

describe('the national path through the workspace, in Chromium', { timeout: 300_000 }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app?.close());

  test('from the uploaded workbook to the published national list', async () => {
    const db = app.store.db;
    const plant = await db.selectFrom('enterprises').select('id').where('name_zh', '=', PLANT).executeTakeFirstOrThrow();
    const factory = await db.selectFrom('factories').select('id').where('enterprise_id', '=', plant.id).orderBy('id').executeTakeFirstOrThrow();
    const draft = await db.selectFrom('applications').select(['id', 'batch_id', 'data_year']).where('enterprise_id', '=', plant.id).where('state', '=', 'draft').executeTakeFirstOrThrow();
    const batch = await db.selectFrom('batches').select(['id', 'slug']).where('id', '=', draft.batch_id!).executeTakeFirstOrThrow();
    const year = draft.data_year;
    const base = app.baseUrl;

    await withBrowser(async (context) => {
      const page = await context.newPage();

      // The enterprise: the workbook down and back up, live KPIs, submit, engage the evaluator.
      await signIn(page, base, 'enterprise@demo', '/workspace/enterprise');
      await capture(page, 'workspace-enterprise-home');
      await page.click(`a[href="/workspace/annual-data/${factory.id}/${year}"]`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="template.xlsx"]')]);
      const workbook = await loadWorkbook((await download.path())!);
      const energy = workbook.getWorksheet('能源 energy')!;
      assert.equal(energy.getCell('A2').value, '电力 electricity', 'the template comes filled with the saved year');
      energy.getCell('B2').value = 98_000_000; // electricity, kWh: the year as re-metered
      const output = workbook.getWorksheet('产品与产值 output')!;
      const products = output.getRow(output.rowCount + 1);
      products.getCell(1).value = '硅橡胶（混炼胶）';
      products.getCell(2).value = 12_500;
      products.getCell(3).value = 't';
      valueRow(workbook.getWorksheet('水 water')!, 'reusedM3').getCell(3).value = 96_000_000;
      await page.setInputFiles('#workbook-file', { name: '年度数据.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbookBuffer(workbook) });
      await Promise.all([page.waitForURL(/done=workbookSaved/), page.click('.upload-form button[type="submit"]')]);
      assert.equal(await page.inputValue('#f-energy-0-quantity'), '98000000');
      assert.equal(await page.inputValue('#f-output-products-1-name'), '硅橡胶（混炼胶）', 'the Chinese product name came through');
      const saved = JSON.parse((await db.selectFrom('annual_data').select('document').where('factory_id', '=', factory.id).where('year', '=', year).executeTakeFirstOrThrow()).document);
      assert.deepEqual(saved.output.products.map((p: { name: string }) => p.name), ['有机硅单体', '硅橡胶（混炼胶）']);
      assert.equal(saved.water.reusedM3, 96_000_000);
      await capture(page, 'workspace-annual-data-uploaded');

      // Typing a value re-scores in place (htmx): 98 000 000 kWh → 10 000 000 kWh lowers energyTce.
      const energyCell = page.locator('#kpi-panel tr:has(.kpi-key:text-is("energyTce")) td.number');
      const before = await energyCell.textContent();
      await page.fill('#f-energy-0-quantity', '10000000');
      await energyCell.filter({ hasNotText: before ?? '' }).waitFor();
      assert.notEqual(await energyCell.textContent(), before);
      assert.match(new URL(page.url()).search, /done=workbookSaved/, 'the panel changed in place, without a page load');
      await page.locator('#kpi-panel details.kpi-trace').first().locator('summary').click();
      await screenshot(page, 'workspace-annual-data-live');

      await page.goto(`${base}/workspace/applications/${draft.id}`);
      await Promise.all([page.waitForURL(/done=actionTaken/), page.click('form.action-submit button')]);
      await page.selectOption('#engage-org', { index: 0 });
      await Promise.all([page.waitForURL(/done=actionTaken/), page.click('form[action$="/actions/engage-evaluator"] button')]);
      assert.match((await page.locator('.lead .status').first().textContent()) ?? '', /第三方评价中/);
      await capture(page, 'workspace-application-engaged');
      await signOut(page);

      // The evaluator: conflict declaration, verified values beside the declared ones, PDF, sign-off.
      await signIn(page, base, 'evaluator@demo', '/workspace/engagements');
      await page.click(`a:text-is("${PLANT}")`);
      await page.fill('#statement', '本机构与申报企业无任何股权、咨询或亲属关系，不存在利益冲突。');
      await Promise.all([page.waitForURL(/done=engagementAccepted/), page.click('form[action$="/accept"] button')]);
      await page.fill('#f-water-reusedM3', '90000000');
      await Promise.all([page.waitForURL(/done=verifiedRecorded/), page.click('form.verified-form button[type="submit"]')]);
      assert.ok((await page.locator('table.comparison tr.differs').count()) >= 1, 'the changed value is marked');
      await capture(page, 'workspace-evaluator-compare');
      const pdf = await page.request.get(`${base}${(await page.locator('a[href$="report.pdf"]').first().getAttribute('href'))!}`);
      assert.equal(pdf.status(), 200);
      assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
      await Promise.all([page.waitForURL(/done=evaluationSigned/), page.click('form[action$="/sign"] button')]);
      await signOut(page);

      // City forwards, province recommends.
      for (const [email, action] of [['city@demo', 'forward'], ['province@demo', 'recommend']] as const) {
        await signIn(page, base, email, '/workspace/applications');
        await page.goto(`${base}/workspace/applications/${draft.id}`);
        await page.fill(`#reason-${action}`, '材料齐全，指标达标。');
        await Promise.all([page.waitForURL(/done=actionTaken/), page.click(`form.action-${action} button`)]);
        await screenshot(page, `workspace-${action}`);
        await signOut(page);
      }

      // The ministry forms a panel of the three demo experts.
      await signIn(page, base, 'national@demo', '/workspace');
      await capture(page, 'workspace-national-dashboard');
      await page.goto(`${base}/workspace/panels?application=${draft.id}`);
      await page.fill('#p-name', '2027年度国家级评审第二组');
      await Promise.all([page.waitForURL(/done=panelCreated/), page.click('form[action="/workspace/panels"] button[type="submit"]')]);
      await signOut(page);
      for (const [email, score] of [['expert@demo', '82'], ['expert2@demo', '75'], ['expert3@demo', '88']] as const) {
        await signIn(page, base, email, '/workspace/panels');
        const card = page.locator('article.assignment', { hasText: PLANT });
        await card.locator('input[name="score"]').fill(score);
        await card.locator('textarea[name="comment"]').fill('能源与资源指标达到引领值，材料齐全。');
        await Promise.all([page.waitForURL(/done=reviewSubmitted/), card.locator('form:has(input[value="score"]) button').click()]);
        if (email === 'expert3@demo') {
          assert.match((await page.locator('article.assignment', { hasText: PLANT }).textContent()) ?? '', /通过（82 分）/, 'the median of 75, 82, 88');
          await capture(page, 'workspace-expert-consensus');
        }
        await signOut(page);
      }

      // The ministry puts the plant on the 15-day notice.
      await signIn(page, base, 'national@demo', '/workspace');
      await page.goto(`${base}/workspace/notices?batch=${batch.id}&application=${draft.id}`);
      await Promise.all([page.waitForURL(/\/workspace\/notices\/\d+\?done=noticeOpened/), page.click('form[method="post"][action="/workspace/notices"] button[type="submit"]')]);
      await capture(page, 'workspace-notice');
      const noticeId = Number(/\/workspace\/notices\/(\d+)/.exec(page.url())![1]);

      // The scheduler closes it the day after its last day (Beijing time).
      const job = await db.selectFrom('jobs').select('run_at').where('unique_key', '=', `notice.close:${noticeId}`).executeTakeFirstOrThrow();
      assert.equal((await runDueJobs(app.store, { at: job.run_at })).failed, 0);

      // Preview with its diff, then publish.
      await page.goto(`${base}/workspace/batches/${batch.id}`);
      assert.match((await page.locator('.diff-added').allTextContents()).join(), new RegExp(PLANT));
      await capture(page, 'workspace-batch-preview');
      await Promise.all([page.waitForURL(/done=batchPublished/), page.click('form[action$="/publish"] button')]);
      await screenshot(page, 'workspace-batch-published');
      await page.goto(`${base}/workspace/applications/${draft.id}`);
      assert.match((await page.locator('.lead .status').first().textContent()) ?? '', /已列入国家级名单/);
      assert.match((await page.locator('.history-list').textContent()) ?? '', /发布名单，正式列入/);
      await capture(page, 'workspace-application-listed');
      await signOut(page);

      // The public list shows it.
      await page.goto(`${base}/lists/${batch.slug}`);
      assert.ok((await page.locator('main').textContent())?.includes(PLANT));
      await screenshot(page, 'workspace-public-list');
    });
  });
});
