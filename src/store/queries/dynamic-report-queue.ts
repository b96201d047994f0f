/** Dynamic reports (动态管理表) for the workspace and the API: per year and status, scoped like applications. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor, UserActor } from '../../domain/actors/actor.ts';
import type { Database } from '../schema.ts';
import type { Executor } from '../store.ts';

/** The tables a report query reads: reports as `r`, their entries as `e`. */
type ReportTables = Database & { r: Database['dynamic_reports']; e: Database['list_entries'] };

export interface DynamicReportItem {
  id: number;
  entryId: number;
  enterpriseId: number;
  nameZh: string;
  tier: string;
  year: number;
  dueOn: string;
  status: string;
  filedAt: string | null;
  flagReason: string | null;
}

/** The reports an actor may see, as a condition on `dynamic_reports as r` joined to `list_entries as e`. */
export function dynamicReportScope(actor: UserActor) {
  return (eb: ExpressionBuilder<ReportTables, 'r' | 'e'>): Expression<SqlBool> => {
    const scopes: Expression<SqlBool>[] = [];
    for (const m of actor.memberships) {
      if (m.role === 'enterprise' && m.enterpriseId !== null) scopes.push(eb('r.enterprise_id', '=', m.enterpriseId));
      if (m.regionCode === null || m.role !== m.authorityLevel) continue;
      if (m.role === 'national') scopes.push(sql<SqlBool>`1 = 1`);
      if (m.role === 'province') scopes.push(eb('e.province_code', '=', `${m.regionCode.slice(0, 2)}0000`));
      if (m.role === 'city') scopes.push(eb('e.city_code', '=', `${m.regionCode.slice(0, 4)}00`));
    }
    return scopes.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(scopes);
  };
}

export async function dynamicReportQueue(db: Executor, actor: Actor, filter: { year?: number | undefined; status?: string | undefined; limit?: number; offset?: number } = {}): Promise<DynamicReportItem[]> {
  if (actor.kind !== 'user') return [];
  let query = db
    .selectFrom('dynamic_reports as r')
    .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'r.list_entry_id').onRef('e.enterprise_id', '=', 'r.enterprise_id'))
    .where(dynamicReportScope(actor));
  if (filter.year !== undefined) query = query.where('r.year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('r.status', '=', filter.status);
  return query
    .select(['r.id as id', 'r.list_entry_id as entryId', 'r.enterprise_id as enterpriseId', 'e.name_zh as nameZh', 'e.tier as tier', 'r.year as year', 'r.due_on as dueOn', 'r.status as status', 'r.filed_at as filedAt', 'r.flag_reason as flagReason'])
    .orderBy('r.due_on')
    .orderBy('r.id')
    .limit(Math.min(filter.limit ?? 100, 500))
    .offset(filter.offset ?? 0)
    .execute();
}
