/**
 * THE transition table of applications: every state, the actions that leave it, the role
 * that may take each, and the guards that must hold. Nothing else decides whether an
 * application may move; commands call `assertTransition` (assert-transition.ts), the
 * policy rules for applications are generated from this table (policies/rules/
 * applications.ts), and docs/workflow.md is drawn from it (workflow-drawing.ts).
 *
 * Path (工信部节〔2024〕13号; domain.md §3, §8): draft → submitted (self-evaluation, score
 * pinned) → third-party evaluation (optional where the authority allows self-evaluation)
 * → city review → province review → provincial notice → provincial list and/or
 * recommendation to the nation (by the deadline, 07-31 by default) → national expert
 * review → national 公示 → objection handling → national list.
 */
import type { Role } from '../actors/actor.ts';
import type { ApplicationState } from './application-states.ts';
import type { GuardName } from './guards.ts';

export const APPLICATION_ACTIONS = [
  'submit',
  'engage-evaluator',
  'release-evaluation',
  'sign-evaluation',
  'send-to-city',
  'forward',
  'recommend',
  'assign-panel',
  'place-on-notice',
  'pass-notice',
  'hold-for-objections',
  'clear-objections',
  'uphold-objection',
  'publish',
  'return',
  'resubmit',
  'reject',
  'withdraw',
  'veto',
] as const;

export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Who takes an action: a signed-in role, or 'system' (the scheduler and event subscribers only). */
export type ActingRole = Role | 'system';

export interface Transition {
  readonly action: ApplicationAction;
  readonly to: ApplicationState;
  readonly roles: readonly ActingRole[];
  readonly guards: readonly GuardName[];
}

const step = (action: ApplicationAction, to: ApplicationState, roles: readonly ActingRole[], guards: readonly GuardName[] = []): Transition => ({ action, to, roles, guards });

const withdraw = step('withdraw', 'withdrawn', ['enterprise']);
const veto = step('veto', 'rejected', ['system'], ['reasonGiven']);
const returnBy = (role: ActingRole) => step('return', 'returned', [role], ['reasonGiven']);
const rejectBy = (role: ActingRole) => step('reject', 'rejected', [role], ['reasonGiven']);
const submitGuards: readonly GuardName[] = ['programmeDetailsValid', 'selfEvaluationComplete', 'notVetoed'];

export const TRANSITIONS: Readonly<Record<ApplicationState, readonly Transition[]>> = {
  draft: [step('submit', 'submitted', ['enterprise'], submitGuards), withdraw],
  submitted: [
    step('engage-evaluator', 'third_party_evaluation', ['enterprise']),
    step('send-to-city', 'city_review', ['enterprise'], ['selfEvaluationAllowed']),
    withdraw,
    veto,
  ],
  third_party_evaluation: [
    step('sign-evaluation', 'city_review', ['evaluator'], ['engagementAccepted', 'verifiedDataRecorded']),
    step('release-evaluation', 'submitted', ['enterprise', 'evaluator']),
    withdraw,
    veto,
  ],
  city_review: [step('forward', 'province_review', ['city'], ['withinDeadline', 'negativeListClear']), returnBy('city'), rejectBy('city'), withdraw, veto],
  province_review: [
    step('place-on-notice', 'provincial_notice', ['province'], ['negativeListClear']),
    step('recommend', 'recommended', ['province'], ['targetsNation', 'withinDeadline', 'negativeListClear']),
    returnBy('province'),
    rejectBy('province'),
    withdraw,
    veto,
  ],
  provincial_notice: [
    step('pass-notice', 'provincially_approved', ['system'], ['noPendingObjections']),
    step('hold-for-objections', 'provincial_objections', ['system'], ['hasPendingObjections']),
    step('uphold-objection', 'rejected', ['province'], ['reasonGiven']),
    veto,
  ],
  provincial_objections: [
    step('clear-objections', 'provincially_approved', ['province'], ['noPendingObjections']),
    step('uphold-objection', 'rejected', ['province'], ['reasonGiven']),
    veto,
  ],
  provincially_approved: [step('publish', 'provincially_listed', ['province']), veto],
  provincially_listed: [step('recommend', 'recommended', ['province'], ['targetsNation', 'withinDeadline', 'negativeListClear'])],
  recommended: [step('assign-panel', 'national_expert_review', ['national']), returnBy('national'), rejectBy('national'), withdraw, veto],
  national_expert_review: [
    step('place-on-notice', 'national_notice', ['national'], ['expertConsensusPassed', 'negativeListClear']),
    returnBy('national'),
    rejectBy('national'),
    withdraw,
    veto,
  ],
  national_notice: [
    step('pass-notice', 'nationally_approved', ['system'], ['noPendingObjections']),
    step('hold-for-objections', 'national_objections', ['system'], ['hasPendingObjections']),
    step('uphold-objection', 'rejected', ['national'], ['reasonGiven']),
    veto,
  ],
  national_objections: [
    step('clear-objections', 'nationally_approved', ['national'], ['noPendingObjections']),
    step('uphold-objection', 'rejected', ['national'], ['reasonGiven']),
    veto,
  ],
  nationally_approved: [step('publish', 'listed', ['national']), veto],
  listed: [],
  returned: [step('resubmit', 'submitted', ['enterprise'], submitGuards), withdraw],
  rejected: [],
  withdrawn: [],
};

/** Plain words for an action, for history lines: "<who> <words>". */
export const ACTION_WORDS: Readonly<Record<ApplicationAction, { zh: string; en: string }>> = {
  submit: { zh: '提交了申请及自评价', en: 'submitted the application with its self-evaluation' },
  'engage-evaluator': { zh: '委托了第三方评价机构', en: 'engaged a third-party evaluator' },
  'release-evaluation': { zh: '终止了第三方评价委托', en: 'ended the third-party engagement' },
  'sign-evaluation': { zh: '签署了第三方评价报告，申请转市级审核', en: 'signed the third-party evaluation; the application went to city review' },
  'send-to-city': { zh: '以自评价报送市级审核', en: 'sent the application to city review on its self-evaluation' },
  forward: { zh: '审核通过并报送省级', en: 'approved the application and forwarded it to the province' },
  recommend: { zh: '推荐至工业和信息化部', en: 'recommended the application to the ministry' },
  'assign-panel': { zh: '分配至专家组评审', en: 'assigned the application to an expert panel' },
  'place-on-notice': { zh: '列入公示', en: 'put the application on public notice' },
  'pass-notice': { zh: '公示期满无异议', en: 'closed the notice with no objection pending' },
  'hold-for-objections': { zh: '公示期满，异议待处理', en: 'closed the notice with objections still to decide' },
  'clear-objections': { zh: '异议处理完毕（不成立）', en: 'finished handling the objections (dismissed)' },
  'uphold-objection': { zh: '认定异议成立，移出本批次', en: 'upheld an objection; the entry left the batch' },
  publish: { zh: '发布名单，正式列入', en: 'published the list; the application is listed' },
  return: { zh: '退回修改', en: 'returned the application for revision' },
  resubmit: { zh: '修改后重新提交', en: 'resubmitted the revised application' },
  reject: { zh: '不予通过', en: 'rejected the application' },
  withdraw: { zh: '撤回了申请', en: 'withdrew the application' },
  veto: { zh: '因负面清单事件终止申请', en: 'stopped the application because of a negative-list event' },
};

/** Every (state, transition) pair, in table order. */
export function allTransitions(): { from: ApplicationState; transition: Transition }[] {
  return (Object.entries(TRANSITIONS) as [ApplicationState, readonly Transition[]][]).flatMap(([from, list]) => list.map((transition) => ({ from, transition })));
}
