/**
 * Writes checked reports inside the import's one transaction: each report — the one found
 * by list entry and year, so nothing is ever created twice — is updated by its id in
 * multi-row statements compiled once and run with fresh parameters. A report still
 * due or overdue becomes filed (late after its deadline, as `fileDynamicReport` decides);
 * a filed one is amended only when its document differs, so importing the same file again
 * changes nothing. At the end, the removals queued because one of the filed reports was
 * overdue are cancelled, and, for a small import, each changed report gets its audit
 * event in its enterprise's chain.
 */
import { CompiledQuery, sql } from 'kysely';
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Capabilities } from '../../store/kysely/capabilities.ts';
import type { Tx } from '../../store/store.ts';
import type { ReportTarget } from './dynamic-report-targets.ts';

/** Rows per statement: 6 parameters each, well inside SQLite's and PostgreSQL's limits. */
export const ROWS_PER_STATEMENT = 500;

/**
 * A file of up to this many reports also writes one audit event per changed report into
 * its enterprise's chain, as a filing by hand does; a larger one only the import's own
 * event (each report still names its import in `import_id`). Four statements and a hash
 * per event cost more than the row itself (bench/import.ts measures both).
 */
export const PER_REPORT_AUDIT_LIMIT = 1000;

export interface ReportToWrite extends ReportTarget {
  /** AnnualData v1 as JSON text, exactly as stored. */
  document: string;
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

interface Changed {
  id: number;
  enterprise_id: number;
  year: number;
  status: string;
  filed_at: string | null;
}

/**
 * The update of `rows` reports from one VALUES list: `WITH v(…) AS (VALUES …) UPDATE …
 * FROM v`, the same SQL on both databases and the fastest measured on PostgreSQL (a
 * quarter faster than INSERT … ON CONFLICT; even on SQLite). The enterprise is matched
 * too, so the statement stays co-located on it (docs/decisions/003). Only the first row carries
 * casts: PostgreSQL types the VALUES columns from it, and SQLite — casts on every row
 * — would scan the table instead of looking each report up by its id.
 */
function updateStatement(trx: Tx, rows: number, returning: boolean): CompiledQuery {
  const values = sql.join(Array.from({ length: rows }, (_, k) => (k === 0 ? sql`(cast(${0} as integer), cast(${0} as integer), ${''}, ${''}, ${''}, cast(${0} as integer))` : sql`(${0}, ${0}, ${''}, ${''}, ${''}, ${0})`)));
  const open = sql`dynamic_reports.status in ('due', 'overdue')`;
  const update = sql`with v(id, enterprise_id, status, document, filed_at, import_id) as (values ${values})
    update dynamic_reports set
      document = v.document,
      status = case when ${open} then v.status else dynamic_reports.status end,
      filed_at = case when ${open} then v.filed_at else dynamic_reports.filed_at end,
      import_id = v.import_id
    from v
    where dynamic_reports.id = v.id and dynamic_reports.enterprise_id = v.enterprise_id and (dynamic_reports.document is null or dynamic_reports.document <> v.document)`;
  return (returning ? sql`${update} returning dynamic_reports.id, dynamic_reports.enterprise_id, dynamic_reports.year, dynamic_reports.status, dynamic_reports.filed_at` : update).compile(trx);
}

const isOpen = (status: string) => status === 'due' || status === 'overdue';

export interface DynamicReportWriter {
  /** Queues reports; full statements are written as they fill. */
  add(reports: readonly ReportToWrite[]): Promise<void>;
  /** Writes what is queued, cancels the removals the filings answer, audits; returns the counts. */
  finish(): Promise<WriteCounts>;
}

export function dynamicReportWriter(trx: Tx, capabilities: Capabilities, input: { importId: number; today: string; at: string; actor: Actor }): DynamicReportWriter {
  const statements = new Map<string, CompiledQuery>();
  const counts: WriteCounts = { filed: 0, late: 0, amended: 0, unchanged: 0, cancelledRemovals: 0, audit: 'per-report' };
  const changed: Changed[] = [];
  /** Overdue reports this run files, by report id → list entry: their queued removals are cancelled. */
  const overdue = new Map<number, number>();
  let attempted = 0;
  let queue: ReportToWrite[] = [];

  const write = async (batch: readonly ReportToWrite[]) => {
    attempted += batch.length;
    // Past the audit limit, rows are counted, not returned (returning them costs a third more).
    if (attempted > PER_REPORT_AUDIT_LIMIT) counts.audit = 'per-import';
    const returning = counts.audit === 'per-report';
    const key = `${batch.length}:${returning}`;
    let statement = statements.get(key);
    if (statement === undefined) statements.set(key, (statement = updateStatement(trx, batch.length, returning)));
    const parameters: unknown[] = [];
    for (const r of batch) {
      parameters.push(r.reportId, r.enterpriseId, input.today > r.dueOn ? 'filed_late' : 'filed', r.document, input.at, input.importId);
      if (r.status === 'overdue') overdue.set(r.reportId, r.entryId);
    }
    const result = await trx.executeQuery<Changed>(CompiledQuery.raw(statement.sql, parameters));
    if (returning) {
      for (const row of result.rows) {
        // This run stamps `filed_at` on what it files; an amended report keeps its first filing time.
        if (row.filed_at === input.at) {
          counts.filed++;
          if (row.status === 'filed_late') counts.late++;
        } else counts.amended++;
        changed.push(row);
      }
      counts.unchanged += batch.length - result.rows.length;
      return;
    }
    // A report still open always changes (its document is null); the rest changed only if amended.
    const affected = Number(result.numAffectedRows ?? 0n);
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
          await appendAuditEvent(trx, capabilities, { actorUserId: actorUserId(input.actor), actorLabel: actorLabel(input.actor), action: report.filed_at === input.at ? 'dynamic-report.filed' : 'dynamic-report.amended', subjectType: 'dynamic-report', subjectId: report.id, enterpriseId: report.enterprise_id, data: { year: report.year, late: report.status === 'filed_late', importId: input.importId } });
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
