/**
 * `parseDynamicReportRows` run in a worker thread: the same batches, the same end, the
 * same failures, while this thread looks the rows up and writes them. Reading, checking
 * and serialising a row costs about as much CPU as its lookup and write on SQLite (some
 * 11 µs each), so with a second core free a large file goes nearly twice as fast; on a
 * loaded machine it goes about as fast as parsing here (docs/decisions/010). Starting the
 * worker costs a few hundred milliseconds (it loads the engine), so small files are
 * parsed in this thread (`parsesInWorker`).
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/errors.ts';
import type { ParseWorkerData, ParseWorkerMessage } from './dynamic-report-parse-worker.ts';
import { BATCH_ROWS, type ParsedBatch, type ParseEnd } from './parse-dynamic-report-rows.ts';
import type { SheetFormat } from './read-sheet-rows.ts';

/** Files from this size are parsed in a worker (about 7,000 rows of the 23-column CSV). */
export const WORKER_MIN_BYTES = 1 << 20;

/** Batches the worker may parse before this thread has taken them. */
const AHEAD = 3;

/** Whether a file of this size is parsed in a worker. */
export function parsesInWorker(bytes: number): boolean {
  return bytes >= WORKER_MIN_BYTES;
}

/**
 * The worker runs TypeScript as this process does, through tsx (bin/greenlist.js), which a
 * worker does not inherit: a CommonJS bootstrap registers it before loading the entry.
 * The packages the parser imports are loaded first, without tsx: typebox is some hundreds
 * of small modules, each a round trip to tsx's loader thread once it is registered (a
 * second of the worker's start, against a quarter of one).
 */
const PRELOADED_PACKAGES = ['typebox', 'typebox/compile'];

function startWorker(data: ParseWorkerData): Worker {
  const entry = new URL('./dynamic-report-parse-worker.ts', import.meta.url).href;
  const tsconfig = new URL('../../../tsconfig.json', import.meta.url).pathname;
  const preload = PRELOADED_PACKAGES.map((name) => import.meta.resolve(name));
  const bootstrap = `const { workerData } = require('node:worker_threads');
Promise.all(workerData.preload.map((url) => import(url)))
  .then(() => import(workerData.tsx))
  .then((tsx) => { tsx.register({ tsconfig: workerData.tsconfig }); return import(workerData.entry); });`;
  return new Worker(bootstrap, { eval: true, workerData: { ...data, preload, tsx: import.meta.resolve('tsx/esm/api'), tsconfig, entry } });
}

function failureOf(error: Extract<ParseWorkerMessage, { kind: 'error' }>['error']): Error {
  const failure = error.code === null ? new Error(error.message) : new AppError(error.code, error.message, error.path === null ? {} : { path: error.path });
  if (error.stack !== null) failure.stack = error.stack;
  return failure;
}

export async function* parseDynamicReportRowsInWorker(path: string, format: SheetFormat, batchSize = BATCH_ROWS): AsyncGenerator<ParsedBatch, ParseEnd> {
  const worker = startWorker({ path, format, batchSize, ahead: AHEAD });
  const received: ParseWorkerMessage[] = [];
  let failure: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  // Not events.once: it rejects on 'error', and a worker that fails still exits.
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      ended = true;
      wake?.();
      resolve();
    }),
  );
  worker.on('message', (message: ParseWorkerMessage) => {
    received.push(message);
    wake?.();
  });
  worker.on('error', (error: Error) => {
    failure = error;
    wake?.();
  });
  try {
    for (;;) {
      while (received.length === 0) {
        if (failure !== undefined) throw failure;
        if (ended) throw new Error('the parse worker ended before the file did');
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = received.shift()!;
      if (message.kind === 'end') return message.end;
      if (message.kind === 'error') throw failureOf(message.error);
      worker.postMessage('more');
      yield message.batch;
    }
  } finally {
    // The worker closes the file and ends; wait for it, so that nothing runs on after the pass.
    worker.postMessage('stop');
    await exited;
  }
}
