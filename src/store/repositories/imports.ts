/** The `imports` table (migration 0009) and the job claim an import run holds. */
import { now, type Executor } from '../store.ts';
import type { NewRow, Row, RowUpdate } from '../schema.ts';

type Counters = 'rows_read' | 'rows_total' | 'bytes_read' | 'reports_filed' | 'reports_amended' | 'reports_unchanged' | 'error_count' | 'errors' | 'job_id' | 'attempts' | 'started_at' | 'finished_at' | 'created_at' | 'updated_at';

/** A new import, queued, every counter at zero. */
export function insertImport(db: Executor, values: Omit<NewRow<'imports'>, Counters>): Promise<Row<'imports'>> {
  const at = now();
  return db
    .insertInto('imports')
    .values({ ...values, rows_read: 0, rows_total: null, bytes_read: 0, reports_filed: 0, reports_amended: 0, reports_unchanged: 0, error_count: 0, errors: '[]', job_id: null, attempts: 0, started_at: null, finished_at: null, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findImport(db: Executor, id: number): Promise<Row<'imports'> | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Updates the run `attempt` of an import; false when another run has taken it over
 * meanwhile (its attempt number moved on), so a stale run never overwrites a newer one.
 */
export async function updateImportRun(db: Executor, id: number, attempt: number, values: RowUpdate<'imports'>): Promise<boolean> {
  const result = await db.updateTable('imports').set({ ...values, updated_at: now() }).where('id', '=', id).where('attempts', '=', attempt).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Progress of a running import; false when the run lost it (a newer attempt, or the import already ended). */
export async function writeImportProgress(db: Executor, id: number, attempt: number, values: { rows_read: number; bytes_read: number }): Promise<boolean> {
  const result = await db.updateTable('imports').set({ ...values, updated_at: now() }).where('id', '=', id).where('attempts', '=', attempt).where('status', '=', 'running').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts the job of an import already claimed by `worker` (a CLI run): it is taken back only if that worker dies. */
export async function insertClaimedJob(db: Executor, input: { kind: string; payload: Record<string, unknown>; uniqueKey: string; worker: string }): Promise<Row<'jobs'>> {
  const at = now();
  return db
    .insertInto('jobs')
    .values({ kind: input.kind, payload: JSON.stringify(input.payload), run_at: at, unique_key: input.uniqueKey, status: 'running', attempts: 1, max_attempts: 8, claimed_by: input.worker, claimed_at: at, finished_at: null, last_error: null, created_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Renews the lease of a claimed job; false when the claim was lost (another worker took it back). */
export async function renewJobLease(db: Executor, jobId: number, worker: string): Promise<boolean> {
  const result = await db.updateTable('jobs').set({ claimed_at: now() }).where('id', '=', jobId).where('claimed_by', '=', worker).where('status', '=', 'running').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
