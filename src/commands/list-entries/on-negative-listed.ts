/**
 * When the EHS register puts an enterprise on the negative list (a 重大 safety or quality
 * accident, a Ⅱ级+ environmental emergency), in the same transaction: every listed entry
 * of the enterprise is removed at once and its authority notified (other negative-list
 * events remove at the next annual publication), and its applications still in the
 * pipeline are stopped by the `veto` transition, leaving any notice they were on.
 */
import { actorLabel, actorUserId, type SystemActor } from '../../domain/actors/actor.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { FINAL_STATES, type ApplicationState } from '../../domain/applications/application-states.ts';
import { ACTIVE_ENTRY_STATUSES, removalReasonText, type RemovalReasonCode } from '../../domain/applications/list-management.ts';
import { findTransition } from '../../domain/applications/assert-transition.ts';
import { now } from '../../store/store.ts';
import { onDomainEvent } from '../events/domain-events.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { stateOf } from '../applications/application-records.ts';
import { removeEntryImmediately } from './remove-list-entry.ts';

const VETO_ACTOR: SystemActor = { kind: 'system', label: 'negative-list' };

/** Which removal an accident category calls for (Heilongjiang 实施细则, domain.md §3.2). */
export function removalReasonForCategory(category: string | undefined): RemovalReasonCode {
  if (category === 'safety') return 'major_safety_accident';
  if (category === 'quality') return 'major_quality_accident';
  if (category === 'environment') return 'environmental_emergency';
  return 'negative_list_event';
}

onDomainEvent('enterprise.negative-listed', async (context, payload) => {
  const { trx } = context;
  const event = await trx.selectFrom('ehs_events').select(['category', 'created_at']).where('id', '=', payload.eventId).executeTakeFirst();
  const today = event === undefined ? todayInShanghai() : todayInShanghai(new Date(event.created_at));
  const reasonCode = removalReasonForCategory(event?.category);
  const entries = await trx.selectFrom('list_entries').selectAll().where('enterprise_id', '=', payload.enterpriseId).where('status', 'in', [...ACTIVE_ENTRY_STATUSES]).orderBy('id').execute();
  for (const entry of entries) {
    if (reasonCode !== 'negative_list_event') {
      await removeEntryImmediately(context, entry, reasonCode, payload.reason, today);
      continue;
    }
    const at = now();
    const change = await trx
      .insertInto('entry_changes')
      .values({ list_entry_id: entry.id, enterprise_id: entry.enterprise_id, kind: 'removal', mode: 'annual', reason_code: reasonCode, reason: removalReasonText(reasonCode, payload.reason), details: JSON.stringify({ ehsEventId: payload.eventId }), status: 'approved', requested_by: null, decided_by: null, decided_at: at, applied_on: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, context.store.capabilities, { actorUserId: actorUserId(context.actor), actorLabel: actorLabel(context.actor), action: 'list-entry.removal-scheduled', subjectType: 'list-entry', subjectId: entry.id, enterpriseId: entry.enterprise_id, data: { mode: 'annual', reasonCode, changeId: change.id, ehsEventId: payload.eventId } });
  }
  const applications = await trx.selectFrom('applications').selectAll().where('enterprise_id', '=', payload.enterpriseId).orderBy('id').execute();
  for (const application of applications) {
    const state: ApplicationState = stateOf(application);
    if (FINAL_STATES.includes(state) || findTransition(state, 'veto') === undefined) continue;
    await applyTransition({ ...context, actor: VETO_ACTOR }, application, 'veto', { today, reason: payload.reason, data: { ehsEventId: payload.eventId, until: payload.until } });
    await trx.updateTable('notice_entries').set({ status: 'removed' }).where('application_id', '=', application.id).where('status', 'in', ['candidate', 'objections', 'passed']).execute();
  }
});
