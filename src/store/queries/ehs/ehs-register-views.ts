/**
 * Read models of the EHS register, in the shape the API and the pages show: one view per
 * item kind with its flags (overdue, late) worked out for `today`.
 */
import { leakFlags, type LeakFlags } from '../../../domain/ehs/ldar.ts';
import { hazardFlags } from '../../../domain/ehs/hazards.ts';
import { isOverdue } from '../../../domain/ehs/ehs-dates.ts';
import { isNegativeListedOn } from '../../../domain/ehs/accidents.ts';
import type { Executor } from '../../store.ts';

export interface SealPointView { id: number; tag: string; unit: string; componentType: string; medium: string; substance: string; location: string; status: string }
export interface RoundView { id: number; code: string; startedOn: string; completedOn: string; inspector: string; instrument: string; source: string; readings: number; leaks: number }
export interface LeakView {
  id: number; tag: string; unit: string; medium: string; location: string;
  detectedOn: string; detectedUmolPerMol: number; thresholdUmolPerMol: number;
  firstAttemptDue: string; repairDue: string; intervalSource: string; firstAttemptOn: string | null; firstAttemptNote: string | null;
  repairedOn: string | null; remeasuredUmolPerMol: number | null; status: string; flags: LeakFlags;
}
export interface HazardView {
  id: number; foundOn: string; foundBy: string; location: string; description: string; grade: string; criterionId: string | null;
  owner: string; deadline: string; fundsYuan: number; measures: string; status: string; closedOn: string | null; closureNote: string | null;
  evidenceFile: { id: number; name: string; mediaType: string; size: number } | null; overdue: boolean; closedLate: boolean;
}
export interface ViolationView {
  id: number; decidedOn: string; domain: string; authorityName: string; decisionNumber: string; basis: string; penaltyYuan: number;
  permitCondition: string | null; description: string; correctiveAction: string; correctiveDeadline: string | null; correctedOn: string | null; status: string; overdue: boolean;
}
export interface PermitLimitView { id: number; permitNumber: string; outletCode: string; outletName: string; medium: string; pollutantCode: string; pollutantName: string; unit: string; limitMax: number | null; limitMin: number | null; standard: string; validFrom: string; validUntil: string | null }
export interface MonitoringResultView { id: number; outletCode: string; outletName: string; pollutantCode: string; pollutantName: string; unit: string; sampledOn: string; method: string; value: number; limitMax: number | null; limitMin: number | null; isExceedance: boolean; explanation: string | null; explainedOn: string | null }
export interface AccidentView { id: number; occurredOn: string; category: string; grade: string; title: string; description: string; deaths: number | null; seriousInjuries: number | null; evacuated: number | null; directLossTenThousandYuan: number | null; reportedTo: string; negativeListUntil: string | null; negativeListedNow: boolean }

export interface Page { limit?: number; offset?: number }
const page = (p: Page = {}) => ({ limit: Math.min(Math.max(p.limit ?? 100, 1), 1000), offset: Math.max(p.offset ?? 0, 0) });

export async function listSealPoints(db: Executor, enterpriseId: number, options: Page & { unit?: string; id?: number } = {}): Promise<{ items: SealPointView[]; total: number }> {
  let query = db.selectFrom('ehs_seal_points').where('enterprise_id', '=', enterpriseId);
  if (options.unit) query = query.where('unit', '=', options.unit);
  if (options.id !== undefined) query = query.where('id', '=', options.id);
  const { limit, offset } = page(options);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('unit').orderBy('tag').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ id: r.id, tag: r.tag, unit: r.unit, componentType: r.component_type, medium: r.medium, substance: r.substance, location: r.location, status: r.status })), total: Number(count.n) };
}

export async function listRounds(db: Executor, enterpriseId: number): Promise<RoundView[]> {
  const rows = await db
    .selectFrom('ehs_inspection_rounds as r')
    .leftJoin('ehs_readings as x', (join) => join.onRef('x.enterprise_id', '=', 'r.enterprise_id').onRef('x.round_id', '=', 'r.id'))
    .select(['r.id', 'r.code', 'r.started_on', 'r.completed_on', 'r.inspector', 'r.instrument', 'r.source'])
    .select((eb) => [eb.fn.count<number>('x.id').as('readings'), eb.fn.sum<number>('x.is_leak').as('leaks')])
    .where('r.enterprise_id', '=', enterpriseId)
    .groupBy(['r.id', 'r.code', 'r.started_on', 'r.completed_on', 'r.inspector', 'r.instrument', 'r.source'])
    .orderBy('r.completed_on', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, startedOn: r.started_on, completedOn: r.completed_on, inspector: r.inspector, instrument: r.instrument, source: r.source, readings: Number(r.readings), leaks: Number(r.leaks ?? 0) }));
}

export async function listLeaks(db: Executor, enterpriseId: number, today: string, options: { status?: 'open' | 'repaired'; from?: string; id?: number } = {}): Promise<LeakView[]> {
  let query = db.selectFrom('ehs_leaks as l').innerJoin('ehs_seal_points as p', (join) => join.onRef('p.enterprise_id', '=', 'l.enterprise_id').onRef('p.id', '=', 'l.seal_point_id')).selectAll('l').select(['p.tag', 'p.unit', 'p.medium', 'p.location']).where('l.enterprise_id', '=', enterpriseId);
  if (options.status) query = query.where('l.status', '=', options.status);
  if (options.from) query = query.where('l.detected_on', '>=', options.from);
  if (options.id !== undefined) query = query.where('l.id', '=', options.id);
  const rows = await query.orderBy('l.detected_on', 'desc').orderBy('l.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, tag: r.tag, unit: r.unit, medium: r.medium, location: r.location,
    detectedOn: r.detected_on, detectedUmolPerMol: r.detected_umol_per_mol, thresholdUmolPerMol: r.threshold_umol_per_mol,
    firstAttemptDue: r.first_attempt_due, repairDue: r.repair_due, intervalSource: r.interval_source, firstAttemptOn: r.first_attempt_on, firstAttemptNote: r.first_attempt_note,
    repairedOn: r.repaired_on, remeasuredUmolPerMol: r.remeasured_umol_per_mol, status: r.status,
    flags: leakFlags({ detectedOn: r.detected_on, firstAttemptDue: r.first_attempt_due, repairDue: r.repair_due, firstAttemptOn: r.first_attempt_on, repairedOn: r.repaired_on }, today),
  }));
}

export async function listHazards(db: Executor, enterpriseId: number, today: string, options: { status?: 'open' | 'closed'; from?: string; id?: number } = {}): Promise<HazardView[]> {
  let query = db.selectFrom('ehs_hazards as h').leftJoin('files as f', (join) => join.onRef('f.id', '=', 'h.evidence_file_id').onRef('f.enterprise_id', '=', 'h.enterprise_id')).selectAll('h').select(['f.original_name', 'f.media_type', 'f.size']).where('h.enterprise_id', '=', enterpriseId);
  if (options.status) query = query.where('h.status', '=', options.status);
  if (options.from) query = query.where('h.found_on', '>=', options.from);
  if (options.id !== undefined) query = query.where('h.id', '=', options.id);
  const rows = await query.orderBy('h.found_on', 'desc').orderBy('h.id', 'desc').execute();
  return rows.map((r) => {
    const flags = hazardFlags({ deadline: r.deadline, closedOn: r.closed_on }, today);
    return {
      id: r.id, foundOn: r.found_on, foundBy: r.found_by, location: r.location, description: r.description, grade: r.grade, criterionId: r.criterion_id,
      owner: r.owner, deadline: r.deadline, fundsYuan: r.funds_yuan, measures: r.measures, status: r.status, closedOn: r.closed_on, closureNote: r.closure_note,
      evidenceFile: r.evidence_file_id === null ? null : { id: r.evidence_file_id, name: r.original_name ?? '', mediaType: r.media_type ?? '', size: Number(r.size ?? 0) },
      overdue: flags.overdue, closedLate: flags.closedLate,
    };
  });
}

export async function listViolations(db: Executor, enterpriseId: number, today: string): Promise<ViolationView[]> {
  const rows = await db.selectFrom('ehs_violations').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('decided_on', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, decidedOn: r.decided_on, domain: r.domain, authorityName: r.authority_name, decisionNumber: r.decision_number, basis: r.basis, penaltyYuan: r.penalty_yuan,
    permitCondition: r.permit_condition, description: r.description, correctiveAction: r.corrective_action, correctiveDeadline: r.corrective_deadline, correctedOn: r.corrected_on, status: r.status,
    overdue: r.corrective_deadline !== null && isOverdue(r.corrective_deadline, r.corrected_on, today),
  }));
}

export async function listPermitLimits(db: Executor, enterpriseId: number): Promise<PermitLimitView[]> {
  const rows = await db.selectFrom('ehs_permit_limits').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('outlet_code').orderBy('pollutant_code').orderBy('valid_from').execute();
  return rows.map((r) => ({ id: r.id, permitNumber: r.permit_number, outletCode: r.outlet_code, outletName: r.outlet_name, medium: r.medium, pollutantCode: r.pollutant_code, pollutantName: r.pollutant_name, unit: r.unit, limitMax: r.limit_max, limitMin: r.limit_min, standard: r.standard, validFrom: r.valid_from, validUntil: r.valid_until }));
}

export async function listMonitoringResults(db: Executor, enterpriseId: number, options: Page & { exceedancesOnly?: boolean; from?: string; to?: string; id?: number } = {}): Promise<{ items: MonitoringResultView[]; total: number }> {
  let query = db.selectFrom('ehs_monitoring_results as m').innerJoin('ehs_permit_limits as l', (join) => join.onRef('l.enterprise_id', '=', 'm.enterprise_id').onRef('l.id', '=', 'm.permit_limit_id')).where('m.enterprise_id', '=', enterpriseId);
  if (options.exceedancesOnly) query = query.where('m.is_exceedance', '=', 1);
  if (options.from) query = query.where('m.sampled_on', '>=', options.from);
  if (options.to) query = query.where('m.sampled_on', '<=', options.to);
  if (options.id !== undefined) query = query.where('m.id', '=', options.id);
  const { limit, offset } = page(options);
  const [rows, count] = await Promise.all([
    query.selectAll('m').select(['l.outlet_code', 'l.outlet_name', 'l.pollutant_code', 'l.pollutant_name', 'l.unit']).orderBy('m.sampled_on', 'desc').orderBy('m.id', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, outletCode: r.outlet_code, outletName: r.outlet_name, pollutantCode: r.pollutant_code, pollutantName: r.pollutant_name, unit: r.unit, sampledOn: r.sampled_on, method: r.method, value: r.value, limitMax: r.limit_max, limitMin: r.limit_min, isExceedance: r.is_exceedance === 1, explanation: r.explanation, explainedOn: r.explained_on })),
    total: Number(count.n),
  };
}

export async function listAccidents(db: Executor, enterpriseId: number, today: string): Promise<AccidentView[]> {
  const rows = await db.selectFrom('ehs_accidents').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('occurred_on', 'desc').execute();
  return rows.map((r) => ({ id: r.id, occurredOn: r.occurred_on, category: r.category, grade: r.grade, title: r.title, description: r.description, deaths: r.deaths, seriousInjuries: r.serious_injuries, evacuated: r.evacuated, directLossTenThousandYuan: r.direct_loss_ten_thousand_yuan, reportedTo: r.reported_to, negativeListUntil: r.negative_list_until, negativeListedNow: isNegativeListedOn(r.negative_list_until, today) }));
}

export interface EhsEventView { id: number; kind: string; category: string; severity: string | null; occurredOn: string; title: string; status: string; negativeListUntil: string | null; details: Record<string, unknown> }

export async function listEhsEvents(db: Executor, enterpriseId: number, options: Page & { kind?: string } = {}): Promise<{ items: EhsEventView[]; total: number }> {
  let query = db.selectFrom('ehs_events').where('enterprise_id', '=', enterpriseId);
  if (options.kind) query = query.where('kind', '=', options.kind);
  const { limit, offset } = page(options);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ id: r.id, kind: r.kind, category: r.category, severity: r.severity, occurredOn: r.occurred_on, title: r.title, status: r.status, negativeListUntil: r.negative_list_until, details: JSON.parse(r.details) as Record<string, unknown> })), total: Number(count.n) };
}

/** An evidence file of the enterprise's register; undefined when it belongs to another. */
export function findRegisterFile(db: Executor, enterpriseId: number, fileId: number) {
  return db.selectFrom('files').select(['id', 'original_name', 'media_type', 'size', 'storage_key']).where('id', '=', fileId).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}
