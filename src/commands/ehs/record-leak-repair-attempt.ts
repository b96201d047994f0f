/** Records the first repair attempt on a leak (due within N days of detection). */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { assertFirstAttempt } from '../../domain/ehs/ldar.ts';
import { updateLeak } from '../../store/repositories/ehs/ehs-ldar.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, optionalText, type RegisterOptions } from './ehs-register-access.ts';
import { loadLeak } from './load-leak.ts';

export interface RecordLeakRepairAttemptInput {
  enterpriseId: number;
  leakId: number;
  attemptedOn: string;
  note?: string;
}

export async function recordLeakRepairAttempt(store: Store, actor: Actor, input: RecordLeakRepairAttemptInput, options: RegisterOptions = {}): Promise<Row<'ehs_leaks'>> {
  const today = options.today ?? todayInShanghai();
  const note = optionalText('note', input.note, 500);
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const { row, progress } = await loadLeak(trx, enterprise.id, input.leakId);
    assertFirstAttempt(progress, input.attemptedOn, today);
    const updated = await updateLeak(trx, row, { first_attempt_on: input.attemptedOn, first_attempt_note: note });
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.leak.repair-attempted', subjectType: 'ehs_leak', subjectId: row.id, data: { attemptedOn: input.attemptedOn, due: row.first_attempt_due } });
    return updated;
  });
}
