/**
 * Checking the inputs of `score` that are not AnnualData: answers (`qualitative`),
 * 基本要求 answers, negative-list events and the evaluation date. Bad input is a
 * VALIDATION error naming the path; an unanswered 基本要求 is "unconfirmed", not a veto.
 */
import { invalid } from '../domain/errors.ts';
import type { Framework, Indicator } from './framework-nodes.ts';
import { getNegativeList, windowStart } from './negative-list.ts';

export type Answer = string | number | boolean;

export interface NegativeListEvent {
  kind: string;
  date: string;
  description?: string;
}

export interface Finding {
  readonly id: string;
  readonly reason: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function checkDate(value: unknown, path: string): string {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw invalid(path, `must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks every answer against its indicator: boolean for 2018 items, option id for 定性, number for reported 定量. */
export function checkAnswers(answers: Readonly<Record<string, Answer>> | undefined, indicators: ReadonlyMap<string, Indicator>, frameworkId: string): void {
  if (answers === undefined) return;
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) throw invalid('qualitative', 'must be an object of answers by indicator id');
  for (const id in answers) {
    const answer = answers[id]!;
    const indicator = indicators.get(id);
    if (!indicator) throw invalid(`qualitative.${id}`, `not an indicator of ${frameworkId}`);
    switch (indicator.kind) {
      case 'requirement-item':
        if (typeof answer !== 'boolean') throw invalid(`qualitative.${id}`, `must be true (met) or false (not met), got ${JSON.stringify(answer)}`);
        break;
      case 'qualitative-indicator':
        if (typeof answer !== 'string' || !indicator.options.some((option) => option.id === answer)) {
          throw invalid(`qualitative.${id}`, `must be one of ${indicator.options.map((option) => JSON.stringify(option.id)).join(', ')}, got ${JSON.stringify(answer)}`);
        }
        break;
      case 'quantitative-indicator':
        if (indicator.kpi !== null) throw invalid(`qualitative.${id}`, `the value comes from the KPI ${indicator.kpi} computed from the annual data; it is not reported separately`);
        if (typeof answer !== 'number' || !Number.isFinite(answer) || answer < 0) throw invalid(`qualitative.${id}`, `must be a non-negative number (${indicator.unit}), got ${JSON.stringify(answer)}`);
        break;
    }
  }
}

const basicFindings = new WeakMap<Framework, readonly { id: string; veto: Finding; unconfirmed: Finding }[]>();

/** 基本要求 (one-vote veto): false is a veto; a missing answer leaves the evaluation unconfirmed. */
export function basicRequirementFindings(framework: Framework, answers: Readonly<Record<string, boolean>> | undefined): { vetoes: Finding[]; unconfirmed: Finding[] } {
  let findings = basicFindings.get(framework);
  if (!findings) {
    findings = framework.basicRequirements.map((requirement) => ({
      id: requirement.id,
      veto: Object.freeze({ id: requirement.id, reason: `基本要求未满足（一票否决）/ basic requirement not met (veto): ${requirement.nameZh}` }),
      unconfirmed: Object.freeze({ id: requirement.id, reason: `基本要求未确认 / basic requirement not confirmed: ${requirement.nameZh}` }),
    }));
    basicFindings.set(framework, findings);
  }
  if (answers !== undefined) {
    if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) throw invalid('basicRequirements', 'must be an object of true/false by requirement id');
    for (const id in answers) {
      if (!findings.some((finding) => finding.id === id)) throw invalid(`basicRequirements.${id}`, `not a 基本要求 of ${framework.id}`);
      if (typeof answers[id] !== 'boolean') throw invalid(`basicRequirements.${id}`, `must be true or false, got ${JSON.stringify(answers[id])}`);
    }
  }
  const vetoes: Finding[] = [];
  const unconfirmed: Finding[] = [];
  for (const finding of findings) {
    const answer = answers?.[finding.id];
    if (answer === false) vetoes.push(finding.veto);
    else if (answer === undefined) unconfirmed.push(finding.unconfirmed);
  }
  return { vetoes, unconfirmed };
}

/** Negative-list events within the window ending on `asOf` are vetoes (domain.md §3.2). */
export function negativeListFindings(events: readonly NegativeListEvent[] | undefined, asOf: string | undefined): { vetoes: Finding[]; notes: string[] } {
  if (events === undefined || events.length === 0) return { vetoes: [], notes: [] };
  if (!Array.isArray(events)) throw invalid('negativeListEvents', 'must be an array');
  if (asOf === undefined) throw invalid('asOf', 'required when negativeListEvents are given: the three-year window ends on it');
  const end = checkDate(asOf, 'asOf');
  const list = getNegativeList();
  const start = windowStart(end, list.windowYears.value);
  const vetoes: Finding[] = [];
  const notes: string[] = [];
  events.forEach((event, index) => {
    const path = `negativeListEvents[${index}]`;
    if (event === null || typeof event !== 'object') throw invalid(path, 'must be an object { kind, date, description? }');
    const kind = list.kinds.find((candidate) => candidate.id === event.kind);
    if (!kind) throw invalid(`${path}.kind`, `unknown kind ${JSON.stringify(event.kind)} (known: ${list.kinds.map((candidate) => candidate.id).join(', ')})`);
    const date = checkDate(event.date, `${path}.date`);
    if (event.description !== undefined && typeof event.description !== 'string') throw invalid(`${path}.description`, 'must be a string');
    if (date > end) notes.push(`负面清单事件晚于评价日期，未计入 / negative-list event ${kind.id} on ${date} is after asOf ${end}: not counted`);
    else if (date >= start) vetoes.push({ id: `negative-list.${kind.id}.${date}`, reason: `负面清单：${kind.nameZh}（${date}，评价日前${list.windowYears.value}年内）/ negative list: ${kind.nameEn} on ${date}, within ${list.windowYears.value} years before ${end}` });
  });
  return { vetoes, notes };
}
