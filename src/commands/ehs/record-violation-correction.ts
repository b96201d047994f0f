/** Records that the corrective action of a violation was completed. */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { assertPastDate } from '../../domain/ehs/ehs-dates.ts';
import { setEhsEventStatus } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { findItem, updateItem } from '../../store/repositories/ehs/ehs-items.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, type RegisterOptions } from './ehs-register-access.ts';

export async function recordViolationCorrection(store: Store, actor: Actor, input: { enterpriseId: number; violationId: number; correctedOn: string }, options: RegisterOptions = {}): Promise<Row<'ehs_violations'>> {
  const today = options.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const violation = await findItem(trx, 'ehs_violations', enterprise.id, input.violationId);
    if (violation === undefined) throw notFound(`violation ${input.violationId}`);
    if (violation.status === 'corrected') throw new AppError('INVALID_TRANSITION', 'the corrective action is already recorded as done / 已记录整改完成');
    assertPastDate('correctedOn', input.correctedOn, today, { date: violation.decided_on, what: 'the decision / 处罚日期' });
    const corrected = await updateItem(trx, 'ehs_violations', enterprise.id, violation.id, { status: 'corrected', corrected_on: input.correctedOn });
    await setEhsEventStatus(trx, enterprise.id, violation.ehs_event_id, 'closed');
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.violation.corrected', subjectType: 'ehs_violation', subjectId: violation.id, data: { correctedOn: input.correctedOn } });
    return corrected;
  });
}
