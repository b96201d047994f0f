/**
 * Runs due jobs: one loop per process, polling the job table. Several processes may run
 * it against one database; each job is claimed once (store/repositories/jobs.ts).
 * Handlers are registered per kind and must be idempotent: a job can run again after a
 * crash between its effect and its completion.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/store.ts';
import type { Row } from '../../store/schema.ts';
import { claimDueJob, completeJob, failJob } from '../../store/repositories/jobs.ts';

export type JobHandler = (store: Store, payload: Record<string, unknown>, job: Row<'jobs'>) => Promise<void>;

const HANDLERS = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  HANDLERS.set(kind, handler);
}

export function registeredJobKinds(): string[] {
  return [...HANDLERS.keys()];
}

export interface JobRunReport {
  ran: number;
  failed: number;
}

/** Runs every job that is due now, one at a time, until none is left (or `limit`). */
export async function runDueJobs(store: Store, options: { worker?: string; limit?: number; at?: string } = {}): Promise<JobRunReport> {
  const worker = options.worker ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const kinds = registeredJobKinds();
  const report: JobRunReport = { ran: 0, failed: 0 };
  while (report.ran < (options.limit ?? 1000)) {
    const job = await claimDueJob(store, worker, kinds, options.at);
    if (job === undefined) break;
    report.ran++;
    try {
      await HANDLERS.get(job.kind)!(store, JSON.parse(job.payload) as Record<string, unknown>, job);
      await completeJob(store.db, job.id);
    } catch (error) {
      report.failed++;
      await failJob(store.db, job, error instanceof Error ? error.message : String(error));
    }
  }
  return report;
}

/** Starts the polling loop; returns a function that stops it. */
export function startJobLoop(store: Store, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(store)
      .catch((error) => options.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 2000);
      });
  };
  let timer = setTimeout(tick, options.intervalMs ?? 2000);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
