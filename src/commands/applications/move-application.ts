/**
 * The transitions that need nothing but a decision (and a reason where the table asks for
 * one): send to city review on a self-evaluation, forward to the province, recommend to the
 * ministry, return for revision, reject, withdraw.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import type { ApplicationAction } from '../../domain/applications/transition-table.ts';
import type { Store } from '../../store/store.ts';
import { applyTransition } from './apply-transition.ts';
import { loadApplicationFor, type ApplicationRow } from './application-records.ts';

export const SIMPLE_ACTIONS = ['send-to-city', 'forward', 'recommend', 'return', 'reject', 'withdraw'] as const satisfies readonly ApplicationAction[];
export type SimpleAction = (typeof SIMPLE_ACTIONS)[number];

export interface MoveApplicationInput {
  applicationId: number;
  action: SimpleAction;
  reason?: string | null;
  today?: string;
}

export async function moveApplication(store: Store, actor: Actor, input: MoveApplicationInput): Promise<ApplicationRow> {
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const { application } = await loadApplicationFor(trx, store, actor, input.applicationId);
    return applyTransition({ trx, store, actor }, application, input.action, { today, reason: input.reason ?? null });
  });
}
