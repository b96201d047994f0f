/**
 * `POST /api/v1/applications/{id}/actions/{action}` and `greenlist application <id>
 * <action>`: one entry point for every action a person takes on an application. Actions
 * with their own data go to their own command; the scheduler's actions and those taken
 * through a notice, a panel or a batch are refused here with the way to take them.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { isApplicationAction } from '../../domain/applications/assert-transition.ts';
import type { ApplicationAction } from '../../domain/applications/transition-table.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { engageEvaluator } from '../evaluations/engage-evaluator.ts';
import { endEngagement } from '../evaluations/end-engagement.ts';
import { signEvaluation } from '../evaluations/sign-evaluation.ts';
import { getApplicationForUpdate, type ApplicationRow } from './application-records.ts';
import { currentEngagement } from './guard-facts.ts';
import { moveApplication, SIMPLE_ACTIONS, type SimpleAction } from './move-application.ts';
import { submitApplication } from './submit-application.ts';

export interface ApplicationActionInput {
  applicationId: number;
  action: string;
  reason?: string | null;
  /** engage-evaluator: the evaluator organisation. */
  evaluatorOrgId?: number;
  today?: string;
}

/** Where the actions not taken one application at a time are taken. */
const ELSEWHERE: Partial<Record<ApplicationAction, string>> = {
  'assign-panel': 'POST /api/v1/panels (greenlist: the panel is formed with its applications)',
  'place-on-notice': 'POST /api/v1/notices (a notice opens with its candidates)',
  'pass-notice': 'the notice.close job (greenlist notice close <id>)',
  'hold-for-objections': 'the notice.close job (greenlist notice close <id>)',
  'clear-objections': 'POST /api/v1/notices/{id}/objection-cases/{objectionId}/decision',
  'uphold-objection': 'POST /api/v1/notices/{id}/objection-cases/{objectionId}/decision',
  publish: 'POST /api/v1/batches/{id}/publish (greenlist batch publish <slug>)',
  veto: 'the EHS register (a negative-list event stops the application)',
};

export async function takeApplicationAction(store: Store, actor: Actor, input: ApplicationActionInput): Promise<ApplicationRow> {
  const { action } = input;
  if (!isApplicationAction(action)) throw invalid('action', `unknown action "${action}" / 未知操作`);
  const options = input.today === undefined ? {} : { today: input.today };
  switch (action) {
    case 'submit':
    case 'resubmit':
      return submitApplication(store, actor, { applicationId: input.applicationId, action, ...options });
    case 'engage-evaluator':
      if (input.evaluatorOrgId === undefined) throw invalid('evaluatorOrgId', 'which evaluator organisation? / 请选择第三方评价机构');
      await engageEvaluator(store, actor, { applicationId: input.applicationId, evaluatorOrgId: input.evaluatorOrgId, ...options });
      break;
    case 'release-evaluation':
    case 'sign-evaluation': {
      const engagement = await currentEngagement(store.db, await getApplicationForUpdate(store.db, store, input.applicationId));
      if (engagement === undefined) throw invalid('action', 'the application has no live engagement / 当前无第三方评价委托');
      if (action === 'sign-evaluation') await signEvaluation(store, actor, { evaluationId: engagement.id, ...options });
      else await endEngagement(store, actor, { evaluationId: engagement.id, by: actor.kind === 'user' && actor.memberships.some((m) => m.role === 'evaluator') ? 'decline' : 'release', reason: input.reason ?? null, ...options });
      break;
    }
    default: {
      if ((SIMPLE_ACTIONS as readonly string[]).includes(action)) return moveApplication(store, actor, { applicationId: input.applicationId, action: action as SimpleAction, reason: input.reason ?? null, ...options });
      throw invalid('action', `"${action}" is not taken on one application here; use ${ELSEWHERE[action] ?? 'its own endpoint'} / 该操作不在此处执行`);
    }
  }
  return getApplicationForUpdate(store.db, store, input.applicationId);
}
