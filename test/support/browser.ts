/**
 * Browser tests: the app on a real port over a seeded store, driven by playwright-core
 * and Debian's Chromium (stack.md §7). Always closed in `finally` — a browser or server
 * left open hangs node's test runner.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { startTestApp, type TestApp } from './app.ts';
import { SQLITE } from './stores.ts';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = process.env.GREENLIST_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A reason to skip browser tests where no Chromium is installed (CI installs it: .ci/run). */
export const BROWSER_SKIP: string | false = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH} (set GREENLIST_CHROMIUM)`;
export const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;

export interface BrowserApp extends TestApp {
  baseUrl: string;
  dataDirectory: string;
}

/** The app over a fresh SQLite store with the demo data, listening on 127.0.0.1:random. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'greenlist-e2e-data-'));
  const app = await startTestApp(SQLITE, { prepare: (store) => seedDemo(store).then(() => undefined), config: { dataDirectory } });
  try {
    const address = await app.app.listen({ port: 0, host: '127.0.0.1' });
    return {
      ...app,
      baseUrl: address,
      dataDirectory,
      async close() {
        await app.close();
        rmSync(dataDirectory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** Runs `work` in a fresh persistent Chromium context (its own profile directory), closing it whatever happens. */
export async function withBrowser<T>(work: (context: BrowserContext) => Promise<T>, options: { javaScriptEnabled?: boolean } = {}): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'greenlist-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    // Generous: the suite shares two cores with other test files (a form post with an
    // upload once took over 15 s under that load); a wait that times out is still a failure.
    context.setDefaultTimeout(40_000);
    context.setDefaultNavigationTimeout(40_000);
    return await work(context);
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Saves a full-page screenshot under test-results/screenshots/ (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Runs axe-core inside the page and returns the serious and critical violations.
 * @axe-core/playwright needs Node 22; `page.addScriptTag` would add an inline script the
 * site's CSP rightly blocks, so the installed axe.min.js is evaluated through the
 * DevTools protocol instead (not subject to the page's CSP).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
}
