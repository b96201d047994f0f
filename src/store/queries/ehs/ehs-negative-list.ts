/**
 * For the pipeline and the engine: the negative-list events of an enterprise that are
 * still in force on `asOf`, in the shape `score({ negativeListEvents, asOf })` takes
 * (`kind` is an id of frameworks/negative-list.json, `date` the accident date).
 */
import type { Executor } from '../../store.ts';

export interface NegativeListEventView {
  kind: string;
  date: string;
  until: string;
  ehsEventId: number;
  title: string;
}

export async function negativeListEventsOf(db: Executor, enterpriseId: number, asOf: string): Promise<NegativeListEventView[]> {
  const rows = await db
    .selectFrom('ehs_events')
    .select(['id', 'occurred_on', 'negative_list_until', 'details', 'title'])
    .where('enterprise_id', '=', enterpriseId)
    .where('negative_list_until', '>=', asOf)
    .where('occurred_on', '<=', asOf)
    .orderBy('occurred_on')
    .execute();
  return rows.map((row) => ({ kind: String((JSON.parse(row.details) as { negativeListKind?: string }).negativeListKind ?? 'safety_accident'), date: row.occurred_on, until: row.negative_list_until!, ehsEventId: row.id, title: row.title }));
}
