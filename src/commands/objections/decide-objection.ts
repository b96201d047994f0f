/**
 * A reviewer of the notice's authority decides an objection case. Upheld: the entry
 * leaves the batch (its application is rejected with the case as reason). Dismissed: once
 * no other case waits on the entry and the notice has closed, the entry passes and its
 * application leaves objection handling. Outcomes become public with the closed notice
 * (store/queries/public-notices.ts shows decided cases of closed notices, never who objected).
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { getApplicationForUpdate } from '../applications/application-records.ts';

export interface DecideObjectionInput {
  objectionId: number;
  outcome: 'upheld' | 'dismissed';
  /** The published finding, in words. */
  note: string;
  today?: string;
}

export async function decideObjection(store: Store, actor: Actor, input: DecideObjectionInput): Promise<Row<'objections'>> {
  if (input.outcome !== 'upheld' && input.outcome !== 'dismissed') throw invalid('outcome', "must be 'upheld' or 'dismissed'");
  const note = input.note?.trim() ?? '';
  if ([...note].length < 5) throw invalid('note', 'the finding is published: write at least 5 characters / 处理意见将公开，至少5个字');
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const objection = await store.capabilities.forUpdate(trx.selectFrom('objections').selectAll().where('id', '=', input.objectionId)).executeTakeFirst();
    if (objection === undefined) throw notFound(`objection ${input.objectionId}`);
    const notice = await trx.selectFrom('notices').selectAll().where('id', '=', objection.notice_id).executeTakeFirstOrThrow();
    authorize(actor, 'decide', { type: 'objection', authorityId: notice.authority_id, enterpriseId: objection.enterprise_id });
    if (objection.status !== 'received') throw new AppError('CONFLICT', `Case ${objection.case_number} was already decided (${objection.status}) / 该异议已处理`);
    const at = now();
    const decided = await trx
      .updateTable('objections')
      .set({ status: input.outcome, outcome_note: note, handled_by: actorUserId(actor), handled_at: at })
      .where('id', '=', objection.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const entry = await trx.selectFrom('notice_entries').selectAll().where('id', '=', objection.notice_entry_id).executeTakeFirstOrThrow();
    const entryOpen = entry.status === 'candidate' || entry.status === 'objections';
    const context = { trx, store, actor };
    if (input.outcome === 'upheld' && entryOpen) {
      if (entry.application_id !== null) {
        const application = await getApplicationForUpdate(trx, store, entry.application_id);
        await applyTransition(context, application, 'uphold-objection', { today, reason: `${objection.case_number}: ${note}`, data: { objectionId: objection.id, caseNumber: objection.case_number } });
      }
      await trx.updateTable('notice_entries').set({ status: 'removed' }).where('id', '=', entry.id).execute();
    }
    if (input.outcome === 'dismissed' && entry.status === 'objections') {
      const stillPending = await trx.selectFrom('objections').select('id').where('notice_entry_id', '=', entry.id).where('status', '=', 'received').executeTakeFirst();
      if (stillPending === undefined) {
        if (entry.application_id !== null) {
          const application = await getApplicationForUpdate(trx, store, entry.application_id);
          await applyTransition(context, application, 'clear-objections', { today, data: { objectionId: objection.id, caseNumber: objection.case_number } });
        }
        await trx.updateTable('notice_entries').set({ status: 'passed' }).where('id', '=', entry.id).execute();
      }
    }
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: `objection.${input.outcome}`,
      subjectType: 'objection',
      subjectId: objection.case_number,
      enterpriseId: objection.enterprise_id,
      data: { noticeId: notice.id, entryId: entry.id, note },
    });
    return decided;
  });
}
