/** With JavaScript off, search and objecting still work: plain forms, server-rendered answers. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSER_SKIP, screenshot, startBrowserApp, withBrowser, type BrowserApp } from '../support/browser.ts';

describe('the site with JavaScript off', { timeout: 120_000, skip: BROWSER_SKIP }, () => {
  let app: BrowserApp;
  before(async () => {
    app = await startBrowserApp();
  });
  after(() => app?.close());

  test('searching submits the form and the results page marks the match', async () => {
    await withBrowser(
      async (context) => {
        const page = await context.newPage();
        await page.goto(`${app.baseUrl}/`);
        await page.fill('#home-search', '星火');
        await page.press('#home-search', 'Enter');
        await page.waitForURL(/\/search\?q=/);
        assert.equal(await page.locator('#search-results mark').first().textContent(), '星火');
        await screenshot(page, 'nojs-search');
      },
      { javaScriptEnabled: false },
    );
  });

  test('an objection goes through the plain form; a mistake comes back on the form first', async () => {
    await withBrowser(
      async (context) => {
        const page = await context.newPage();
        await page.goto(`${app.baseUrl}/en/notices`);
        await page.click('.notice-card h3 a');
        await page.click('.callout a.button');
        await page.selectOption('#entryId', { index: 1 });
        await page.fill('#fullName', 'Li Si');
        await page.fill('#contact', '+86 138 0013 8000');
        await page.fill('#reason', 'too short');
        await page.click('.stacked-form button[type="submit"]');
        await page.locator('.error-summary').waitFor();
        assert.match((await page.locator('.error-summary').textContent()) ?? '', /Give your reasons/);
        assert.equal(await page.inputValue('#fullName'), 'Li Si');
        await screenshot(page, 'nojs-objection-error');
        await page.fill('#reason', 'The enterprise was fined for exceeding its emission permit in 2026.');
        await page.click('.stacked-form button[type="submit"]');
        await page.waitForURL(/\/en\/notices\/\d+\/objections\/received\?case=/);
        assert.match((await page.locator('#case-number').textContent()) ?? '', /^OBJ-/);
        await screenshot(page, 'nojs-objection-received');
      },
      { javaScriptEnabled: false },
    );
  });
});
