/**
 * Rows for the open-data downloads, streamed: list entries joined with their enterprise,
 * batch and programme, read in keyset chunks by entry id so a national download never
 * holds the whole list in memory.
 */
import type { Executor } from '../store.ts';
import { CURRENT_LIST_PREDICATE, ENTRY_COLUMNS, type ListEntryRow } from './public-lists.ts';

export interface OpenDataRow extends ListEntryRow {
  creditCode: string;
  removalMode: string | null;
  renamedOn: string | null;
}

export type OpenDataScope = { kind: 'batch'; batchId: number } | { kind: 'current' };

const CHUNK = 2000;

export async function* openDataRows(db: Executor, scope: OpenDataScope): AsyncGenerator<OpenDataRow> {
  let afterId = 0;
  for (;;) {
    let q = db
      .selectFrom('list_entries as e')
      .innerJoin('enterprises as en', 'en.id', 'e.enterprise_id')
      .innerJoin('batches as b', 'b.id', 'e.batch_id')
      .innerJoin('programmes as p', 'p.id', 'e.programme_id')
      .select([...ENTRY_COLUMNS, 'en.credit_code as creditCode', 'e.removal_mode as removalMode', 'e.renamed_on as renamedOn'])
      .where('e.id', '>', afterId);
    q = scope.kind === 'batch' ? q.where('e.batch_id', '=', scope.batchId) : q.where(CURRENT_LIST_PREDICATE);
    const rows = await q.orderBy('e.id').limit(CHUNK).execute();
    for (const row of rows) yield row;
    if (rows.length < CHUNK) return;
    afterId = rows[rows.length - 1]!.entryId;
  }
}
