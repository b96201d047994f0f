/**
 * Runs one import to its end in ONE transaction: every report the file changes, the
 * import's final state and its audit event are committed together, so a crash anywhere
 * leaves either the whole import applied and marked done, or nothing applied; the next
 * run (the job taken back after its lease) starts again from the file. A file with
 * errors is rolled back and marked failed with its errors.
 *
 * Progress and the job's lease go to the database a few times a second from outside the
 * transaction, without waiting for the write: on PostgreSQL they land at once on another
 * connection; SQLite has one writer, so there they queue behind the import and land when
 * it commits (other requests wait for the import too — about two seconds per 50,000 rows).
 * A run finding the import done does nothing; a run overtaken by a newer one (its attempt
 * number moved on) rolls back.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { findImport, renewJobLease, updateImportRun, writeImportProgress } from '../../store/repositories/imports.ts';
import { loadUserActor } from '../../store/repositories/users.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { dynamicReportWriter, type WriteCounts } from './dynamic-report-writer.ts';
import { importDynamicReportFile, type PassResult } from './import-dynamic-report-file.ts';
import type { SheetFormat } from './read-sheet-rows.ts';

export const IMPORT_JOB = 'imports.run';

export interface ImportProgress {
  rows: number;
  bytes: number;
  size: number;
}

export interface RunImportOptions {
  /** The job this run holds; its lease is renewed with every progress write. */
  job?: { id: number; worker: string };
  /** Aborting cancels the run (rolled back, marked failed). */
  signal?: AbortSignal;
  /** Progress as it happens, in this process (the CLI's bar). */
  onProgress?: (progress: ImportProgress) => void;
  /** How often progress goes to the database; 250 ms by default. */
  progressEveryMs?: number;
}

/** The run lost its claim: a newer run of the same import took over. */
export class ImportOvertaken extends Error {
  constructor(importId: number) {
    super(`import ${importId} was taken over by a newer run`);
  }
}

/** A file with errors: thrown inside the transaction to roll it back. */
class FileRejected extends Error {
  constructor(readonly pass: PassResult) {
    super('the file has errors');
  }
}

async function actorOfImport(store: Store, record: Row<'imports'>): Promise<Actor> {
  if (record.actor_user_id === null) return { kind: 'system', label: record.actor_label };
  const user = await store.db.selectFrom('users').select(['id', 'email', 'display_name', 'status']).where('id', '=', record.actor_user_id).executeTakeFirst();
  if (user === undefined || user.status !== 'active') throw new AppError('FORBIDDEN', `the account that sent import ${record.id} is no longer active / 提交导入的账号已停用`);
  return loadUserActor(store.db, user);
}

/**
 * Writes progress and renews the lease without waiting: at most one write in flight, at
 * most one every `everyMs`. A lost lease or a newer attempt is remembered and reported
 * by `overtaken()`, which the pass checks after every batch.
 */
function progressWriter(store: Store, importId: number, attempt: number, job: RunImportOptions['job'], everyMs: number) {
  let inFlight = false;
  let last = 0;
  let lost = false;
  return {
    write(values: { rows_read: number; bytes_read: number }): void {
      if (inFlight || Date.now() - last < everyMs) return;
      inFlight = true;
      last = Date.now();
      void (async () => {
        const leased = job === undefined || (await renewJobLease(store.db, job.id, job.worker));
        if (!leased || !(await writeImportProgress(store.db, importId, attempt, values))) lost = true;
      })()
        .catch(() => undefined)
        .finally(() => (inFlight = false));
    },
    overtaken: () => lost,
  };
}

export async function runImport(store: Store, importId: number, options: RunImportOptions = {}): Promise<Row<'imports'>> {
  const record = await findImport(store.db, importId);
  if (record === undefined) throw notFound(`import ${importId}`);
  if (record.status === 'done' || record.status === 'failed') return record;
  const attempt = record.attempts + 1;
  const started = await store.db.updateTable('imports').set({ status: 'running', attempts: attempt, started_at: now(), updated_at: now(), rows_read: 0, bytes_read: 0, error_count: 0, errors: '[]' }).where('id', '=', importId).where('attempts', '=', record.attempts).executeTakeFirst();
  if (Number(started.numUpdatedRows) !== 1) throw new ImportOvertaken(importId);
  const progress = progressWriter(store, importId, attempt, options.job, options.progressEveryMs ?? 250);
  try {
    const actor = await actorOfImport(store, record);
    return await store.transaction(async (trx) => {
      const at = now();
      const writer = dynamicReportWriter(trx, store, { importId, today: record.today ?? todayInShanghai(), at, actor });
      const pass = await importDynamicReportFile(trx, actor, writer, {
        path: record.source_path,
        format: record.format as SheetFormat,
        onProgress: ({ rows, bytes }) => {
          if (options.signal?.aborted) throw new AppError('CONFLICT', 'the import was cancelled / 导入已取消');
          if (progress.overtaken()) throw new ImportOvertaken(importId);
          options.onProgress?.({ rows, bytes, size: record.size });
          progress.write({ rows_read: rows, bytes_read: bytes });
        },
      });
      if (pass.errors.any) throw new FileRejected(pass);
      const counts = await writer.finish();
      const done = await updateImportRun(trx, importId, attempt, { status: 'done', rows_read: pass.rows, rows_total: pass.rows, bytes_read: pass.bytes, sha256: record.sha256 ?? pass.sha256, reports_filed: counts.filed, reports_amended: counts.amended, reports_unchanged: counts.unchanged, finished_at: now() });
      if (!done) throw new ImportOvertaken(importId);
      await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'import.applied', subjectType: 'import', subjectId: importId, enterpriseId: null, data: summaryOf(record, pass, counts) });
      return (await trx.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst())!;
    });
  } catch (error) {
    if (error instanceof FileRejected) return reject(store, record, attempt, error.pass);
    if (error instanceof ImportOvertaken) throw error;
    if (options.signal?.aborted) return failRun(store, importId, attempt, 'the import was cancelled; nothing was applied / 导入已取消，未写入任何数据');
    // A known refusal (the sender's account closed, a configuration error) will not go away by trying again.
    if (AppError.is(error)) return failRun(store, importId, attempt, `${error.message}; nothing was applied`);
    // Anything else (the database away) is left queued: the job runner tries again with backoff
    // (the handler marks the import failed after the last attempt).
    await updateImportRun(store.db, importId, attempt, { status: 'queued' });
    throw error;
  }
}

function summaryOf(record: Row<'imports'>, pass: PassResult, counts?: WriteCounts): Record<string, unknown> {
  return { kind: record.kind, fileName: record.file_name, sha256: record.sha256 ?? pass.sha256, rows: pass.rows, ...(counts === undefined ? { errors: pass.errors.count } : { reports: pass.reports, filed: counts.filed, late: counts.late, amended: counts.amended, unchanged: counts.unchanged, cancelledRemovals: counts.cancelledRemovals, audit: counts.audit }) };
}

/** A file with errors: nothing applied; the errors (the first 1,000, in row order) and their count kept; one audit event. */
async function reject(store: Store, record: Row<'imports'>, attempt: number, pass: PassResult): Promise<Row<'imports'>> {
  const listed = [...pass.errors.listed].sort((a, b) => a.row - b.row);
  await store.transaction(async (trx) => {
    const updated = await updateImportRun(trx, record.id, attempt, { status: 'failed', rows_read: pass.rows, rows_total: pass.rows, bytes_read: pass.bytes, sha256: record.sha256 ?? pass.sha256, error_count: pass.errors.count, errors: JSON.stringify(listed), finished_at: now() });
    if (!updated) throw new ImportOvertaken(record.id);
    await appendAuditEvent(trx, store.capabilities, { actorUserId: record.actor_user_id, actorLabel: record.actor_label, action: 'import.rejected', subjectType: 'import', subjectId: record.id, enterpriseId: null, data: summaryOf(record, pass) });
  });
  return (await findImport(store.db, record.id))!;
}

/** Ends a run that cannot go on (cancelled, its last attempt failed): failed, with the reason as its one error. */
export async function failRun(store: Store, importId: number, attempt: number, reason: string): Promise<Row<'imports'>> {
  await store.transaction(async (trx) => {
    const record = await trx.selectFrom('imports').select(['actor_user_id', 'actor_label']).where('id', '=', importId).executeTakeFirstOrThrow();
    if (!(await updateImportRun(trx, importId, attempt, { status: 'failed', error_count: 1, errors: JSON.stringify([{ row: 0, column: null, reason }]), finished_at: now() }))) return;
    await appendAuditEvent(trx, store.capabilities, { actorUserId: record.actor_user_id, actorLabel: record.actor_label, action: 'import.rejected', subjectType: 'import', subjectId: importId, enterpriseId: null, data: { reason } });
  });
  return (await findImport(store.db, importId))!;
}
