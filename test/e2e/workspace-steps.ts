/** Steps the workspace browser tests share: signing in and out as a demo user, filling the annual-data workbook. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'greenlist-demo';

/** Signs in through the login page and waits for the dashboard (or `next`). */
export async function signIn(page: Page, baseUrl: string, email: string, next = '/workspace'): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.fill('#login-email', email);
  await page.fill('#login-password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === next.split('?')[0]), page.click('form.stacked-form button[type="submit"]')]);
}

export async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/workspace')), page.click('form.logout-form button')]);
}

/** Opens a downloaded workbook and gives its worksheet by name (the template's layout). */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return workbook;
}

/** The row of a single-value sheet whose column A holds `key`. */
export function valueRow(sheet: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  if (found === undefined) throw new Error(`no row ${key} in ${sheet.name}`);
  return found;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
