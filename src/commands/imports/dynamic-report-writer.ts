/**
 * Writes checked reports inside the import's one transaction: each report — the one found
 * by list entry and year, so nothing is ever created twice — is updated by its id
 * (dynamic-report-updates.ts), a batch of reports at a time. A report still
 * due or overdue becomes filed (late after its deadline, as `fileDynamicReport` decides);
 * a filed one is amended only when its document differs, so importing the same file again
 * changes nothing. At the end, the removals queued because one of the filed reports was
 * overdue are cancelled, and, for a small import, each changed report gets its audit
 * event in its enterprise's chain.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Store, Tx } from '../../store/store.ts';
import type { ReportTarget } from './dynamic-report-targets.ts';
import { multiRowReportUpdates, ROWS_PER_STATEMENT, type ChangedReport, type ReportUpdates } from './dynamic-report-updates.ts';
import { preparedReportUpdates } from './dynamic-report-updates-sqlite.ts';

/**
 * A file of up to this many reports also writes one audit event per changed report into
 * its enterprise's chain, as a filing by hand does; a larger one only the import's own
 * event (each report still names its import in `import_id`). Four statements and a hash
 * per event cost more than the row itself (bench/import.ts measures both).
 */
export const PER_REPORT_AUDIT_LIMIT = 1000;

export interface ReportToWrite extends ReportTarget {
  /** AnnualData v1 as JSON text, exactly as stored: its head (`documentHead`) and the rest in UTF-8. */
  head: string;
  tail: Uint8Array;
}

export interface WriteCounts {
  filed: number;
  late: number;
  amended: number;
  unchanged: number;
  cancelledRemovals: number;
  /** Whether each changed report has its own audit event, or only the import has one. */
  audit: 'per-report' | 'per-import';
}

const isOpen = (status: string) => status === 'due' || status === 'overdue';

/** The updates for the store's database, run inside `trx`: prepared on the connection when it is in this process (dynamic-report-updates.ts). */
function reportUpdates(trx: Tx, store: Pick<Store, 'sqlite'>): ReportUpdates {
  return store.sqlite === undefined ? multiRowReportUpdates(trx) : preparedReportUpdates(store.sqlite);
}

export interface DynamicReportWriter {
  /** Queues reports; full statements are written as they fill. */
  add(reports: readonly ReportToWrite[]): Promise<void>;
  /** Writes what is queued, cancels the removals the filings answer, audits; returns the counts. */
  finish(): Promise<WriteCounts>;
}

export function dynamicReportWriter(trx: Tx, store: Pick<Store, 'capabilities' | 'sqlite'>, input: { importId: number; today: string; at: string; actor: Actor }): DynamicReportWriter {
  const updates = reportUpdates(trx, store);
  const stamp = { at: input.at, importId: input.importId, today: input.today };
  const counts: WriteCounts = { filed: 0, late: 0, amended: 0, unchanged: 0, cancelledRemovals: 0, audit: 'per-report' };
  const changed: ChangedReport[] = [];
  /** Overdue reports this run files, by report id → list entry: their queued removals are cancelled. */
  const overdue = new Map<number, number>();
  let attempted = 0;
  let queue: ReportToWrite[] = [];

  const write = async (batch: readonly ReportToWrite[]) => {
    attempted += batch.length;
    // Past the audit limit, rows are counted, not returned (returning them costs a third more).
    if (attempted > PER_REPORT_AUDIT_LIMIT) counts.audit = 'per-import';
    const returning = counts.audit === 'per-report';
    for (const r of batch) if (r.status === 'overdue') overdue.set(r.reportId, r.entryId);
    const result = await updates.run(batch, stamp, returning);
    if (typeof result !== 'number') {
      for (const row of result) {
        // This run stamps `filed_at` on what it files; an amended report keeps its first filing time.
        if (row.filed_at === input.at) {
          counts.filed++;
          if (row.status === 'filed_late') counts.late++;
        } else counts.amended++;
        changed.push(row);
      }
      counts.unchanged += batch.length - result.length;
      return;
    }
    // A report still open always changes (its document is null); the rest changed only if amended.
    const affected = result;
    const opened = batch.filter((r) => isOpen(r.status));
    counts.filed += opened.length;
    counts.late += opened.filter((r) => input.today > r.dueOn).length;
    counts.amended += affected - opened.length;
    counts.unchanged += batch.length - affected;
  };

  // Statements are sent without waiting for the previous one (two may be in flight): on
  // PostgreSQL the server writes one batch while this thread prepares the next.
  const inFlight: Promise<void>[] = [];
  const send = async (batch: ReportToWrite[]) => {
    const sent = write(batch);
    sent.catch(() => undefined); // awaited below; this only keeps Node from calling it unhandled meanwhile
    inFlight.push(sent);
    while (inFlight.length > 2) await inFlight.shift();
  };

  return {
    async add(reports) {
      for (const report of reports) queue.push(report);
      while (queue.length >= ROWS_PER_STATEMENT) {
        await send(queue.slice(0, ROWS_PER_STATEMENT));
        queue = queue.slice(ROWS_PER_STATEMENT);
      }
    },
    async finish() {
      if (queue.length > 0) await send(queue);
      queue = [];
      while (inFlight.length > 0) await inFlight.shift();
      counts.cancelledRemovals = await cancelRemovalsOf(trx, overdue);
      if (counts.audit === 'per-report') {
        for (const report of changed) {
          await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(input.actor), actorLabel: actorLabel(input.actor), action: report.filed_at === input.at ? 'dynamic-report.filed' : 'dynamic-report.amended', subjectType: 'dynamic-report', subjectId: report.id, enterpriseId: report.enterprise_id, data: { year: report.year, late: report.status === 'filed_late', importId: input.importId } });
        }
      }
      return counts;
    },
  };
}

/**
 * Cancels the removals queued because one of these reports was overdue (markOverdueReports
 * names the report in the change's details): the report is filed now, late. A removal
 * for another year's missing report stands.
 */
async function cancelRemovalsOf(trx: Tx, overdue: ReadonlyMap<number, number>): Promise<number> {
  const entries = [...new Set(overdue.values())];
  const cancel: number[] = [];
  for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
    const queued = await trx.selectFrom('entry_changes').select(['id', 'details']).where('kind', '=', 'removal').where('reason_code', '=', 'unfiled_dynamic_report').where('status', '=', 'approved').where('list_entry_id', 'in', entries.slice(i, i + ROWS_PER_STATEMENT)).execute();
    for (const change of queued) if (overdue.has(Number((JSON.parse(change.details) as { reportId?: unknown }).reportId))) cancel.push(change.id);
  }
  for (let i = 0; i < cancel.length; i += ROWS_PER_STATEMENT) await trx.updateTable('entry_changes').set({ status: 'cancelled' }).where('id', 'in', cancel.slice(i, i + ROWS_PER_STATEMENT)).execute();
  return cancel.length;
}
