/** The enterprise's negative-list events in force on a day, read from the EHS register (rows the EHS feature writes). */
import { negativeEventsInForce, type NegativeEvent } from '../../domain/applications/negative-list-events.ts';
import type { Executor } from '../../store/store.ts';

export async function negativeListEventsOf(db: Executor, enterpriseId: number, asOf: string): Promise<NegativeEvent[]> {
  const rows = await db
    .selectFrom('ehs_events')
    .select(['kind', 'category', 'severity', 'occurred_on', 'title', 'negative_list_until'])
    .where('enterprise_id', '=', enterpriseId)
    .where('negative_list_until', '>=', asOf)
    .orderBy('occurred_on')
    .execute();
  return negativeEventsInForce(rows, asOf);
}
