/** Explains an exceedance: what happened and what was done. The feed row closes. */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { assertExplanation } from '../../domain/ehs/emissions.ts';
import { setEhsEventStatus } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { findItem, updateItem } from '../../store/repositories/ehs/ehs-items.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, type RegisterOptions } from './ehs-register-access.ts';

export async function explainExceedance(store: Store, actor: Actor, input: { enterpriseId: number; resultId: number; explanation: string }, options: RegisterOptions = {}): Promise<Row<'ehs_monitoring_results'>> {
  const today = options.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const result = await findItem(trx, 'ehs_monitoring_results', enterprise.id, input.resultId);
    if (result === undefined) throw notFound(`monitoring result ${input.resultId}`);
    if (result.explanation !== null) throw new AppError('INVALID_TRANSITION', 'this exceedance is already explained / 该超标已说明');
    const explanation = assertExplanation({ isExceedance: result.is_exceedance === 1, explanation: result.explanation }, input.explanation ?? '');
    const explained = await updateItem(trx, 'ehs_monitoring_results', enterprise.id, result.id, { explanation, explained_on: today });
    await setEhsEventStatus(trx, enterprise.id, result.ehs_event_id, 'closed');
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.exceedance.explained', subjectType: 'ehs_monitoring_result', subjectId: result.id, data: { sampledOn: result.sampled_on } });
    return explained;
  });
}
