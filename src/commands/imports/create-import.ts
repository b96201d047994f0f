/**
 * Records an import and its job in one transaction (the outbox): the API answers with the
 * import's id at once and the job runs it; a CLI run claims the job itself, so that if the
 * terminal dies the job is taken back after its lease and the import still completes.
 */
import { basename } from 'node:path';
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { invalid } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { enqueueJob } from '../../store/repositories/jobs.ts';
import { insertClaimedJob, insertImport } from '../../store/repositories/imports.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import type { SheetFormat } from './read-sheet-rows.ts';
import { IMPORT_JOB } from './run-import.ts';

export const IMPORT_KINDS = ['dynamic-reports'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface CreateImportInput {
  kind: ImportKind;
  fileName: string;
  /** Absolute path of the file the job reads. */
  sourcePath: string;
  format: SheetFormat;
  size: number;
  sha256?: string | null;
  /** As-of date for lateness; the day of the run when omitted. */
  today?: string;
}

export interface CreatedImport {
  record: Row<'imports'>;
  job: Pick<Row<'jobs'>, 'id' | 'claimed_by'>;
}

/** Records the import and enqueues its job; with `claimBy`, the job is created already claimed by that worker. */
export async function createImport(store: Store, actor: Actor, input: CreateImportInput, options: { claimBy?: string } = {}): Promise<CreatedImport> {
  if (!(IMPORT_KINDS as readonly string[]).includes(input.kind)) throw invalid('kind', `must be one of ${IMPORT_KINDS.join(', ')}`);
  if (input.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.today)) throw invalid('today', 'must be a date YYYY-MM-DD');
  authorize(actor, 'create', { type: 'import' });
  return store.transaction(async (trx) => {
    const record = await insertImport(trx, { kind: input.kind, file_name: basename(input.fileName).slice(0, 200) || 'file', source_path: input.sourcePath, format: input.format, size: input.size, sha256: input.sha256 ?? null, status: 'queued', actor_user_id: actorUserId(actor), actor_label: actorLabel(actor), today: input.today ?? null });
    const payload = { importId: record.id };
    const uniqueKey = `${IMPORT_JOB}:${record.id}`;
    let job: CreatedImport['job'];
    if (options.claimBy !== undefined) job = await insertClaimedJob(trx, { kind: IMPORT_JOB, payload, uniqueKey, worker: options.claimBy });
    else {
      await enqueueJob(trx, { kind: IMPORT_JOB, payload, uniqueKey });
      job = await trx.selectFrom('jobs').select(['id', 'claimed_by']).where('unique_key', '=', uniqueKey).executeTakeFirstOrThrow();
    }
    await trx.updateTable('imports').set({ job_id: job.id }).where('id', '=', record.id).execute();
    return { record: { ...record, job_id: job.id }, job };
  });
}
