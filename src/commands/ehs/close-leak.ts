/**
 * Closes a leak with a re-measurement at or below its threshold (the threshold stored
 * with the leak, the one in force when it was found). The feed row closes with it.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { assertClosure, assertReadingValue } from '../../domain/ehs/ldar.ts';
import { setEhsEventStatus } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { updateLeak } from '../../store/repositories/ehs/ehs-ldar.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, type RegisterOptions } from './ehs-register-access.ts';
import { loadLeak } from './load-leak.ts';

export interface CloseLeakInput {
  enterpriseId: number;
  leakId: number;
  remeasuredOn: string;
  valueUmolPerMol: number;
}

export async function closeLeak(store: Store, actor: Actor, input: CloseLeakInput, options: RegisterOptions = {}): Promise<Row<'ehs_leaks'>> {
  const today = options.today ?? todayInShanghai();
  const value = assertReadingValue('valueUmolPerMol', input.valueUmolPerMol);
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const { row, progress } = await loadLeak(trx, enterprise.id, input.leakId);
    assertClosure(progress, { remeasuredOn: input.remeasuredOn, reading: { valueUmolPerMol: value }, thresholdUmolPerMol: row.threshold_umol_per_mol }, today);
    const updated = await updateLeak(trx, row, { repaired_on: input.remeasuredOn, remeasured_umol_per_mol: value, status: 'repaired' });
    await setEhsEventStatus(trx, enterprise.id, row.ehs_event_id, 'closed');
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.leak.closed', subjectType: 'ehs_leak', subjectId: row.id, data: { remeasuredOn: input.remeasuredOn, valueUmolPerMol: value, repairDue: row.repair_due, late: input.remeasuredOn > row.repair_due } });
    return updated;
  });
}
