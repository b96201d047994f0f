/** Write-side helpers for hazards, violations, accidents, permit limits and monitoring results. */
import { now, type Executor } from '../../store.ts';
import type { Database, NewRow, Row, RowUpdate } from '../../schema.ts';

type ItemTable = 'ehs_hazards' | 'ehs_violations' | 'ehs_accidents' | 'ehs_permit_limits' | 'ehs_monitoring_results';
type Stamped = 'created_at' | 'updated_at';

/** Inserts one register row, stamping created_at (and updated_at where the table has it). */
export async function insertItem<T extends ItemTable>(db: Executor, table: T, row: Omit<NewRow<T>, Stamped>): Promise<Row<T>> {
  const at = now();
  const stamped = table === 'ehs_hazards' || table === 'ehs_violations' ? { ...row, created_at: at, updated_at: at } : { ...row, created_at: at };
  return (await db.insertInto(table).values(stamped as never).returningAll().executeTakeFirstOrThrow()) as Row<T>;
}

/** One row of an enterprise by id; undefined when it belongs to another enterprise. */
export async function findItem<T extends ItemTable>(db: Executor, table: T, enterpriseId: number, id: number): Promise<Row<T> | undefined> {
  return (await db
    .selectFrom(table as ItemTable)
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .executeTakeFirst()) as Row<T> | undefined;
}

export async function updateItem<T extends 'ehs_hazards' | 'ehs_violations' | 'ehs_monitoring_results'>(db: Executor, table: T, enterpriseId: number, id: number, changes: RowUpdate<T>): Promise<Row<T>> {
  const stamped = table === 'ehs_monitoring_results' ? changes : { ...changes, updated_at: now() };
  return (await db
    .updateTable(table as 'ehs_hazards')
    .set(stamped as RowUpdate<'ehs_hazards'>)
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as Row<T>;
}

export function permitLimitsOf(db: Executor, enterpriseId: number) {
  return db.selectFrom('ehs_permit_limits').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('outlet_code').orderBy('pollutant_code').orderBy('valid_from').execute();
}

/** Existing results of the given limits, keyed `limitId|sampledOn|method`, for idempotent re-imports. */
export async function monitoringResultsByKey(db: Executor, enterpriseId: number, limitIds: readonly number[], from: string, to: string): Promise<Map<string, Row<'ehs_monitoring_results'>>> {
  if (limitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ehs_monitoring_results')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('permit_limit_id', 'in', [...limitIds])
    .where('sampled_on', '>=', from)
    .where('sampled_on', '<=', to)
    .execute();
  return new Map(rows.map((row) => [`${row.permit_limit_id}|${row.sampled_on}|${row.method}`, row]));
}

export type NewMonitoringResult = Omit<NewRow<'ehs_monitoring_results'>, 'created_at'>;

export async function insertMonitoringResults(db: Executor, rows: readonly NewMonitoringResult[]): Promise<void> {
  const at = now();
  for (let start = 0; start < rows.length; start += 500) {
    await db.insertInto('ehs_monitoring_results').values(rows.slice(start, start + 500).map((row) => ({ ...row, created_at: at }))).execute();
  }
}

export type { Database };
