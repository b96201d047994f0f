/** The enterprise declares a rename or a boundary change of its listed entry (declared in the 动态管理表; decided by the list's authority). */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { ACTIVE_ENTRY_STATUSES, type EntryChangeKind } from '../../domain/applications/list-management.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { loadListEntry } from './list-entry-records.ts';

export interface RequestEntryChangeInput {
  entryId: number;
  kind: EntryChangeKind;
  /** Renames: the new registered name. */
  nameZh?: string;
  nameEn?: string;
  /** Boundary changes: what changes (site, units, area) and why. */
  description?: string;
}

export async function requestEntryChange(store: Store, actor: Actor, input: RequestEntryChangeInput): Promise<Row<'entry_changes'>> {
  let details: Record<string, unknown>;
  if (input.kind === 'rename') {
    const nameZh = input.nameZh?.trim() ?? '';
    if ([...nameZh].length < 4) throw invalid('nameZh', 'the new registered name / 请填写变更后的企业名称');
    details = { nameZh, ...(input.nameEn?.trim() ? { nameEn: input.nameEn.trim() } : {}) };
  } else if (input.kind === 'boundary_change') {
    const description = input.description?.trim() ?? '';
    if ([...description].length < 10) throw invalid('description', 'describe the boundary change (at least 10 characters) / 请说明边界变化（至少10个字）');
    details = { description };
  } else {
    throw invalid('kind', "must be 'rename' or 'boundary_change'");
  }
  return store.transaction(async (trx) => {
    const entry = await loadListEntry(trx, store, actor, input.entryId, 'request-change');
    if (!ACTIVE_ENTRY_STATUSES.includes(entry.status)) throw new AppError('CONFLICT', `Entry ${entry.id} is not on the list (${entry.status}) / 该条目已不在名单中`);
    if (input.kind === 'rename' && details.nameZh === entry.name_zh) throw invalid('nameZh', 'the name is unchanged / 名称未变化');
    const open = await trx.selectFrom('entry_changes').select('id').where('enterprise_id', '=', entry.enterprise_id).where('list_entry_id', '=', entry.id).where('kind', '=', input.kind).where('status', 'in', ['requested', 'approved']).executeTakeFirst();
    if (open !== undefined) throw new AppError('CONFLICT', `A ${input.kind} of this entry is already pending (${open.id}) / 已有待处理的同类申请`);
    const change = await trx
      .insertInto('entry_changes')
      .values({ list_entry_id: entry.id, enterprise_id: entry.enterprise_id, kind: input.kind, mode: null, reason_code: null, reason: null, details: JSON.stringify(details), status: 'requested', requested_by: actorUserId(actor), decided_by: null, decided_at: null, applied_on: null, created_at: now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: `list-entry.${input.kind}-requested`, subjectType: 'list-entry', subjectId: entry.id, enterpriseId: entry.enterprise_id, data: { changeId: change.id, ...details } });
    return change;
  });
}
