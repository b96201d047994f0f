/** Write-side helpers for LDAR: seal points, inspection rounds, readings and leaks. */
import { now, type Executor } from '../../store.ts';
import type { NewRow, Row, RowUpdate } from '../../schema.ts';

export async function insertSealPoint(db: Executor, row: Omit<NewRow<'ehs_seal_points'>, 'created_at' | 'updated_at' | 'status'>): Promise<Row<'ehs_seal_points'>> {
  const at = now();
  return db.insertInto('ehs_seal_points').values({ ...row, status: 'active', created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
}

export function findSealPointByTag(db: Executor, enterpriseId: number, tag: string) {
  return db.selectFrom('ehs_seal_points').selectAll().where('enterprise_id', '=', enterpriseId).where('tag', '=', tag).executeTakeFirst();
}

/** Every seal point of an enterprise by tag: imports resolve thousands of rows against it. */
export async function sealPointsByTag(db: Executor, enterpriseId: number): Promise<Map<string, Row<'ehs_seal_points'>>> {
  const rows = await db.selectFrom('ehs_seal_points').selectAll().where('enterprise_id', '=', enterpriseId).execute();
  return new Map(rows.map((row) => [row.tag, row]));
}

export function findRoundByCode(db: Executor, enterpriseId: number, code: string) {
  return db.selectFrom('ehs_inspection_rounds').selectAll().where('enterprise_id', '=', enterpriseId).where('code', '=', code).executeTakeFirst();
}

export async function insertRound(db: Executor, row: Omit<NewRow<'ehs_inspection_rounds'>, 'created_at'>): Promise<Row<'ehs_inspection_rounds'>> {
  return db.insertInto('ehs_inspection_rounds').values({ ...row, created_at: now() }).returningAll().executeTakeFirstOrThrow();
}

export async function widenRound(db: Executor, round: Row<'ehs_inspection_rounds'>, startedOn: string, completedOn: string): Promise<void> {
  if (startedOn >= round.started_on && completedOn <= round.completed_on) return;
  await db
    .updateTable('ehs_inspection_rounds')
    .set({ started_on: startedOn < round.started_on ? startedOn : round.started_on, completed_on: completedOn > round.completed_on ? completedOn : round.completed_on })
    .where('enterprise_id', '=', round.enterprise_id)
    .where('id', '=', round.id)
    .execute();
}

/** Readings already in a round, by seal point id. */
export async function readingsOfRound(db: Executor, enterpriseId: number, roundId: number): Promise<Map<number, Row<'ehs_readings'>>> {
  const rows = await db.selectFrom('ehs_readings').selectAll().where('enterprise_id', '=', enterpriseId).where('round_id', '=', roundId).execute();
  return new Map(rows.map((row) => [row.seal_point_id, row]));
}

export type NewReading = Omit<NewRow<'ehs_readings'>, 'created_at'>;

/** Inserts readings in chunks (both databases cap the parameters of one statement). */
export async function insertReadings(db: Executor, rows: readonly NewReading[]): Promise<void> {
  const at = now();
  for (let start = 0; start < rows.length; start += 500) {
    await db.insertInto('ehs_readings').values(rows.slice(start, start + 500).map((row) => ({ ...row, created_at: at }))).execute();
  }
}

export async function insertReading(db: Executor, row: NewReading): Promise<Row<'ehs_readings'>> {
  return db.insertInto('ehs_readings').values({ ...row, created_at: now() }).returningAll().executeTakeFirstOrThrow();
}

export async function insertLeak(db: Executor, row: Omit<NewRow<'ehs_leaks'>, 'created_at' | 'updated_at' | 'status'>): Promise<Row<'ehs_leaks'>> {
  const at = now();
  return db.insertInto('ehs_leaks').values({ ...row, status: 'open', created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
}

export function findLeak(db: Executor, enterpriseId: number, id: number) {
  return db.selectFrom('ehs_leaks').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
}

export async function updateLeak(db: Executor, leak: Pick<Row<'ehs_leaks'>, 'enterprise_id' | 'id'>, changes: RowUpdate<'ehs_leaks'>): Promise<Row<'ehs_leaks'>> {
  return db.updateTable('ehs_leaks').set({ ...changes, updated_at: now() }).where('enterprise_id', '=', leak.enterprise_id).where('id', '=', leak.id).returningAll().executeTakeFirstOrThrow();
}
