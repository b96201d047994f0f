/**
 * The second pass of a dynamic-report import, inside the caller's one transaction: every
 * staged report is upserted by its id (the report found by list entry and year) in
 * multi-row statements compiled once and run with fresh parameters — the same SQL on
 * SQLite and PostgreSQL. A report still due or overdue becomes filed (late after its
 * deadline, as `fileDynamicReport` decides); a filed one is amended only when its
 * document differs, so importing the same file again changes nothing. Removals queued
 * only because the report was missing are cancelled, as a filing by hand does.
 */
import { CompiledQuery, sql } from 'kysely';
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Capabilities } from '../../store/kysely/capabilities.ts';
import type { Tx } from '../../store/store.ts';
import { readStagedReports, type StagedReport } from './staged-reports.ts';

/** Rows per statement: 10 parameters each, well inside SQLite's and PostgreSQL's limits. */
const ROWS_PER_STATEMENT = 500;

/**
 * Up to this many changed reports an import also writes one audit event per report into
 * its enterprise's chain, as a filing by hand does; above it only the import's own event
 * (every report still names its import in `import_id`). Measured in bench/import.ts: four
 * statements and a hash per event roughly double the cost of a row.
 */
export const PER_ENTERPRISE_AUDIT_LIMIT = 1000;

export interface ApplyInput {
  importId: number;
  stagedPath: string;
  /** Lateness is decided against this day ('YYYY-MM-DD', Asia/Shanghai). */
  today: string;
  /** The run's timestamp: `filed_at` of every report it files. */
  at: string;
  actor: Actor;
}

export interface ApplyResult {
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

function upsertStatement(trx: Tx, rows: number): CompiledQuery {
  const placeholder = { id: 0, list_entry_id: 0, enterprise_id: 0, year: 0, due_on: '', status: '', document: '', filed_at: '', import_id: 0, created_at: '' };
  return trx
    .insertInto('dynamic_reports')
    .values(Array.from({ length: rows }, () => placeholder))
    .onConflict((conflict) =>
      conflict
        .column('id')
        .doUpdateSet({
          document: (eb) => eb.ref('excluded.document'),
          status: sql`case when dynamic_reports.status in ('due', 'overdue') then excluded.status else dynamic_reports.status end`,
          filed_at: sql`case when dynamic_reports.status in ('due', 'overdue') then excluded.filed_at else dynamic_reports.filed_at end`,
          import_id: (eb) => eb.ref('excluded.import_id'),
        })
        .where(sql<boolean>`dynamic_reports.document is null or dynamic_reports.document <> excluded.document`),
    )
    .returning(['id', 'enterprise_id', 'year', 'status', 'filed_at'])
    .compile();
}

export async function applyStagedReports(trx: Tx, capabilities: Capabilities, input: ApplyInput, onBatch?: (applied: number) => void): Promise<ApplyResult> {
  const statements = new Map<number, CompiledQuery>();
  const result: ApplyResult = { filed: 0, late: 0, amended: 0, unchanged: 0, cancelledRemovals: 0, audit: 'per-report' };
  const changed: Changed[] = [];
  let applied = 0;
  const run = async (batch: StagedReport[]) => {
    let statement = statements.get(batch.length);
    if (statement === undefined) statements.set(batch.length, (statement = upsertStatement(trx, batch.length)));
    const parameters: unknown[] = [];
    for (const r of batch) parameters.push(r.reportId, r.entryId, r.enterpriseId, r.year, r.dueOn, input.today > r.dueOn ? 'filed_late' : 'filed', r.document, input.at, input.importId, input.at);
    const { rows } = await trx.executeQuery<Changed>(CompiledQuery.raw(statement.sql, parameters));
    for (const row of rows) {
      if (row.filed_at === input.at) {
        result.filed++;
        if (row.status === 'filed_late') result.late++;
      } else result.amended++;
      if (changed.length <= PER_ENTERPRISE_AUDIT_LIMIT) changed.push(row);
    }
    result.unchanged += batch.length - rows.length;
    applied += batch.length;
    onBatch?.(applied);
  };
  for await (const batch of readStagedReports(input.stagedPath, ROWS_PER_STATEMENT)) await run(batch);

  const cancelled = await trx
    .updateTable('entry_changes')
    .set({ status: 'cancelled' })
    .where('kind', '=', 'removal')
    .where('reason_code', '=', 'unfiled_dynamic_report')
    .where('status', '=', 'approved')
    .where((eb) => eb.exists(eb.selectFrom('dynamic_reports as r').select('r.id').whereRef('r.enterprise_id', '=', 'entry_changes.enterprise_id').whereRef('r.list_entry_id', '=', 'entry_changes.list_entry_id').where('r.import_id', '=', input.importId).where('r.filed_at', '=', input.at)))
    .returning('id')
    .execute();
  result.cancelledRemovals = cancelled.length;

  if (changed.length > PER_ENTERPRISE_AUDIT_LIMIT) result.audit = 'per-import';
  else {
    for (const report of changed) {
      const filed = report.filed_at === input.at;
      await appendAuditEvent(trx, capabilities, { actorUserId: actorUserId(input.actor), actorLabel: actorLabel(input.actor), action: filed ? 'dynamic-report.filed' : 'dynamic-report.amended', subjectType: 'dynamic-report', subjectId: report.id, enterpriseId: report.enterprise_id, data: { year: report.year, late: report.status === 'filed_late', importId: input.importId } });
    }
  }
  return result;
}
