/**
 * The job table: deadlines, webhook deliveries and other deferred work, on either
 * database. Enqueue inside the transaction that makes the change (the outbox), claim
 * with SKIP LOCKED where the database has it, retry with exponential backoff, and take
 * back jobs whose worker died (their lease expired).
 */
import { sql } from 'kysely';
import { jobLeaseMs } from '../../config/env.ts';
import type { Capabilities } from '../kysely/capabilities.ts';
import { now, type Executor, type Store } from '../store.ts';
import type { Row } from '../schema.ts';

export interface EnqueueInput {
  kind: string;
  payload: Record<string, unknown>;
  /** When the job becomes due; now by default. */
  runAt?: string;
  /** At most one job per key: enqueuing the same key again does nothing. */
  uniqueKey?: string;
  maxAttempts?: number;
}

export async function enqueueJob(db: Executor, input: EnqueueInput): Promise<void> {
  const at = now();
  await db
    .insertInto('jobs')
    .values({ kind: input.kind, payload: JSON.stringify(input.payload), run_at: input.runAt ?? at, unique_key: input.uniqueKey ?? null, status: 'pending', attempts: 0, max_attempts: input.maxAttempts ?? 8, claimed_by: null, claimed_at: null, finished_at: null, last_error: null, created_at: at })
    .onConflict((c) => c.column('unique_key').doNothing())
    .execute();
}

/** How long a claimed job may run before another worker may take it back (GREENLIST_JOB_LEASE_MS, default 5 min; long jobs renew their claim). */
export const LEASE_MS = leaseAtImport();

/** A wrong value stops the process at boot (loadConfig); read at import time, it falls back to the default. */
function leaseAtImport(): number {
  try {
    return jobLeaseMs();
  } catch {
    return 5 * 60_000;
  }
}

/** Claims one due job (or one whose lease expired) for `worker`; undefined when none is due. */
export async function claimDueJob(store: Store, worker: string, kinds?: readonly string[], at: string = now()): Promise<Row<'jobs'> | undefined> {
  const staleBefore = new Date(Date.parse(at) - LEASE_MS).toISOString();
  return store.transaction(async (trx) => {
    let candidate = trx
      .selectFrom('jobs')
      .select('id')
      .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', at)]), eb.and([eb('status', '=', 'running'), eb('claimed_at', '<', staleBefore)])]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(1);
    if (kinds !== undefined) candidate = candidate.where('kind', 'in', kinds);
    const found = await store.capabilities.skipLocked(candidate).executeTakeFirst();
    if (found === undefined) return undefined;
    return trx
      .updateTable('jobs')
      .set({ status: 'running', claimed_by: worker, claimed_at: at, attempts: sql<number>`attempts + 1` })
      .where('id', '=', found.id)
      .returningAll()
      .executeTakeFirst();
  });
}

export async function completeJob(db: Executor, id: number): Promise<void> {
  await db.updateTable('jobs').set({ status: 'done', finished_at: now(), last_error: null }).where('id', '=', id).execute();
}

/** Backoff after the n-th failed attempt: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
}

export async function failJob(db: Executor, job: Pick<Row<'jobs'>, 'id' | 'attempts' | 'max_attempts'>, error: string, at: string = now()): Promise<'retry' | 'failed'> {
  const final = job.attempts >= job.max_attempts;
  await db
    .updateTable('jobs')
    .set(final ? { status: 'failed', finished_at: at, last_error: error.slice(0, 2000) } : { status: 'pending', run_at: new Date(Date.parse(at) + backoffMs(job.attempts)).toISOString(), claimed_by: null, claimed_at: null, last_error: error.slice(0, 2000) })
    .where('id', '=', job.id)
    .execute();
  return final ? 'failed' : 'retry';
}

export type { Capabilities };
