/**
 * Submits (or resubmits after revision) an application: the self-evaluation is scored
 * with the framework the batch pinned and the score is stored with the framework's id,
 * version and content hash, together with the enterprise's own evaluation record. A
 * vetoed or incomplete self-evaluation cannot be submitted.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { now, type Store } from '../../store/store.ts';
import { applyTransition } from './apply-transition.ts';
import { loadApplicationFor, stateOf, type ApplicationRow } from './application-records.ts';
import { requireTransition } from '../../domain/applications/assert-transition.ts';
import { scoreApplication } from './score-application.ts';

export interface SubmitApplicationInput {
  applicationId: number;
  /** 'submit' a draft or 'resubmit' a returned application; by default the one its state calls for. */
  action?: 'submit' | 'resubmit';
  today?: string;
}

export async function submitApplication(store: Store, actor: Actor, input: SubmitApplicationInput): Promise<ApplicationRow> {
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const { application } = await loadApplicationFor(trx, store, actor, input.applicationId);
    const action = input.action ?? (application.state === 'returned' ? 'resubmit' : 'submit');
    requireTransition(stateOf(application), action);
    const pinned = await scoreApplication(trx, application, today);
    const at = now();
    const scoreDocument = pinned.result === null ? null : JSON.stringify(pinned.result);
    const updated = await applyTransition({ trx, store, actor }, application, action, {
      today,
      selfEvaluationProblem: pinned.problem,
      vetoes: pinned.vetoes,
      set: { framework_id: pinned.frameworkId, score_total: pinned.result?.total ?? null, score_document: scoreDocument, submitted_at: at },
      data: pinned.result === null ? { score: null } : { score: pinned.result.total, eligible: pinned.result.eligible, frameworkId: pinned.result.frameworkId, frameworkVersion: pinned.result.frameworkVersion, frameworkHash: pinned.result.frameworkHash },
    });
    // The enterprise's own evaluation: one per submission, the latest stands.
    await trx
      .insertInto('evaluations')
      .values({
        application_id: application.id,
        enterprise_id: application.enterprise_id,
        kind: 'self',
        evaluator_org_id: null,
        state: 'signed',
        national: application.target_tier === 'national' ? 1 : 0,
        year: Number(today.slice(0, 4)),
        conflict_declaration: null,
        verified_document: null,
        result_document: scoreDocument,
        signed_by: actor.kind === 'user' ? actor.userId : null,
        signed_at: at,
        accepted_at: null,
        created_at: at,
      })
      .execute();
    return updated;
  });
}
