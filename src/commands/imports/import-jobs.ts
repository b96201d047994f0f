/**
 * The import job: runs an import queued by the API, or takes back one whose worker died.
 * Imports are idempotent (a done import is left alone, re-applying changes nothing), so a
 * job that runs twice is harmless. After the job's last attempt the import is marked failed.
 */
import { registerJobHandler } from '../jobs/job-runner.ts';
import { failRun, IMPORT_JOB, ImportOvertaken, runImport } from './run-import.ts';
import { findImport } from '../../store/repositories/imports.ts';

registerJobHandler(IMPORT_JOB, async (store, payload, job) => {
  const importId = Number(payload.importId);
  try {
    await runImport(store, importId, { job: { id: job.id, worker: job.claimed_by ?? '' } });
  } catch (error) {
    // Another run holds the import now: this one ends quietly.
    if (error instanceof ImportOvertaken) return;
    if (job.attempts >= job.max_attempts) {
      const record = await findImport(store.db, importId);
      if (record !== undefined) await failRun(store, importId, record.attempts, `the import failed ${job.attempts} times: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500));
    }
    throw error;
  }
});
