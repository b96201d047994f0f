/**
 * Closes a notice the day after its last day: each candidate either passes (no objection
 * waits) or goes to objection handling; the outcomes of the cases already decided are
 * published with the closed notice. Idempotent: closing a closed notice changes nothing,
 * so the scheduled job may run twice.
 */
import { actorLabel, actorUserId, type Actor, type SystemActor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { noticeHasEnded } from '../../domain/notices/notice-schedule.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Store } from '../../store/store.ts';
import { raiseDomainEvent } from '../events/domain-events.ts';
import '../events/subscribers.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { getApplicationForUpdate } from '../applications/application-records.ts';

export interface CloseNoticeInput {
  noticeId: number;
  today?: string;
}

export interface CloseNoticeResult {
  noticeId: number;
  alreadyClosed: boolean;
  passed: number;
  withObjections: number;
  outcomesPublished: number;
}

/** The scheduler's actor for the transitions a closing notice takes on its own. */
const NOTICE_CLOSER: SystemActor = { kind: 'system', label: 'scheduler' };

export async function closeNotice(store: Store, actor: Actor, input: CloseNoticeInput): Promise<CloseNoticeResult> {
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const notice = await store.capabilities.forUpdate(trx.selectFrom('notices').selectAll().where('id', '=', input.noticeId)).executeTakeFirst();
    if (notice === undefined) throw notFound(`notice ${input.noticeId}`);
    authorize(actor, 'close', { type: 'notice', authorityId: notice.authority_id });
    const result: CloseNoticeResult = { noticeId: notice.id, alreadyClosed: notice.status === 'closed', passed: 0, withObjections: 0, outcomesPublished: 0 };
    if (notice.status === 'closed') return result;
    if (!noticeHasEnded(notice.closes_on, today)) {
      throw new AppError('RULE_VIOLATION', `The notice runs until ${notice.closes_on} inclusive; it closes on the next day / 公示期至${notice.closes_on}（含），次日方可结束`);
    }
    const entries = await trx.selectFrom('notice_entries').selectAll().where('notice_id', '=', notice.id).where('status', '=', 'candidate').orderBy('position').execute();
    const context = { trx, store, actor: NOTICE_CLOSER };
    for (const entry of entries) {
      const pending = (await trx.selectFrom('objections').select('id').where('notice_entry_id', '=', entry.id).where('status', '=', 'received').execute()).length;
      if (entry.application_id !== null) {
        const application = await getApplicationForUpdate(trx, store, entry.application_id);
        await applyTransition(context, application, pending > 0 ? 'hold-for-objections' : 'pass-notice', { today, data: { noticeId: notice.id, pendingObjections: pending } });
      }
      await trx.updateTable('notice_entries').set({ status: pending > 0 ? 'objections' : 'passed' }).where('id', '=', entry.id).execute();
      if (pending > 0) result.withObjections++;
      else result.passed++;
    }
    const decided = await trx.selectFrom('objections').select(['case_number', 'status']).where('notice_id', '=', notice.id).where('status', 'in', ['upheld', 'dismissed']).execute();
    result.outcomesPublished = decided.length;
    await trx.updateTable('notices').set({ status: 'closed', closed_at: now() }).where('id', '=', notice.id).execute();
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: 'notice.closed',
      subjectType: 'notice',
      subjectId: notice.id,
      enterpriseId: null,
      data: { closedOn: today, passed: result.passed, withObjections: result.withObjections, outcomesPublished: decided.map((o) => ({ caseNumber: o.case_number, outcome: o.status })) },
    });
    await raiseDomainEvent({ trx, store, actor }, 'notice.closed', { noticeId: notice.id, batchId: notice.batch_id, closedOn: today });
    return result;
  });
}
