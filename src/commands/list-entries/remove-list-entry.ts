/**
 * Removes an entry from its list. The reason decides when (list-management.ts): a 重大
 * accident or a Ⅱ级+ environmental emergency removes it now, `entry.removed` is raised
 * (the certificate feature revokes in the same transaction) and the authority is
 * notified; the other reasons take effect at the next annual publication of that list.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { ACTIVE_ENTRY_STATUSES, removalReasonText, removalRule } from '../../domain/applications/list-management.ts';
import { AppError } from '../../domain/errors.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { raiseDomainEvent, type EventContext } from '../events/domain-events.ts';
import '../events/subscribers.ts';
import { loadListEntry, notifyAuthority, type ListEntryRow } from './list-entry-records.ts';

export interface RemoveListEntryInput {
  entryId: number;
  reasonCode: string;
  note?: string | null;
  today?: string;
}

/** Removes an active entry at once, inside the caller's transaction. */
export async function removeEntryImmediately(context: EventContext, entry: ListEntryRow, reasonCode: string, note: string | null, today: string): Promise<Row<'entry_changes'>> {
  const { trx, store, actor } = context;
  const rule = removalRule(reasonCode);
  const reason = removalReasonText(rule.code, note);
  const at = now();
  await trx.updateTable('list_entries').set({ status: 'removed', removed_on: today, removal_reason: reason, removal_mode: 'immediate' }).where('id', '=', entry.id).execute();
  const change = await trx
    .insertInto('entry_changes')
    .values({ list_entry_id: entry.id, enterprise_id: entry.enterprise_id, kind: 'removal', mode: 'immediate', reason_code: rule.code, reason, details: '{}', status: 'applied', requested_by: actorUserId(actor), decided_by: actorUserId(actor), decided_at: at, applied_on: today, created_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'list-entry.removed', subjectType: 'list-entry', subjectId: entry.id, enterpriseId: entry.enterprise_id, data: { mode: 'immediate', reasonCode: rule.code, reason, removedOn: today } });
  await notifyAuthority(trx, { authorityId: entry.authority_id, subject: 'immediate-removal', entryId: entry.id, enterpriseId: entry.enterprise_id, message: `${entry.name_zh}：${reason}（${today}立即移出）` });
  await raiseDomainEvent(context, 'entry.removed', { entryId: entry.id, enterpriseId: entry.enterprise_id, batchId: entry.batch_id, reason, mode: 'immediate', removedOn: today });
  return change;
}

export async function removeListEntry(store: Store, actor: Actor, input: RemoveListEntryInput): Promise<Row<'entry_changes'>> {
  const rule = removalRule(input.reasonCode);
  const today = input.today ?? todayInShanghai();
  const note = input.note?.trim() || null;
  return store.transaction(async (trx) => {
    const entry = await loadListEntry(trx, store, actor, input.entryId, 'remove');
    if (!ACTIVE_ENTRY_STATUSES.includes(entry.status)) throw new AppError('CONFLICT', `Entry ${entry.id} is not on the list any more (${entry.status}) / 该条目已不在名单中`);
    if (rule.mode === 'immediate') return removeEntryImmediately({ trx, store, actor }, entry, rule.code, note, today);
    const pending = await trx.selectFrom('entry_changes').select('id').where('enterprise_id', '=', entry.enterprise_id).where('list_entry_id', '=', entry.id).where('kind', '=', 'removal').where('status', '=', 'approved').executeTakeFirst();
    if (pending !== undefined) throw new AppError('CONFLICT', `Entry ${entry.id} is already due for removal at the next publication / 该条目已列入下次发布的移出名单`);
    const at = now();
    const change = await trx
      .insertInto('entry_changes')
      .values({ list_entry_id: entry.id, enterprise_id: entry.enterprise_id, kind: 'removal', mode: 'annual', reason_code: rule.code, reason: removalReasonText(rule.code, note), details: '{}', status: 'approved', requested_by: actorUserId(actor), decided_by: actorUserId(actor), decided_at: at, applied_on: null, created_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'list-entry.removal-scheduled', subjectType: 'list-entry', subjectId: entry.id, enterpriseId: entry.enterprise_id, data: { mode: 'annual', reasonCode: rule.code, changeId: change.id } });
    return change;
  });
}
