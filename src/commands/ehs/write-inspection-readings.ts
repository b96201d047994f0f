/**
 * The heart of LDAR recording, shared by the API/form command and the file import:
 * check every reading of a round first (unknown tag, bad value, duplicate, a different
 * value already stored) and write nothing if any is wrong; otherwise store the round
 * (or widen an existing one), the readings, and a leak with its deadlines for every
 * reading over its medium's threshold. Re-sending identical readings changes nothing.
 */
import { isPlainDate } from '../../domain/calendar/plain-date.ts';
import { isLeak, leakDeadlines, leakThresholdFor, repairIntervalsFor } from '../../domain/ehs/ldar.ts';
import type { MediumClass } from '../../domain/ehs/ehs-reference.ts';
import { linkEhsEvent } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { findRoundByCode, insertLeak, insertReading, insertReadings, insertRound, readingsOfRound, widenRound, type NewReading } from '../../store/repositories/ehs/ehs-ldar.ts';
import type { Row } from '../../store/schema.ts';
import type { Executor } from '../../store/store.ts';

export interface ReadingInput {
  tag: string;
  measuredOn: string;
  valueUmolPerMol: number;
  backgroundUmolPerMol?: number | null;
  visibleLeak?: boolean;
}

export interface RoundInput {
  code: string;
  startedOn: string;
  completedOn: string;
  inspector: string;
  instrument: string;
  source: 'form' | 'api' | 'import' | 'seed';
}

/** A reading that cannot be stored: its index in the input, the field and why. */
export interface ReadingProblem {
  index: number;
  field: 'tag' | 'measuredOn' | 'valueUmolPerMol' | 'backgroundUmolPerMol';
  reason: string;
}

export interface ReadingsOutcome {
  roundId: number;
  stored: number;
  unchanged: number;
  leaks: Row<'ehs_leaks'>[];
}

interface Planned {
  input: ReadingInput;
  point: Row<'ehs_seal_points'>;
  threshold: number;
  leak: boolean;
}

const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

export async function writeInspectionReadings(
  trx: Executor,
  enterprise: Pick<Row<'enterprises'>, 'id' | 'province_code'>,
  round: RoundInput,
  readings: readonly ReadingInput[],
  context: { today: string; pointsByTag: Map<string, Row<'ehs_seal_points'>> },
): Promise<{ problems: ReadingProblem[]; outcome?: ReadingsOutcome }> {
  const existingRound = await findRoundByCode(trx, enterprise.id, round.code);
  const existing = existingRound === undefined ? new Map<number, Row<'ehs_readings'>>() : await readingsOfRound(trx, enterprise.id, existingRound.id);
  const problems: ReadingProblem[] = [];
  const planned: Planned[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const [index, reading] of readings.entries()) {
    const point = context.pointsByTag.get(reading.tag);
    const problem = (field: ReadingProblem['field'], reason: string) => problems.push({ index, field, reason });
    if (point === undefined || point.status !== 'active') { problem('tag', `no active seal point "${reading.tag}" in the inventory / 密封点台账中无此编号`); continue; }
    if (seen.has(reading.tag)) { problem('tag', `seal point ${reading.tag} appears twice in round ${round.code} / 同一轮次中重复`); continue; }
    seen.add(reading.tag);
    if (!isPlainDate(reading.measuredOn)) { problem('measuredOn', `"${reading.measuredOn}" is not a date YYYY-MM-DD / 日期格式应为YYYY-MM-DD`); continue; }
    if (reading.measuredOn > context.today) { problem('measuredOn', `${reading.measuredOn} is in the future / 检测日期晚于今天`); continue; }
    if (reading.measuredOn < round.startedOn || reading.measuredOn > round.completedOn) { problem('measuredOn', `${reading.measuredOn} is outside round ${round.code} (${round.startedOn} – ${round.completedOn}) / 检测日期不在本轮检测期间内`); continue; }
    if (!isAmount(reading.valueUmolPerMol)) { problem('valueUmolPerMol', 'must be a concentration ≥ 0 in μmol/mol / 检测值须为不小于0的数'); continue; }
    if (reading.backgroundUmolPerMol != null && !isAmount(reading.backgroundUmolPerMol)) { problem('backgroundUmolPerMol', 'must be ≥ 0 / 背景值须不小于0'); continue; }
    const before = existing.get(point.id);
    if (before !== undefined) {
      const same = before.value_umol_per_mol === reading.valueUmolPerMol && before.measured_on === reading.measuredOn && before.visible_leak === (reading.visibleLeak ? 1 : 0);
      if (same) unchanged++;
      else problem('valueUmolPerMol', `seal point ${reading.tag} already has a different reading in round ${round.code} (${before.value_umol_per_mol} on ${before.measured_on}) / 本轮次已有该密封点的不同检测值`);
      continue;
    }
    const threshold = leakThresholdFor(point.medium as MediumClass, enterprise.province_code).thresholdUmolPerMol;
    planned.push({ input: reading, point, threshold, leak: isLeak({ valueUmolPerMol: reading.valueUmolPerMol, visibleLeak: reading.visibleLeak === true }, threshold) });
  }
  if (problems.length > 0) return { problems };

  let roundRow = existingRound;
  if (roundRow === undefined) {
    roundRow = await insertRound(trx, { enterprise_id: enterprise.id, code: round.code, started_on: round.startedOn, completed_on: round.completedOn, inspector: round.inspector, instrument: round.instrument, source: round.source });
  } else {
    await widenRound(trx, roundRow, round.startedOn, round.completedOn);
  }
  const roundId = roundRow.id;
  const asRow = (p: Planned): NewReading => ({
    enterprise_id: enterprise.id,
    round_id: roundId,
    seal_point_id: p.point.id,
    measured_on: p.input.measuredOn,
    value_umol_per_mol: p.input.valueUmolPerMol,
    background_umol_per_mol: p.input.backgroundUmolPerMol ?? null,
    visible_leak: p.input.visibleLeak ? 1 : 0,
    threshold_umol_per_mol: p.threshold,
    is_leak: p.leak ? 1 : 0,
  });
  await insertReadings(trx, planned.filter((p) => !p.leak).map(asRow));
  const intervals = repairIntervalsFor(enterprise.province_code);
  const leaks: Row<'ehs_leaks'>[] = [];
  for (const p of planned.filter((q) => q.leak)) {
    const reading = await insertReading(trx, asRow(p));
    const deadlines = leakDeadlines(p.input.measuredOn, intervals);
    const leak = await insertLeak(trx, {
      enterprise_id: enterprise.id,
      seal_point_id: p.point.id,
      reading_id: reading.id,
      detected_on: p.input.measuredOn,
      detected_umol_per_mol: p.input.valueUmolPerMol,
      threshold_umol_per_mol: p.threshold,
      first_attempt_due: deadlines.firstAttemptDue,
      repair_due: deadlines.repairDue,
      interval_source: `${intervals.source} [${intervals.tag}]`,
      first_attempt_on: null,
      first_attempt_note: null,
      repaired_on: null,
      remeasured_umol_per_mol: null,
      ehs_event_id: null,
    });
    const eventId = await linkEhsEvent(trx, { table: 'ehs_leaks', id: leak.id }, {
      enterpriseId: enterprise.id,
      kind: 'leak',
      category: 'environment',
      severity: null,
      occurredOn: leak.detected_on,
      title: `泄漏 ${p.point.tag}（${p.point.unit}）${p.input.valueUmolPerMol} μmol/mol`,
      details: { tag: p.point.tag, unit: p.point.unit, roundCode: round.code, valueUmolPerMol: p.input.valueUmolPerMol, thresholdUmolPerMol: p.threshold, repairDue: leak.repair_due },
      status: 'open',
    });
    leaks.push({ ...leak, ehs_event_id: eventId });
  }
  return { problems: [], outcome: { roundId, stored: planned.length, unchanged, leaks } };
}
