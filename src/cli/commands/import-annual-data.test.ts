/** `greenlist import-annual-data`: the workbook is told apart by its sheets, checked, and printed as AnnualData. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAnnualDataTemplate } from '../../output/sheets/annual-data-template.ts';
import { importAnnualDataFile, isAnnualDataWorkbook } from './import-annual-data.ts';

test('an annual-data workbook is recognised by its sheets, checked and printed; a wrong one exits 2', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-cli-'));
  const printed: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (text: string) => void printed.push(text);
  console.error = () => undefined;
  try {
    const good = join(directory, 'good.xlsx');
    writeFileSync(good, await writeAnnualDataTemplate({ year: 2025, data: { year: 2025, gridRegion: 'central', energy: [{ carrier: 'coke', quantity: 12, unit: 't' }] } }));
    const blank = join(directory, 'blank.xlsx');
    writeFileSync(blank, await writeAnnualDataTemplate({ year: 2025 }));
    const csv = join(directory, 'reports.csv');
    writeFileSync(csv, 'credit_code,year\n');
    assert.equal(await isAnnualDataWorkbook(good), true);
    assert.equal(await isAnnualDataWorkbook(csv), false);
    const args = { positionals: [], options: { quiet: true } } as unknown as Parameters<typeof importAnnualDataFile>[0];
    assert.equal(await importAnnualDataFile(args, good), 0);
    assert.deepEqual(JSON.parse(printed.at(-1)!), { year: 2025, gridRegion: 'central', energy: [{ carrier: 'coke', quantity: 12, unit: 't' }] });
    assert.equal(await importAnnualDataFile(args, blank), 2, 'no regional grid');
  } finally {
    console.log = log;
    console.error = error;
    rmSync(directory, { recursive: true, force: true });
  }
});
