/**
 * Records a hazard found (隐患): who found it, where, what, its grade (一般/重大, a 121号
 * situation making it 重大) and the rectification plan — owner, deadline, funds.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { assertPastDate } from '../../domain/ehs/ehs-dates.ts';
import { assertHazardGrade, assertRectificationPlan } from '../../domain/ehs/hazards.ts';
import { linkEhsEvent } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { insertItem } from '../../store/repositories/ehs/ehs-items.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, optionalText, requiredText, type RegisterOptions } from './ehs-register-access.ts';

export interface RecordHazardInput {
  enterpriseId: number;
  foundOn: string;
  foundBy: string;
  location: string;
  description: string;
  grade: string;
  criterionId?: string | null;
  owner: string;
  deadline: string;
  fundsYuan: number;
  measures?: string;
}

export async function recordHazard(store: Store, actor: Actor, input: RecordHazardInput, options: RegisterOptions = {}): Promise<Row<'ehs_hazards'>> {
  const today = options.today ?? todayInShanghai();
  assertPastDate('foundOn', input.foundOn, today);
  const foundBy = requiredText('foundBy', input.foundBy, 100);
  const location = requiredText('location', input.location, 200);
  const description = requiredText('description', input.description, 2000);
  const grade = assertHazardGrade(input.grade, input.criterionId);
  const plan = { owner: requiredText('owner', input.owner, 100), deadline: input.deadline, fundsYuan: input.fundsYuan, measures: optionalText('measures', input.measures, 2000) };
  assertRectificationPlan(plan, input.foundOn);
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const hazard = await insertItem(trx, 'ehs_hazards', {
      enterprise_id: enterprise.id,
      found_on: input.foundOn,
      found_by: foundBy,
      location,
      description,
      grade,
      criterion_id: input.criterionId || null,
      owner: plan.owner,
      deadline: plan.deadline,
      funds_yuan: plan.fundsYuan,
      measures: plan.measures,
      status: 'open',
      closed_on: null,
      closure_note: null,
      evidence_file_id: null,
      ehs_event_id: null,
    });
    const eventId = await linkEhsEvent(trx, { table: 'ehs_hazards', id: hazard.id }, {
      enterpriseId: enterprise.id,
      kind: 'hazard',
      category: 'safety',
      severity: grade,
      occurredOn: input.foundOn,
      title: `${grade === 'major' ? '重大' : '一般'}隐患：${location}`,
      details: { criterionId: hazard.criterion_id, deadline: plan.deadline },
      status: 'open',
    });
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.hazard.recorded', subjectType: 'ehs_hazard', subjectId: hazard.id, data: { grade, deadline: plan.deadline, fundsYuan: plan.fundsYuan } });
    return { ...hazard, ehs_event_id: eventId };
  });
}
