/**
 * The guards of the transition table: named, pure checks over facts that the command
 * loads before it changes anything. A guard that fails says why, in both languages; a
 * guard whose fact was not loaded is a programming error, never a silent pass.
 */
import type { Tier } from './application-states.ts';

/** Everything a guard may look at. Commands fill in the facts the transition's guards name. */
export interface GuardFacts {
  /** The day the action is taken (Asia/Shanghai), 'YYYY-MM-DD'. */
  today: string;
  targetTier?: Tier;
  /** The reason typed by the reviewer (return, reject, uphold). */
  reason?: string | null;
  /** A problem with the programme-specific fields, or null when they are valid. */
  programmeDetailsProblem?: string | null;
  /** The self-evaluation is attached and answers every 基本要求 the framework asks. */
  selfEvaluationProblem?: string | null;
  /** Veto findings of the pinned score (基本要求, 必选, the three-year negative list). */
  vetoes?: readonly string[];
  /** The application's authority lets enterprises go on with a self-evaluation alone. */
  selfEvaluationAllowed?: boolean;
  /** State of the third-party engagement: requested, accepted, signed … or null. */
  engagementState?: string | null;
  /** The evaluator recorded the values it verified. */
  verifiedDataRecorded?: boolean;
  /** Last day to take the action (the receiving authority's deadline), or null for none. */
  deadline?: string | null;
  /** Negative-list events of the enterprise in force on `today`, in words. */
  negativeListEvents?: readonly string[];
  /** The panel's consensus on the application. */
  expertConsensus?: { reached: boolean; passed: boolean; detail: string } | null;
  /** Objections still waiting for a decision on the application's notice entry. */
  pendingObjections?: number;
}

export type GuardName =
  | 'reasonGiven'
  | 'programmeDetailsValid'
  | 'selfEvaluationComplete'
  | 'notVetoed'
  | 'selfEvaluationAllowed'
  | 'engagementAccepted'
  | 'verifiedDataRecorded'
  | 'targetsNation'
  | 'withinDeadline'
  | 'negativeListClear'
  | 'expertConsensusPassed'
  | 'noPendingObjections'
  | 'hasPendingObjections';

export interface GuardFailure {
  code: 'VALIDATION' | 'RULE_VIOLATION';
  message: string;
  path?: string;
}

export interface Guard {
  name: GuardName;
  /** What the guard asks, for the drawing and for people. */
  descriptionEn: string;
  descriptionZh: string;
  check(facts: GuardFacts): GuardFailure | null;
}

function need<K extends keyof GuardFacts>(facts: GuardFacts, key: K, guard: GuardName): NonNullable<GuardFacts[K]> | null {
  if (!(key in facts) || facts[key] === undefined) throw new Error(`guard ${guard} needs the fact "${String(key)}"; the command did not load it`);
  return (facts[key] ?? null) as NonNullable<GuardFacts[K]> | null;
}

const rule = (message: string): GuardFailure => ({ code: 'RULE_VIOLATION', message });

export const GUARDS: Readonly<Record<GuardName, Guard>> = {
  reasonGiven: {
    name: 'reasonGiven',
    descriptionEn: 'a reason is given',
    descriptionZh: '须填写理由',
    check: (facts) => {
      const reason = facts.reason?.trim() ?? '';
      return [...reason].length >= 2 ? null : { code: 'VALIDATION', path: 'reason', message: 'reason: a reason is required for this action / 请填写理由' };
    },
  },
  programmeDetailsValid: {
    name: 'programmeDetailsValid',
    descriptionEn: 'the programme’s own fields are complete',
    descriptionZh: '申报类别专有信息完整',
    check: (facts) => {
      const problem = need(facts, 'programmeDetailsProblem', 'programmeDetailsValid');
      return problem === null ? null : { code: 'VALIDATION', path: 'details', message: problem };
    },
  },
  selfEvaluationComplete: {
    name: 'selfEvaluationComplete',
    descriptionEn: 'the self-evaluation is attached and complete; the score is pinned with the batch’s framework version',
    descriptionZh: '已附自评价且完整，按批次指标体系版本计分并固定',
    check: (facts) => {
      const problem = need(facts, 'selfEvaluationProblem', 'selfEvaluationComplete');
      return problem === null ? null : rule(problem);
    },
  },
  notVetoed: {
    name: 'notVetoed',
    descriptionEn: 'no veto (基本要求, 必选 items, three-year negative list)',
    descriptionZh: '无一票否决项（基本要求、必选项、近三年负面清单）',
    check: (facts) => {
      const vetoes = need(facts, 'vetoes', 'notVetoed') ?? [];
      return vetoes.length === 0 ? null : rule(`The self-evaluation is vetoed / 自评价被一票否决: ${vetoes.join('; ')}`);
    },
  },
  selfEvaluationAllowed: {
    name: 'selfEvaluationAllowed',
    descriptionEn: 'the authority accepts a self-evaluation without a third party',
    descriptionZh: '主管部门允许仅以自评价申报',
    check: (facts) =>
      need(facts, 'selfEvaluationAllowed', 'selfEvaluationAllowed') === true
        ? null
        : rule('This authority requires a third-party evaluation before city review / 该主管部门要求先完成第三方评价'),
  },
  engagementAccepted: {
    name: 'engagementAccepted',
    descriptionEn: 'the evaluator accepted the engagement with a conflict-of-interest declaration',
    descriptionZh: '第三方机构已接受委托并作出利益冲突声明',
    check: (facts) =>
      need(facts, 'engagementState', 'engagementAccepted') === 'accepted'
        ? null
        : rule('The evaluator has not accepted the engagement / 第三方机构尚未接受委托'),
  },
  verifiedDataRecorded: {
    name: 'verifiedDataRecorded',
    descriptionEn: 'the evaluator recorded the verified values',
    descriptionZh: '第三方机构已填写核实数据',
    check: (facts) =>
      need(facts, 'verifiedDataRecorded', 'verifiedDataRecorded') === true ? null : rule('Record the verified values before signing / 签署前请填写核实数据'),
  },
  targetsNation: {
    name: 'targetsNation',
    descriptionEn: 'the application aims at the national list',
    descriptionZh: '申报目标为国家级名单',
    check: (facts) => (need(facts, 'targetTier', 'targetsNation') === 'national' ? null : rule('The application aims at the provincial list only / 本申报仅申请省级名单')),
  },
  withinDeadline: {
    name: 'withinDeadline',
    descriptionEn: 'on or before the receiving authority’s deadline (07-31 nationally by default)',
    descriptionZh: '不晚于接收部门的截止日期（国家级默认7月31日）',
    check: (facts) => {
      const deadline = need(facts, 'deadline', 'withinDeadline');
      if (deadline === null || facts.today <= deadline) return null;
      return rule(`The deadline was ${deadline} / 截止日期${deadline}已过`);
    },
  },
  negativeListClear: {
    name: 'negativeListClear',
    descriptionEn: 'no negative-list event in force',
    descriptionZh: '无有效的负面清单事件',
    check: (facts) => {
      const events = need(facts, 'negativeListEvents', 'negativeListClear') ?? [];
      return events.length === 0 ? null : rule(`The enterprise is on the negative list / 企业在负面清单内: ${events.join('; ')}`);
    },
  },
  expertConsensusPassed: {
    name: 'expertConsensusPassed',
    descriptionEn: 'the expert panel reached a passing consensus (docs/decisions/004-expert-consensus.md)',
    descriptionZh: '专家组形成通过意见',
    check: (facts) => {
      const consensus = need(facts, 'expertConsensus', 'expertConsensusPassed');
      if (consensus === null) return rule('The application is not on an expert panel / 尚未分配专家组');
      if (!consensus.reached) return rule(`The expert panel has not reached a consensus / 专家组尚未形成意见: ${consensus.detail}`);
      return consensus.passed ? null : rule(`The expert panel did not pass the application / 专家组意见为不通过: ${consensus.detail}`);
    },
  },
  noPendingObjections: {
    name: 'noPendingObjections',
    descriptionEn: 'no objection waits for a decision',
    descriptionZh: '无待处理异议',
    check: (facts) => {
      const pending = need(facts, 'pendingObjections', 'noPendingObjections') ?? 0;
      return pending === 0 ? null : rule(`${pending} objection(s) still wait for a decision / 尚有${pending}件异议待处理`);
    },
  },
  hasPendingObjections: {
    name: 'hasPendingObjections',
    descriptionEn: 'objections wait for a decision',
    descriptionZh: '有待处理异议',
    check: (facts) => ((need(facts, 'pendingObjections', 'hasPendingObjections') ?? 0) > 0 ? null : rule('No objection waits for a decision / 无待处理异议')),
  },
};
