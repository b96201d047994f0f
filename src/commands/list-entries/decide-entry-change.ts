/**
 * The list's authority decides a declared change. An approved rename is published with
 * the next list of that programme and tier (apply-pending-changes.ts), as list notices
 * carry renames; an approved boundary change takes effect on the day (it changes what the
 * entry covers, not what the list says).
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { loadListEntry } from './list-entry-records.ts';

export interface DecideEntryChangeInput {
  changeId: number;
  decision: 'approve' | 'reject';
  note?: string | null;
  today?: string;
}

export async function decideEntryChange(store: Store, actor: Actor, input: DecideEntryChangeInput): Promise<Row<'entry_changes'>> {
  if (input.decision !== 'approve' && input.decision !== 'reject') throw invalid('decision', "must be 'approve' or 'reject'");
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const change = await store.capabilities.forUpdate(trx.selectFrom('entry_changes').selectAll().where('id', '=', input.changeId)).executeTakeFirst();
    if (change === undefined) throw notFound(`change ${input.changeId}`);
    const entry = await loadListEntry(trx, store, actor, change.list_entry_id, 'decide-change');
    if (change.status !== 'requested') throw new AppError('CONFLICT', `Change ${change.id} was already decided (${change.status}) / 已处理`);
    const status = input.decision === 'reject' ? 'rejected' : change.kind === 'boundary_change' ? 'applied' : 'approved';
    const details = { ...(JSON.parse(change.details) as Record<string, unknown>), ...(input.note?.trim() ? { decisionNote: input.note.trim() } : {}) };
    const updated = await trx
      .updateTable('entry_changes')
      .set({ status, decided_by: actorUserId(actor), decided_at: now(), applied_on: status === 'applied' ? today : null, details: JSON.stringify(details) })
      .where('id', '=', change.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: `list-entry.${change.kind}-${input.decision === 'approve' ? 'approved' : 'rejected'}`, subjectType: 'list-entry', subjectId: entry.id, enterpriseId: entry.enterprise_id, data: { changeId: change.id, status, note: input.note ?? null } });
    return updated;
  });
}
