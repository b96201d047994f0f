/**
 * The `ehs_events` feed: one summary row per leak, hazard, violation, exceedance and
 * accident of the register. The pipeline reads it for the negative-list veto
 * (`negative_list_until`, `details.negativeListKind`); the register keeps `status` in
 * step when an item closes.
 */
import { now, type Executor } from '../../store.ts';

export type EhsEventKind = 'leak' | 'hazard' | 'violation' | 'exceedance' | 'accident';

export interface EhsEventInput {
  enterpriseId: number;
  kind: EhsEventKind;
  /** The "Three First" pillar: 'safety' | 'environment' | 'quality'. */
  category: string;
  /** Grade where the item has one (hazard general/major, accident grade). */
  severity: string | null;
  occurredOn: string;
  title: string;
  details: Record<string, unknown>;
  status: 'open' | 'closed';
  negativeListUntil?: string | null;
}

export async function insertEhsEvent(db: Executor, input: EhsEventInput): Promise<number> {
  const row = await db
    .insertInto('ehs_events')
    .values({
      enterprise_id: input.enterpriseId,
      factory_id: null,
      kind: input.kind,
      category: input.category,
      severity: input.severity,
      occurred_on: input.occurredOn,
      title: input.title,
      details: JSON.stringify(input.details),
      status: input.status,
      negative_list_until: input.negativeListUntil ?? null,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setEhsEventStatus(db: Executor, enterpriseId: number, id: number | null, status: 'open' | 'closed'): Promise<void> {
  if (id === null) return;
  await db.updateTable('ehs_events').set({ status }).where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

type SourceTable = 'ehs_leaks' | 'ehs_hazards' | 'ehs_violations' | 'ehs_monitoring_results' | 'ehs_accidents';

/**
 * Writes the feed row for a register item and links the item to it (`ehs_event_id`);
 * the row's details name the item (`sourceTable`, `sourceId`).
 */
export async function linkEhsEvent(db: Executor, source: { table: SourceTable; id: number }, input: EhsEventInput): Promise<number> {
  const eventId = await insertEhsEvent(db, { ...input, details: { sourceTable: source.table, sourceId: source.id, ...input.details } });
  await db
    .updateTable(source.table as 'ehs_leaks')
    .set({ ehs_event_id: eventId })
    .where('enterprise_id', '=', input.enterpriseId)
    .where('id', '=', source.id)
    .execute();
  return eventId;
}
