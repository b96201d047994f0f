/**
 * The register's HTML forms, each mapped to its command: how the form's text fields
 * become the command's input. Numbers accept thousands separators; an empty optional
 * field is absent. The readings of a round are typed one per line: `TAG VALUE [DATE]`.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { invalid } from '../../domain/errors.ts';
import { registerSealPoint } from '../../commands/ehs/register-seal-point.ts';
import { recordInspectionRound } from '../../commands/ehs/record-inspection-round.ts';
import { recordHazard } from '../../commands/ehs/record-hazard.ts';
import { recordViolation } from '../../commands/ehs/record-violation.ts';
import { setPermitLimit } from '../../commands/ehs/set-permit-limit.ts';
import { recordMonitoringResults } from '../../commands/ehs/record-monitoring-results.ts';
import { recordAccident } from '../../commands/ehs/record-accident.ts';
import { recordLeakRepairAttempt } from '../../commands/ehs/record-leak-repair-attempt.ts';
import { closeLeak } from '../../commands/ehs/close-leak.ts';
import { recordViolationCorrection } from '../../commands/ehs/record-violation-correction.ts';
import { explainExceedance } from '../../commands/ehs/explain-exceedance.ts';
import type { ReadingInput } from '../../commands/ehs/write-inspection-readings.ts';
import type { Store } from '../../store/store.ts';

export type FormFields = Record<string, string>;

/** A number typed in a form; undefined when left empty. */
export function formNumber(fields: FormFields, name: string): number | undefined {
  const text = (fields[name] ?? '').replace(/[,，\s]/g, '');
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw invalid(name, `"${fields[name]}" is not a number / 不是数值`);
  return value;
}

function requiredNumber(fields: FormFields, name: string): number {
  const value = formNumber(fields, name);
  if (value === undefined) throw invalid(name, 'is required / 必填');
  return value;
}

const text = (fields: FormFields, name: string) => fields[name] ?? '';

/** `DT-V-001 2400` or `DT-V-001, 2400, 2026-03-10` per line; the date defaults to the round's last day. */
export function parseReadingLines(lines: string, defaultDate: string): ReadingInput[] {
  const readings: ReadingInput[] = [];
  for (const [index, line] of lines.split(/\r?\n/).entries()) {
    const parts = line.trim().split(/[\s,，;；\t]+/).filter((p) => p !== '');
    if (parts.length === 0) continue;
    const value = Number(parts[1]);
    if (parts.length < 2 || parts.length > 3 || !Number.isFinite(value)) throw invalid('readings', `line ${index + 1}: write "TAG VALUE" or "TAG VALUE DATE" / 第${index + 1}行应为"编号 检测值 [日期]"`);
    readings.push({ tag: parts[0]!, valueUmolPerMol: value, measuredOn: parts[2] ?? defaultDate });
  }
  return readings;
}

interface FormAction {
  /** The form's id on the record page (where its error is shown). */
  form: string;
  /** Key under ehs.done.* shown after the redirect. */
  done: string;
  run(store: Store, actor: Actor, enterpriseId: number, fields: FormFields): Promise<unknown>;
}

export const EHS_FORM_ACTIONS: Record<string, FormAction> = {
  'seal-points': {
    form: 'seal-point',
    done: 'sealPoint',
    run: (store, actor, enterpriseId, f) => registerSealPoint(store, actor, { enterpriseId, tag: text(f, 'tag'), unit: text(f, 'unit'), componentType: text(f, 'componentType'), medium: text(f, 'medium'), substance: text(f, 'substance'), location: text(f, 'location') }),
  },
  rounds: {
    form: 'round',
    done: 'round',
    run: (store, actor, enterpriseId, f) =>
      recordInspectionRound(store, actor, { enterpriseId, code: text(f, 'code'), startedOn: text(f, 'startedOn'), completedOn: text(f, 'completedOn'), inspector: text(f, 'inspector'), instrument: text(f, 'instrument'), readings: parseReadingLines(text(f, 'readings'), text(f, 'completedOn')) }, { source: 'form' }),
  },
  hazards: {
    form: 'hazard',
    done: 'hazard',
    run: (store, actor, enterpriseId, f) =>
      recordHazard(store, actor, { enterpriseId, foundOn: text(f, 'foundOn'), foundBy: text(f, 'foundBy'), location: text(f, 'location'), description: text(f, 'description'), grade: text(f, 'grade'), criterionId: text(f, 'criterionId') || null, owner: text(f, 'owner'), deadline: text(f, 'deadline'), fundsYuan: requiredNumber(f, 'fundsYuan'), measures: text(f, 'measures') }),
  },
  violations: {
    form: 'violation',
    done: 'violation',
    run: (store, actor, enterpriseId, f) =>
      recordViolation(store, actor, { enterpriseId, decidedOn: text(f, 'decidedOn'), domain: text(f, 'domain'), authorityName: text(f, 'authorityName'), decisionNumber: text(f, 'decisionNumber'), basis: text(f, 'basis'), penaltyYuan: requiredNumber(f, 'penaltyYuan'), permitCondition: text(f, 'permitCondition') || null, description: text(f, 'description'), correctiveAction: text(f, 'correctiveAction'), correctiveDeadline: text(f, 'correctiveDeadline') || null }),
  },
  'permit-limits': {
    form: 'permit-limit',
    done: 'permitLimit',
    run: (store, actor, enterpriseId, f) =>
      setPermitLimit(store, actor, { enterpriseId, permitNumber: text(f, 'permitNumber'), outletCode: text(f, 'outletCode'), outletName: text(f, 'outletName'), medium: text(f, 'medium'), pollutantCode: text(f, 'pollutantCode'), pollutantName: text(f, 'pollutantName'), unit: text(f, 'unit'), limitMax: formNumber(f, 'limitMax') ?? null, limitMin: formNumber(f, 'limitMin') ?? null, standard: text(f, 'standard'), validFrom: text(f, 'validFrom') }),
  },
  'monitoring-results': {
    form: 'monitoring',
    done: 'monitoring',
    run: (store, actor, enterpriseId, f) =>
      recordMonitoringResults(store, actor, { enterpriseId, results: [{ outletCode: text(f, 'outletCode'), pollutantCode: text(f, 'pollutantCode'), sampledOn: text(f, 'sampledOn'), method: text(f, 'method'), value: requiredNumber(f, 'value'), explanation: text(f, 'explanation') || null }] }, { source: 'form' }),
  },
  accidents: {
    form: 'accident',
    done: 'accident',
    run: (store, actor, enterpriseId, f) => {
      const figures = Object.fromEntries((['deaths', 'seriousInjuries', 'evacuated', 'directLossTenThousandYuan'] as const).map((name) => [name, formNumber(f, name)]).filter(([, value]) => value !== undefined));
      return recordAccident(store, actor, { enterpriseId, occurredOn: text(f, 'occurredOn'), category: text(f, 'category'), grade: text(f, 'grade'), title: text(f, 'title'), description: text(f, 'description'), reportedTo: text(f, 'reportedTo'), ...figures });
    },
  },
};

interface RowAction {
  done: string;
  run(store: Store, actor: Actor, enterpriseId: number, itemId: number, fields: FormFields): Promise<unknown>;
}

export const EHS_ROW_ACTIONS: Record<string, RowAction> = {
  'leaks/:itemId/attempt': { done: 'leakAttempt', run: (store, actor, enterpriseId, leakId, f) => recordLeakRepairAttempt(store, actor, { enterpriseId, leakId, attemptedOn: text(f, 'attemptedOn'), note: text(f, 'note') }) },
  'leaks/:itemId/closure': { done: 'leakClosed', run: (store, actor, enterpriseId, leakId, f) => closeLeak(store, actor, { enterpriseId, leakId, remeasuredOn: text(f, 'remeasuredOn'), valueUmolPerMol: requiredNumber(f, 'valueUmolPerMol') }) },
  'violations/:itemId/correction': { done: 'violationCorrected', run: (store, actor, enterpriseId, violationId, f) => recordViolationCorrection(store, actor, { enterpriseId, violationId, correctedOn: text(f, 'correctedOn') }) },
  'monitoring-results/:itemId/explanation': { done: 'exceedanceExplained', run: (store, actor, enterpriseId, resultId, f) => explainExceedance(store, actor, { enterpriseId, resultId, explanation: text(f, 'explanation') }) },
};
