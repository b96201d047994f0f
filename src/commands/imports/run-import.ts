/**
 * Runs one import to its end: check (stream the file, validate every row, stage what
 * to file; progress written every quarter second in short transactions, and the job's
 * lease renewed with it), then apply — everything the file changes, the import's final
 * state and its audit event in ONE transaction. A crash anywhere leaves either the whole
 * import applied and marked done, or nothing applied; the next run (the job taken back
 * after its lease) starts again from the file. A run that finds the import done does
 * nothing, and a run overtaken by a newer one (its attempt number moved on) stops.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { findImport, renewJobLease, updateImportRun } from '../../store/repositories/imports.ts';
import { loadUserActor } from '../../store/repositories/users.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { applyStagedReports, type ApplyResult } from './apply-staged-reports.ts';
import { checkDynamicReportFile, type CheckResult } from './check-dynamic-report-file.ts';
import { removeQuietly, stagedPathOf } from './import-files.ts';
import type { SheetFormat } from './read-sheet-rows.ts';

export const IMPORT_JOB = 'imports.run';

export interface ImportProgress {
  phase: 'checking' | 'applying';
  rows: number;
  bytes: number;
  size: number;
  /** Applying: reports written so far, of `reports`. */
  applied?: number;
  reports?: number;
}

export interface RunImportOptions {
  /** The job this run holds; its lease is renewed with every progress write. */
  job?: { id: number; worker: string };
  /** Aborting cancels the run before it applies anything; the import is marked failed. */
  signal?: AbortSignal;
  /** Progress as it happens, in this process (the CLI's bar). */
  onProgress?: (progress: ImportProgress) => void;
  /** How often progress goes to the database while checking; 250 ms by default. */
  progressEveryMs?: number;
}

/** The run lost its claim: a newer run of the same import took over. */
export class ImportOvertaken extends Error {
  constructor(importId: number) {
    super(`import ${importId} was taken over by a newer run`);
  }
}

async function actorOfImport(store: Store, record: Row<'imports'>): Promise<Actor> {
  if (record.actor_user_id === null) return { kind: 'system', label: record.actor_label };
  const user = await store.db.selectFrom('users').select(['id', 'email', 'display_name', 'status']).where('id', '=', record.actor_user_id).executeTakeFirst();
  if (user === undefined || user.status !== 'active') throw new AppError('FORBIDDEN', `the account that sent import ${record.id} is no longer active / 提交导入的账号已停用`);
  return loadUserActor(store.db, user);
}

export async function runImport(store: Store, importId: number, options: RunImportOptions = {}): Promise<Row<'imports'>> {
  const record = await findImport(store.db, importId);
  if (record === undefined) throw notFound(`import ${importId}`);
  if (record.status === 'done' || record.status === 'failed') return record;
  const attempt = record.attempts + 1;
  const started = await store.db.updateTable('imports').set({ status: 'running', phase: 'checking', attempts: attempt, started_at: now(), updated_at: now(), rows_read: 0, bytes_read: 0, error_count: 0, errors: '[]' }).where('id', '=', importId).where('attempts', '=', record.attempts).executeTakeFirst();
  if (Number(started.numUpdatedRows) !== 1) throw new ImportOvertaken(importId);
  const stagedPath = stagedPathOf(store, importId);
  const mine = (values: Parameters<typeof updateImportRun>[3]) => updateImportRun(store.db, importId, attempt, values);
  try {
    const actor = await actorOfImport(store, record);
    let lastWrite = 0;
    const check = await checkDynamicReportFile(store.db, actor, {
      path: record.source_path,
      format: record.format as SheetFormat,
      stagedPath,
      onProgress: async ({ rows, bytes }) => {
        if (options.signal?.aborted) throw new AppError('CONFLICT', 'the import was cancelled / 导入已取消');
        options.onProgress?.({ phase: 'checking', rows, bytes, size: record.size });
        if (Date.now() - lastWrite < (options.progressEveryMs ?? 250)) return;
        lastWrite = Date.now();
        const leased = options.job === undefined || (await renewJobLease(store.db, options.job.id, options.job.worker));
        if (!leased || !(await mine({ rows_read: rows, bytes_read: bytes }))) throw new ImportOvertaken(importId);
      },
    });
    if (check.errors.any) return await reject(store, record, attempt, actor, check);
    if (!(await mine({ phase: 'applying', rows_read: check.rows, rows_total: check.rows, bytes_read: check.bytes, sha256: record.sha256 ?? check.sha256 }))) throw new ImportOvertaken(importId);
    await store.transaction(async (trx) => {
      const current = await store.capabilities.forUpdate(trx.selectFrom('imports').select(['status', 'attempts']).where('id', '=', importId)).executeTakeFirstOrThrow();
      if (current.attempts !== attempt || current.status !== 'running') throw new ImportOvertaken(importId);
      const at = now();
      const applied = await applyStagedReports(trx, store.capabilities, { importId, stagedPath, today: record.today ?? todayInShanghai(), at, actor }, (count) => options.onProgress?.({ phase: 'applying', rows: check.rows, bytes: check.bytes, size: record.size, applied: count, reports: check.reports }));
      await trx.updateTable('imports').set({ status: 'done', phase: null, reports_filed: applied.filed, reports_amended: applied.amended, reports_unchanged: applied.unchanged, finished_at: at, updated_at: at }).where('id', '=', importId).execute();
      await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'import.applied', subjectType: 'import', subjectId: importId, enterpriseId: null, data: summaryOf(record, check, applied) });
    });
    removeQuietly(stagedPath);
    return (await findImport(store.db, importId))!;
  } catch (error) {
    removeQuietly(stagedPath);
    if (error instanceof ImportOvertaken) throw error;
    if (options.signal?.aborted) return failRun(store, importId, attempt, 'the import was cancelled before anything was applied / 导入已取消，未写入任何数据');
    // Left queued: the job runner tries again with backoff (the handler marks it failed after the last attempt).
    await mine({ status: 'queued', phase: null });
    throw error;
  }
}

function summaryOf(record: Row<'imports'>, check: CheckResult, applied?: ApplyResult): Record<string, unknown> {
  return { kind: record.kind, fileName: record.file_name, sha256: record.sha256 ?? check.sha256, rows: check.rows, ...(applied === undefined ? { errors: check.errors.count } : { reports: check.reports, filed: applied.filed, late: applied.late, amended: applied.amended, unchanged: applied.unchanged, cancelledRemovals: applied.cancelledRemovals, audit: applied.audit }) };
}

/** A file with errors: nothing applied; the errors (the first 1,000) and their count kept, one audit event. */
async function reject(store: Store, record: Row<'imports'>, attempt: number, actor: Actor, check: CheckResult): Promise<Row<'imports'>> {
  await store.transaction(async (trx) => {
    const updated = await updateImportRun(trx, record.id, attempt, { status: 'failed', phase: null, rows_read: check.rows, rows_total: check.rows, bytes_read: check.bytes, sha256: record.sha256 ?? check.sha256, error_count: check.errors.count, errors: JSON.stringify(check.errors.listed), finished_at: now() });
    if (!updated) throw new ImportOvertaken(record.id);
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'import.rejected', subjectType: 'import', subjectId: record.id, enterpriseId: null, data: summaryOf(record, check) });
  });
  removeQuietly(stagedPathOf(store, record.id));
  return (await findImport(store.db, record.id))!;
}

/** Ends a run that cannot go on (cancelled, its last attempt failed): failed, with the reason as its one error. */
export async function failRun(store: Store, importId: number, attempt: number, reason: string): Promise<Row<'imports'>> {
  await store.transaction(async (trx) => {
    if (!(await updateImportRun(trx, importId, attempt, { status: 'failed', phase: null, error_count: 1, errors: JSON.stringify([{ row: 0, column: null, reason }]), finished_at: now() }))) return;
    await appendAuditEvent(trx, store.capabilities, { actorUserId: null, actorLabel: 'system', action: 'import.rejected', subjectType: 'import', subjectId: importId, enterpriseId: null, data: { reason } });
  });
  return (await findImport(store.db, importId))!;
}
