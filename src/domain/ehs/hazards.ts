/**
 * Zero hidden dangers: 隐患排查治理. A hazard is 一般 (general) or 重大 (major) as
 * 国家安全监管总局令第16号 第三条 defines them; one matching any of the twenty
 * situations of 安监总管三〔2017〕121号 is major. Each has a rectification plan (owner,
 * deadline, funds) and closes only with evidence.
 */
import { AppError, invalid } from '../errors.ts';
import { assertPlainDate } from '../calendar/plain-date.ts';
import { assertPastDate, isOverdue, wasLate } from './ehs-dates.ts';
import { majorHazardCriteriaFile, type MajorHazardCriterion } from './ehs-reference.ts';

export const HAZARD_GRADES = ['general', 'major'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

export function findMajorHazardCriterion(id: string): MajorHazardCriterion | undefined {
  return majorHazardCriteriaFile.items.find((criterion) => criterion.id === id);
}

/** A criterion id must exist, and a hazard that matches one cannot be graded general. */
export function assertHazardGrade(grade: string, criterionId: string | null | undefined): HazardGrade {
  if (!(HAZARD_GRADES as readonly string[]).includes(grade)) throw invalid('grade', 'must be general or major / 隐患等级须为一般或重大');
  if (criterionId !== null && criterionId !== undefined && criterionId !== '') {
    if (findMajorHazardCriterion(criterionId) === undefined) throw invalid('criterionId', `unknown criterion "${criterionId}" of 安监总管三〔2017〕121号 / 未知的重大隐患判定情形`);
    if (grade !== 'major') throw invalid('grade', `a hazard matching criterion ${criterionId} of 安监总管三〔2017〕121号 is major / 符合重大隐患判定标准的隐患应判定为重大隐患`);
  }
  return grade as HazardGrade;
}

export interface RectificationPlan {
  owner: string;
  deadline: string;
  fundsYuan: number;
  measures: string;
}

export function assertRectificationPlan(plan: RectificationPlan, foundOn: string): void {
  if (plan.owner.trim() === '') throw invalid('owner', 'the rectification owner is required / 须填写整改责任人');
  assertPlainDate('deadline', plan.deadline);
  if (plan.deadline < foundOn) throw invalid('deadline', `the deadline ${plan.deadline} is before the hazard was found (${foundOn}) / 整改期限早于发现日期`);
  if (!Number.isFinite(plan.fundsYuan) || plan.fundsYuan < 0) throw invalid('fundsYuan', 'funds must be an amount ≥ 0 in yuan / 整改资金须为不小于0的金额（元）');
}

export interface HazardClosure {
  closedOn: string;
  /** Whether a file shows the rectification (acceptance record, photos, report). */
  hasEvidence: boolean;
  note: string;
}

/** Closing needs a date and an evidence file; an already closed hazard cannot close again. */
export function assertHazardClosure(hazard: { status: string; foundOn: string }, closure: HazardClosure, today: string): void {
  if (hazard.status === 'closed') throw new AppError('INVALID_TRANSITION', 'the hazard is already closed / 该隐患已销号');
  if (!closure.hasEvidence) {
    throw invalid('evidence', 'a hazard closes only with evidence of the rectification (a file) / 隐患销号须上传整改证明材料');
  }
  assertPastDate('closedOn', closure.closedOn, today, { date: hazard.foundOn, what: 'the day it was found / 发现日期' });
}

export function hazardFlags(hazard: { deadline: string; closedOn: string | null }, today: string): { open: boolean; overdue: boolean; closedLate: boolean } {
  return { open: hazard.closedOn === null, overdue: isOverdue(hazard.deadline, hazard.closedOn, today), closedLate: wasLate(hazard.deadline, hazard.closedOn) };
}
