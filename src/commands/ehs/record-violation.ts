/**
 * Records a regulatory finding or penalty (零违规 broken): the authority, the decision and
 * its legal basis, the fine, the permit condition breached if any, and the corrective
 * action required (with its deadline when one was set).
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { assertPlainDate, todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { invalid } from '../../domain/errors.ts';
import { isAccidentCategory } from '../../domain/ehs/accidents.ts';
import { assertPastDate } from '../../domain/ehs/ehs-dates.ts';
import { linkEhsEvent } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { insertItem } from '../../store/repositories/ehs/ehs-items.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, optionalText, requiredText, type RegisterOptions } from './ehs-register-access.ts';

export interface RecordViolationInput {
  enterpriseId: number;
  decidedOn: string;
  /** Which of the "Three First" the finding concerns: safety, environment or quality. */
  domain: string;
  authorityName: string;
  decisionNumber?: string;
  basis: string;
  penaltyYuan: number;
  permitCondition?: string | null;
  description: string;
  correctiveAction: string;
  correctiveDeadline?: string | null;
}

export async function recordViolation(store: Store, actor: Actor, input: RecordViolationInput, options: RegisterOptions = {}): Promise<Row<'ehs_violations'>> {
  const today = options.today ?? todayInShanghai();
  assertPastDate('decidedOn', input.decidedOn, today);
  if (!isAccidentCategory(input.domain)) throw invalid('domain', 'must be safety, environment or quality / 须为安全、环保或质量');
  if (typeof input.penaltyYuan !== 'number' || !Number.isFinite(input.penaltyYuan) || input.penaltyYuan < 0) throw invalid('penaltyYuan', 'must be an amount ≥ 0 in yuan / 罚款金额须不小于0');
  if (input.correctiveDeadline) {
    assertPlainDate('correctiveDeadline', input.correctiveDeadline);
    if (input.correctiveDeadline < input.decidedOn) throw invalid('correctiveDeadline', 'is before the decision / 整改期限早于处罚日期');
  }
  const row = {
    authority_name: requiredText('authorityName', input.authorityName, 100),
    decision_number: optionalText('decisionNumber', input.decisionNumber, 100),
    basis: requiredText('basis', input.basis, 500),
    permit_condition: optionalText('permitCondition', input.permitCondition, 500) || null,
    description: requiredText('description', input.description, 2000),
    corrective_action: requiredText('correctiveAction', input.correctiveAction, 2000),
  };
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const violation = await insertItem(trx, 'ehs_violations', { enterprise_id: enterprise.id, decided_on: input.decidedOn, domain: input.domain, penalty_yuan: input.penaltyYuan, corrective_deadline: input.correctiveDeadline || null, corrected_on: null, status: 'open', ehs_event_id: null, ...row });
    const eventId = await linkEhsEvent(trx, { table: 'ehs_violations', id: violation.id }, {
      enterpriseId: enterprise.id,
      kind: 'violation',
      category: input.domain,
      severity: null,
      occurredOn: input.decidedOn,
      title: `违规：${row.authority_name} ${row.decision_number}`.trim(),
      details: { penaltyYuan: input.penaltyYuan, basis: row.basis, permitCondition: row.permit_condition },
      status: 'open',
    });
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.violation.recorded', subjectType: 'ehs_violation', subjectId: violation.id, data: { decidedOn: input.decidedOn, penaltyYuan: input.penaltyYuan } });
    return { ...violation, ehs_event_id: eventId };
  });
}
