/**
 * The strict Content Security Policy and output escaping in a real browser (Chromium,
 * JavaScript on): every public page and the main workspace pages of an enterprise, a
 * reviewer and an administrator load without one `securitypolicyviolation` event, and
 * with records named `<script>alert(1)</script>"' onmouseover=x` (an enterprise on the
 * open notice, a news item, an objection, a contact message, an EHS hazard) no dialog
 * ever opens — the names show as text. The live search (htmx) is exercised too.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { SQLITE } from '../support/stores.ts';
import { BROWSER_SKIP, screenshot, withBrowser } from '../support/browser.ts';
import { HOSTILE, plantHostileRecords, type HostileRecords } from '../security/hostile-records.ts';
import { signIn } from './workspace-steps.ts';

/** Runs in every page before its own scripts (the tsconfig has no DOM types: plain text). */
const RECORD_VIOLATIONS = `window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber));`;
const TAKE_VIOLATIONS = 'window.cspViolations ? window.cspViolations.splice(0) : []';

describe('CSP and escaping in Chromium', { timeout: 240_000, skip: BROWSER_SKIP }, () => {
  let app: TestApp;
  let baseUrl: string;
  let hostile: HostileRecords;
  let factoryId: number;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'greenlist-e2e-security-'));
  before(async () => {
    app = await startTestApp(SQLITE, {
      prepare: async (store) => {
        await seedDemo(store);
        hostile = await plantHostileRecords(store);
      },
      config: { dataDirectory },
    });
    baseUrl = await app.app.listen({ port: 0, host: '127.0.0.1' });
    factoryId = (await app.store.db.selectFrom('factories').select('id').where('enterprise_id', '=', hostile.plantId).orderBy('id').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await app?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  /** Opens each page and collects what the browser refused and every dialog that opened. */
  async function visit(page: Page, paths: string[], problems: string[]): Promise<void> {
    for (const path of paths) {
      const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
      const expected = path === '/no-such-page' ? 404 : 200;
      if (response === null || response.status() !== expected) problems.push(`${path}: ${response?.status()}`);
      // A violation event is dispatched asynchronously: let it arrive.
      await page.waitForTimeout(50);
      const violations = (await page.evaluate(TAKE_VIOLATIONS)) as string[];
      for (const violation of violations) problems.push(`${path}: CSP refused ${violation}`);
    }
  }

  async function watchedPage(context: Parameters<Parameters<typeof withBrowser>[0]>[0], dialogs: string[]): Promise<Page> {
    await context.addInitScript({ content: RECORD_VIOLATIONS });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return page;
  }

  test('every public page loads without a CSP violation, and hostile names stay text', async () => {
    await withBrowser(async (context) => {
      const dialogs: string[] = [];
      const problems: string[] = [];
      const page = await watchedPage(context, dialogs);
      // The recorder works: an inline script added to a page is refused and reported.
      await page.goto(`${baseUrl}/`);
      await page.evaluate("const s = document.createElement('script'); s.textContent = 'alert(2)'; document.body.appendChild(s);");
      await page.waitForTimeout(100);
      assert.match(((await page.evaluate(TAKE_VIOLATIONS)) as string[]).join('\n'), /script-src/, 'an inline script is refused and seen');
      await visit(page, [
        '/', '/lists', '/lists/national-factory-2025', `/search?q=${encodeURIComponent('星火')}`, `/search?q=${hostile.creditCode}`,
        `/enterprises/${hostile.enterpriseId}`, '/notices', `/notices/${hostile.noticeId}`, `/notices/${hostile.noticeId}/object`, '/news', `/news/${hostile.newsSlug}`,
        '/verify', ...(hostile.certificateNumber === null ? [] : [`/verify/${hostile.certificateNumber}`]), '/contact', '/legal', '/links', '/frameworks', '/frameworks/gbt36132-2025',
        '/open-data', '/login', '/en/', `/en/enterprises/${hostile.enterpriseId}`, '/no-such-page',
      ], problems);
      // The name is on the enterprise page as its heading's text.
      await page.goto(`${baseUrl}/enterprises/${hostile.enterpriseId}`);
      assert.equal(await page.locator('h1').textContent(), HOSTILE);
      // Live search swaps results in with htmx: the hostile name arrives as text there too.
      await page.goto(`${baseUrl}/search`);
      await page.locator('#search-q').pressSequentially(hostile.creditCode.slice(0, 12), { delay: 20 });
      await page.locator('#search-results a.hit-name').first().waitFor();
      assert.ok((await page.locator('#search-results').textContent())?.includes('<script>alert(1)</script>'), 'the live result shows the name as text');
      await page.waitForTimeout(100);
      problems.push(...((await page.evaluate(TAKE_VIOLATIONS)) as string[]).map((v) => `/search (live): CSP refused ${v}`));
      await screenshot(page, 'security-live-search');
      assert.deepEqual(problems, []);
      assert.deepEqual(dialogs, [], 'no script of a record ever ran');
    });
  });

  test('the main workspace pages load without a CSP violation, and hostile records stay text', async () => {
    const journeys: [string, string[]][] = [
      ['enterprise@demo', ['/workspace', '/workspace/enterprise', `/workspace/ehs/${hostile.plantId}`, `/workspace/ehs/${hostile.plantId}/record`, `/workspace/annual-data/${factoryId}/2025`, '/workspace/dynamic-reports']],
      ['national@demo', ['/workspace', '/workspace/applications', `/workspace/notices/${hostile.noticeId}`, '/workspace/notices', '/workspace/batches', '/workspace/panels', '/workspace/dynamic-management', '/workspace/deadlines', `/workspace/ehs/${hostile.plantId}`]],
      ['admin@demo', ['/workspace', '/workspace/admin/messages', '/workspace/admin/news', '/workspace/admin/users', '/workspace/admin/authorities', '/workspace/admin/frameworks']],
      ['evaluator@demo', ['/workspace', '/workspace/engagements']],
    ];
    const dialogs: string[] = [];
    const problems: string[] = [];
    for (const [email, paths] of journeys) {
      await withBrowser(async (context) => {
        const page = await watchedPage(context, dialogs);
        await signIn(page, baseUrl, email);
        await visit(page, paths, problems);
        if (email === 'admin@demo') {
          await page.goto(`${baseUrl}/workspace/admin/messages`);
          assert.ok((await page.locator('main').textContent())?.includes('<script>alert(1)</script>'), 'the message shows as text');
          await screenshot(page, 'security-admin-messages');
        }
      });
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(dialogs, [], 'no script of a record ever ran');
  });
});
