/**
 * The parse worker gives what parsing in this thread gives: the same batches (rows,
 * documents, problems, progress), the same end (the file's SHA-256), the same failure
 * for a file that cannot be read; and it ends when the pass stops early.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPEN_REPORT_CSV_HEADER, openReportCsvLine } from '../../../bench/generator/open-reports.ts';
import { AppError } from '../../domain/errors.ts';
import { parseDynamicReportRows, type ParsedBatch, type ParseEnd } from './parse-dynamic-report-rows.ts';
import { parseDynamicReportRowsInWorker } from './parse-dynamic-report-rows-in-worker.ts';

/** Every batch as plain data (tails as text) and the end, or the failure. */
async function drain(batches: AsyncGenerator<ParsedBatch, ParseEnd>): Promise<{ batches: unknown[]; end?: ParseEnd; failure?: { code: string | null; path: string | null; message: string } }> {
  const seen: unknown[] = [];
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done) return { batches: seen, end: next.value };
      seen.push({ ...next.value, parsed: next.value.parsed.map((row) => ({ ...row, tail: Buffer.from(row.tail).toString('utf8') })) });
    }
  } catch (error) {
    return { batches: seen, failure: { code: AppError.is(error) ? error.code : null, path: AppError.is(error) ? (error.path ?? null) : null, message: (error as Error).message } };
  }
}

function withFile(lines: readonly string[], work: (path: string) => Promise<void>): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'greenlist-parse-worker-'));
  const path = join(folder, 'reports.csv');
  writeFileSync(path, '\ufeff' + lines.join('\r\n'));
  return work(path).finally(() => rmSync(folder, { recursive: true, force: true }));
}

const rows = (count: number) => Array.from({ length: count }, (_, i) => openReportCsvLine(Math.floor(i / 5), 2021 + (i % 5)).trimEnd());

test('the worker gives the batches, problems and end that parsing here gives', async () => {
  const lines = [OPEN_REPORT_CSV_HEADER, ...rows(2500)];
  lines[7] = lines[7]!.replace(/,2022,/, ',20x2,');
  lines[1800] = lines[1800]!.replace(/,t,/, ',furlong,');
  await withFile(lines, async (path) => {
    const here = await drain(parseDynamicReportRows(path, 'csv', 1000));
    const there = await drain(parseDynamicReportRowsInWorker(path, 'csv', 1000));
    assert.equal(here.failure, undefined);
    assert.equal(here.batches.length, 3);
    assert.equal((here.batches[0] as ParsedBatch).problems.length, 1);
    assert.match(here.end!.sha256!, /^[0-9a-f]{64}$/);
    assert.deepEqual(there, here);
  });
});

test('a file that breaks off is the same VALIDATION failure of the file from the worker', async () => {
  await withFile([OPEN_REPORT_CSV_HEADER, ...rows(1500), '913604250000000199,2021,"12'], async (path) => {
    const here = await drain(parseDynamicReportRows(path, 'csv', 1000));
    const there = await drain(parseDynamicReportRowsInWorker(path, 'csv', 1000));
    assert.deepEqual(here.failure && { code: here.failure.code, path: here.failure.path }, { code: 'VALIDATION', path: 'file' });
    assert.deepEqual(there, here);
  });
});

test('a pass stopped after its first batch ends the worker', async () => {
  await withFile([OPEN_REPORT_CSV_HEADER, ...rows(5000)], async (path) => {
    const batches = parseDynamicReportRowsInWorker(path, 'csv', 1000);
    const first = await batches.next();
    assert.equal(first.done, false);
    // return() resolves once the worker has closed the file and exited.
    assert.deepEqual(await batches.return(undefined as never), { done: true, value: undefined });
  });
});
