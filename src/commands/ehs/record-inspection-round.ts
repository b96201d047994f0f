/**
 * Records one LDAR inspection round with its readings (API and form). Every reading is
 * checked before anything is written; leaks are opened with their repair deadlines.
 * Sending the same round again is harmless: identical readings are left as they are.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { invalid } from '../../domain/errors.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { assertPastDate } from '../../domain/ehs/ehs-dates.ts';
import { sealPointsByTag } from '../../store/repositories/ehs/ehs-ldar.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, optionalText, requiredText, type RegisterOptions } from './ehs-register-access.ts';
import { writeInspectionReadings, type ReadingInput, type ReadingsOutcome } from './write-inspection-readings.ts';

export interface RecordInspectionRoundInput {
  enterpriseId: number;
  /** The enterprise's name for the round, e.g. '2026-Q1'; unique within the enterprise. */
  code: string;
  startedOn: string;
  completedOn: string;
  inspector?: string;
  instrument?: string;
  readings: readonly ReadingInput[];
}

export const MAX_READINGS_PER_REQUEST = 20_000;

export async function recordInspectionRound(store: Store, actor: Actor, input: RecordInspectionRoundInput, options: RegisterOptions & { source?: 'form' | 'api' } = {}): Promise<ReadingsOutcome> {
  const today = options.today ?? todayInShanghai();
  const code = requiredText('code', input.code, 40);
  assertPastDate('startedOn', input.startedOn, today);
  assertPastDate('completedOn', input.completedOn, today, { date: input.startedOn, what: 'the start of the round / 开始日期' });
  if (!Array.isArray(input.readings) || input.readings.length === 0) throw invalid('readings', 'a round needs at least one reading / 至少需要一条检测记录');
  if (input.readings.length > MAX_READINGS_PER_REQUEST) throw invalid('readings', `at most ${MAX_READINGS_PER_REQUEST} readings per request; import a file for more / 单次最多${MAX_READINGS_PER_REQUEST}条`);
  const round = { code, startedOn: input.startedOn, completedOn: input.completedOn, inspector: optionalText('inspector', input.inspector, 100), instrument: optionalText('instrument', input.instrument, 100), source: options.source ?? 'api' };
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const { problems, outcome } = await writeInspectionReadings(trx, enterprise, round, input.readings, { today, pointsByTag: await sealPointsByTag(trx, enterprise.id) });
    if (problems.length > 0 || outcome === undefined) {
      const first = problems[0]!;
      throw invalid(`readings[${first.index}].${first.field}`, first.reason, { problems: problems.slice(0, 100).map((p) => ({ path: `readings[${p.index}].${p.field}`, reason: p.reason })) });
    }
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.inspection-round.recorded', subjectType: 'ehs_inspection_round', subjectId: outcome.roundId, data: { code, stored: outcome.stored, unchanged: outcome.unchanged, leakIds: outcome.leaks.map((l) => l.id) } });
    return outcome;
  });
}
