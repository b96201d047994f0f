/** Loads one leak of an enterprise for a change, as the domain rules see it. */
import { notFound } from '../../domain/errors.ts';
import type { LeakProgress } from '../../domain/ehs/ldar.ts';
import { findLeak } from '../../store/repositories/ehs/ehs-ldar.ts';
import type { Row } from '../../store/schema.ts';
import type { Executor } from '../../store/store.ts';

export async function loadLeak(db: Executor, enterpriseId: number, leakId: number): Promise<{ row: Row<'ehs_leaks'>; progress: LeakProgress }> {
  const row = await findLeak(db, enterpriseId, leakId);
  if (row === undefined) throw notFound(`leak ${leakId}`);
  return { row, progress: { detectedOn: row.detected_on, firstAttemptDue: row.first_attempt_due, repairDue: row.repair_due, firstAttemptOn: row.first_attempt_on, repairedOn: row.repaired_on } };
}
