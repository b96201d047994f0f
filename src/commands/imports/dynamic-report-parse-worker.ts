/**
 * The worker side of parse-dynamic-report-rows-in-worker.ts: runs `parseDynamicReportRows`
 * over the file and posts each batch to the importing thread (its documents' buffers
 * transferred, not copied), at most `ahead` batches
 * before that thread has taken them (so a slow database never lets parsed rows pile up).
 * 'more' grants one batch, 'stop' ends the pass early; a failure is posted as its code,
 * message and path, to be thrown again on the other side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../domain/errors.ts';
import { parseDynamicReportRows, type ParsedBatch, type ParseEnd } from './parse-dynamic-report-rows.ts';
import type { SheetFormat } from './read-sheet-rows.ts';

export interface ParseWorkerData {
  path: string;
  format: SheetFormat;
  batchSize: number;
  ahead: number;
}

export type ParseWorkerMessage =
  | { kind: 'batch'; batch: ParsedBatch }
  | { kind: 'end'; end: ParseEnd }
  | { kind: 'error'; error: { code: AppError['code'] | null; message: string; path: string | null; stack: string | null } };

async function run(port: NonNullable<typeof parentPort>, data: ParseWorkerData): Promise<void> {
  let credits = data.ahead;
  let stopped = false;
  let wake: (() => void) | undefined;
  port.on('message', (message: 'more' | 'stop') => {
    if (message === 'stop') stopped = true;
    else credits++;
    wake?.();
  });
  const rows = parseDynamicReportRows(data.path, data.format, data.batchSize);
  try {
    for (;;) {
      while (credits === 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
      if (stopped) break;
      const next = await rows.next();
      if (next.done) {
        port.postMessage({ kind: 'end', end: next.value } satisfies ParseWorkerMessage);
        break;
      }
      credits--;
      // The tails' buffers move to the other thread (the parser starts a new one for each batch).
      const buffers = new Set<ArrayBuffer>();
      for (const row of next.value.parsed) buffers.add(row.tail.buffer as ArrayBuffer);
      port.postMessage({ kind: 'batch', batch: next.value } satisfies ParseWorkerMessage, [...buffers]);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error ? (error.stack ?? null) : null;
    port.postMessage({ kind: 'error', error: { code: AppError.is(error) ? error.code : null, message, path: AppError.is(error) ? (error.path ?? null) : null, stack } } satisfies ParseWorkerMessage);
  } finally {
    // Closes the file (the reader's finally) before the thread ends.
    await rows.return(undefined as never);
    port.close();
  }
}

if (parentPort !== null) await run(parentPort, workerData as ParseWorkerData);
