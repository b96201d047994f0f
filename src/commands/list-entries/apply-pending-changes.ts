/**
 * What a list publication carries besides its new entries (domain.md §8: each list
 * notice carries new entries, removals and renames): the approved removals deferred to
 * the next annual publication, and the approved renames, of entries on the same
 * programme, tier and authority's list. Runs inside the publishing transaction.
 */
import { actorLabel, actorUserId } from '../../domain/actors/actor.ts';
import { searchTextOf } from '../../domain/enterprises/search-text.ts';
import { ACTIVE_ENTRY_STATUSES } from '../../domain/applications/list-management.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now } from '../../store/store.ts';
import type { Tier } from '../../store/schema.ts';
import { raiseDomainEvent, type EventContext } from '../events/domain-events.ts';

export interface ListScope {
  programmeId: number;
  tier: Tier;
  authorityId: number;
}

export interface AppliedChanges {
  removed: number[];
  renamed: number[];
}

export async function applyPendingChanges(context: EventContext, scope: ListScope, on: string): Promise<AppliedChanges> {
  const { trx, store, actor } = context;
  const pending = await trx
    .selectFrom('entry_changes as c')
    .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'c.list_entry_id').onRef('e.enterprise_id', '=', 'c.enterprise_id'))
    .select(['c.id', 'c.kind', 'c.reason', 'c.reason_code', 'c.details', 'e.id as entryId', 'e.enterprise_id', 'e.batch_id', 'e.name_zh', 'e.name_en', 'e.status as entryStatus'])
    .where('c.status', '=', 'approved')
    .where('c.kind', 'in', ['removal', 'rename'])
    .where('e.programme_id', '=', scope.programmeId)
    .where('e.tier', '=', scope.tier)
    .where('e.authority_id', '=', scope.authorityId)
    .orderBy('c.id')
    .execute();
  const applied: AppliedChanges = { removed: [], renamed: [] };
  // Removals first: a rename of an entry that leaves the list is moot.
  for (const change of [...pending].sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'removal' ? -1 : 1))) {
    const entry = await trx.selectFrom('list_entries').select(['status', 'name_zh']).where('id', '=', change.entryId).executeTakeFirstOrThrow();
    if (!ACTIVE_ENTRY_STATUSES.includes(entry.status)) {
      await trx.updateTable('entry_changes').set({ status: 'cancelled', applied_on: on }).where('id', '=', change.id).execute();
      continue;
    }
    if (change.kind === 'removal') {
      const reason = change.reason ?? '';
      await trx.updateTable('list_entries').set({ status: 'removed', removed_on: on, removal_reason: reason, removal_mode: 'annual' }).where('id', '=', change.entryId).execute();
      applied.removed.push(change.entryId);
      await raiseDomainEvent(context, 'entry.removed', { entryId: change.entryId, enterpriseId: change.enterprise_id, batchId: change.batch_id, reason, mode: 'annual', removedOn: on });
    } else {
      const details = JSON.parse(change.details) as { nameZh: string; nameEn?: string };
      await trx.updateTable('list_entries').set({ status: 'renamed', renamed_from: entry.name_zh, renamed_on: on, name_zh: details.nameZh, name_en: details.nameEn ?? change.name_en }).where('id', '=', change.entryId).execute();
      const enterprise = await trx.selectFrom('enterprises').select(['name_zh', 'name_en', 'credit_code']).where('id', '=', change.enterprise_id).executeTakeFirstOrThrow();
      if (enterprise.name_zh !== details.nameZh) {
        const nameEn = details.nameEn ?? enterprise.name_en;
        await trx.updateTable('enterprises').set({ name_zh: details.nameZh, name_en: nameEn, search_text: searchTextOf({ nameZh: details.nameZh, nameEn, creditCode: enterprise.credit_code }), updated_at: now() }).where('id', '=', change.enterprise_id).execute();
      }
      applied.renamed.push(change.entryId);
      await raiseDomainEvent(context, 'entry.renamed', { entryId: change.entryId, enterpriseId: change.enterprise_id, from: entry.name_zh, to: details.nameZh, renamedOn: on });
    }
    await trx.updateTable('entry_changes').set({ status: 'applied', applied_on: on }).where('id', '=', change.id).execute();
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: change.kind === 'removal' ? 'list-entry.removed' : 'list-entry.renamed',
      subjectType: 'list-entry',
      subjectId: change.entryId,
      enterpriseId: change.enterprise_id,
      data: { changeId: change.id, on, mode: 'annual', reasonCode: change.reason_code, reason: change.reason },
    });
  }
  return applied;
}
