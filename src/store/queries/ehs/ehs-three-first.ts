/** The "Three First" summary of one enterprise's year, for the annual dynamic report. */
import { threeFirstSummary, type ThreeFirstSummary } from '../../../domain/ehs/three-first-summary.ts';
import type { AccidentCategory, AccidentGrade } from '../../../domain/ehs/ehs-reference.ts';
import type { Executor } from '../../store.ts';

export async function ehsThreeFirst(db: Executor, enterpriseId: number, year: number): Promise<ThreeFirstSummary> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [hazards, leaks, rounds, violations, results, exceedances, accidents] = await Promise.all([
    db.selectFrom('ehs_hazards').select(['found_on', 'grade', 'deadline', 'closed_on']).where('enterprise_id', '=', enterpriseId).where('found_on', '<=', to).execute(),
    db.selectFrom('ehs_leaks').select(['detected_on', 'repair_due', 'repaired_on']).where('enterprise_id', '=', enterpriseId).where('detected_on', '<=', to).execute(),
    db
      .selectFrom('ehs_inspection_rounds as r')
      .leftJoin('ehs_readings as x', (join) => join.onRef('x.enterprise_id', '=', 'r.enterprise_id').onRef('x.round_id', '=', 'r.id'))
      .select(['r.id', 'r.completed_on'])
      .select((eb) => eb.fn.count<number>('x.id').as('readings'))
      .where('r.enterprise_id', '=', enterpriseId)
      .where('r.completed_on', '>=', from)
      .where('r.completed_on', '<=', to)
      .groupBy(['r.id', 'r.completed_on'])
      .execute(),
    db.selectFrom('ehs_violations').select(['decided_on', 'domain', 'penalty_yuan', 'corrected_on']).where('enterprise_id', '=', enterpriseId).where('decided_on', '>=', from).where('decided_on', '<=', to).execute(),
    db.selectFrom('ehs_monitoring_results').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('sampled_on', '>=', from).where('sampled_on', '<=', to).executeTakeFirstOrThrow(),
    db.selectFrom('ehs_monitoring_results').select(['sampled_on', 'explanation']).where('enterprise_id', '=', enterpriseId).where('is_exceedance', '=', 1).where('sampled_on', '>=', from).where('sampled_on', '<=', to).execute(),
    db.selectFrom('ehs_accidents').select(['occurred_on', 'category', 'grade', 'negative_list_until']).where('enterprise_id', '=', enterpriseId).where('occurred_on', '<=', to).execute(),
  ]);
  return threeFirstSummary({
    year,
    hazards: hazards.map((h) => ({ foundOn: h.found_on, grade: h.grade, deadline: h.deadline, closedOn: h.closed_on })),
    leaks: leaks.map((l) => ({ detectedOn: l.detected_on, repairDue: l.repair_due, repairedOn: l.repaired_on })),
    rounds: rounds.map((r) => ({ completedOn: r.completed_on, readings: Number(r.readings) })),
    violations: violations.map((v) => ({ decidedOn: v.decided_on, domain: v.domain as AccidentCategory, penaltyYuan: v.penalty_yuan, correctedOn: v.corrected_on })),
    monitoring: { results: Number(results.n), exceedances: exceedances.map((e) => ({ sampledOn: e.sampled_on, explained: e.explanation !== null })) },
    accidents: accidents.map((a) => ({ occurredOn: a.occurred_on, category: a.category as AccidentCategory, grade: a.grade as AccidentGrade, negativeListUntil: a.negative_list_until })),
  });
}
