/**
 * The one way an application changes state: check the table (INVALID_TRANSITION),
 * authorize the action for this actor and application (FORBIDDEN), check the guards
 * against the loaded facts, then write the new state, the history row and the audit event
 * in the caller's transaction. The version column refuses a lost update (CONFLICT).
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { assertTransition, requireTransition } from '../../domain/applications/assert-transition.ts';
import type { ApplicationAction, Transition } from '../../domain/applications/transition-table.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { RowUpdate } from '../../store/schema.ts';
import { now, type Store, type Tx } from '../../store/store.ts';
import { applicationSubject, stateOf, type ApplicationRow } from './application-records.ts';
import { loadGuardFacts, type GuardInput } from './guard-facts.ts';

export interface TransitionContext {
  trx: Tx;
  store: Store;
  actor: Actor;
}

export interface ApplyOptions extends GuardInput {
  /** Other columns to change with the state (score, batch …). */
  set?: Omit<RowUpdate<'applications'>, 'state' | 'version' | 'updated_at'>;
  /** Extra facts for the audit event. */
  data?: Record<string, unknown>;
}

/** The role the actor acts in: the first of its roles the transition names ('system' for the system actor). */
function actingRole(actor: Actor, transition: Transition): string {
  if (actor.kind !== 'user') return actor.kind === 'system' ? 'system' : 'public';
  return actor.memberships.find((m) => transition.roles.includes(m.role))?.role ?? actor.memberships[0]?.role ?? 'user';
}

export async function applyTransition(context: TransitionContext, application: ApplicationRow, action: ApplicationAction, options: ApplyOptions): Promise<ApplicationRow> {
  const { trx, store, actor } = context;
  const from = stateOf(application);
  const transition = requireTransition(from, action);
  authorize(actor, action, await applicationSubject(trx, application));
  const facts = await loadGuardFacts(trx, application, transition, options);
  assertTransition(from, action, facts);

  const at = now();
  const updated = await trx
    .updateTable('applications')
    .set({ ...(options.set ?? {}), state: transition.to, version: application.version + 1, updated_at: at })
    .where('id', '=', application.id)
    .where('version', '=', application.version)
    .returningAll()
    .executeTakeFirst();
  if (updated === undefined) throw new AppError('CONFLICT', `application ${application.id} changed meanwhile; reload and try again / 申请已被他人修改，请刷新后重试`);
  const reason = options.reason?.trim() || null;
  await trx
    .insertInto('application_events')
    .values({ application_id: application.id, enterprise_id: application.enterprise_id, action, from_state: from, to_state: transition.to, actor_user_id: actorUserId(actor), actor_role: actingRole(actor, transition), reason, at })
    .execute();
  await appendAuditEvent(trx, store.capabilities, {
    actorUserId: actorUserId(actor),
    actorLabel: actorLabel(actor),
    action: `application.${action}`,
    subjectType: 'application',
    subjectId: application.id,
    enterpriseId: application.enterprise_id,
    data: { from, to: transition.to, reason, ...(options.data ?? {}) },
  });
  return updated;
}
