/**
 * The statements that write a batch of checked reports, each report updated by its id
 * (and its enterprise, so that the statement stays co-located on it, docs/decisions/003).
 * A report still due or overdue takes the new status and filing time; a filed one keeps
 * them; a report whose document is unchanged is not touched, so importing the same file
 * again changes nothing.
 *
 * Two ways to run them, the same SQL on both databases: through Kysely, a batch as one
 * multi-row statement, so that one round trip to PostgreSQL writes hundreds of reports
 * (`multiRowReportUpdates`); or, where the database runs in this process (SQLite), one
 * prepared statement run per report, which is cheaper still
 * (dynamic-report-updates-sqlite.ts).
 */
import { CompiledQuery, sql } from 'kysely';
import type { Tx } from '../../store/store.ts';

/** One report to update: what the statements bind. */
export interface ReportUpdate {
  reportId: number;
  enterpriseId: number;
  /** Its deadline: filed after it (`today` later), a report still open is filed late. */
  dueOn: string;
  head: string;
  tail: Uint8Array;
}

/** What every report of the import is stamped with. */
export interface UpdateStamp {
  /** The filing time of the reports this import files. */
  at: string;
  importId: number;
  /** The day of the filing, for lateness. */
  today: string;
}

/** A report the batch changed, as the audit events need it. */
export interface ChangedReport {
  id: number;
  enterprise_id: number;
  year: number;
  status: string;
  filed_at: string | null;
}

export interface ReportUpdates {
  /** Updates a batch; returns the changed reports (`returning`) or only how many changed. */
  run(batch: readonly ReportUpdate[], stamp: UpdateStamp, returning: boolean): Promise<ChangedReport[] | number>;
}

/** The status a report still open takes: `fileDynamicReport`'s rule, late after its deadline. */
export const filedStatus = (report: ReportUpdate, stamp: UpdateStamp): string => (stamp.today > report.dueOn ? 'filed_late' : 'filed');

/** Rows per multi-row statement: 6 parameters each, well inside SQLite's and PostgreSQL's limits. */
export const ROWS_PER_STATEMENT = 500;

/** A tail as a Buffer over the same bytes (a view that crossed from a worker arrives as a plain Uint8Array). */
export const bytesOf = (tail: Uint8Array): Buffer => (Buffer.isBuffer(tail) ? tail : Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength));

/**
 * The update of `rows` reports from one VALUES list: `WITH v(…) AS (VALUES …) UPDATE …
 * FROM v`, the fastest measured on PostgreSQL (a quarter faster than INSERT … ON
 * CONFLICT). Only the first row carries casts: PostgreSQL types the VALUES columns from it
 * (and SQLite, given casts on every row, would scan the table instead of looking each
 * report up by its id).
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

/** Multi-row statements compiled once per size and run with fresh parameters. */
export function multiRowReportUpdates(trx: Tx): ReportUpdates {
  const statements = new Map<string, CompiledQuery>();
  return {
    async run(batch, stamp, returning) {
      const key = `${batch.length}:${returning}`;
      let statement = statements.get(key);
      if (statement === undefined) statements.set(key, (statement = updateStatement(trx, batch.length, returning)));
      const parameters: unknown[] = [];
      for (const r of batch) parameters.push(r.reportId, r.enterpriseId, filedStatus(r, stamp), r.head + bytesOf(r.tail).toString('utf8'), stamp.at, stamp.importId);
      const result = await trx.executeQuery<ChangedReport>(CompiledQuery.raw(statement.sql, parameters));
      return returning ? result.rows : Number(result.numAffectedRows ?? 0n);
    },
  };
}
