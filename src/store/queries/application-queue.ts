/**
 * The applications an actor works on, newest change first: an enterprise its own, a city
 * its city's, a province its province's, the ministry every region's (reviewers never
 * see drafts), an evaluator those it is engaged on, an expert those on its panels. The
 * scope is the same as the policy rules' (policies/rules/applications.ts), in SQL.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor, UserActor } from '../../domain/actors/actor.ts';
import type { Database } from '../schema.ts';
import type { Executor } from '../store.ts';

/** The tables a queue query reads, with the application aliased `a`. */
type QueueTables = Database & { a: Database['applications'] };

export interface QueueFilter {
  state?: string | undefined;
  programmeCode?: string | undefined;
  batchId?: number | undefined;
  limit?: number;
  offset?: number;
}

export interface QueueItem {
  id: number;
  enterpriseId: number;
  enterpriseNameZh: string;
  enterpriseNameEn: string;
  programmeCode: string;
  targetTier: string;
  state: string;
  provinceCode: string;
  cityCode: string;
  batchId: number | null;
  dataYear: number;
  scoreTotal: number | null;
  submittedAt: string | null;
  updatedAt: string;
}

/** The applications an actor may see, as a condition on `applications as a` (the queue's and the counts' scope). */
export function queueScope(actor: UserActor) {
  return (eb: ExpressionBuilder<QueueTables, 'a'>): Expression<SqlBool> => {
    const scopes: Expression<SqlBool>[] = [];
    for (const m of actor.memberships) {
      if (m.role === 'enterprise' && m.enterpriseId !== null) scopes.push(eb('a.enterprise_id', '=', m.enterpriseId));
      const reviewing = m.regionCode !== null && m.role === m.authorityLevel;
      if (reviewing && m.role === 'national') scopes.push(eb('a.state', '<>', 'draft'));
      if (reviewing && m.role === 'province') scopes.push(eb.and([eb('a.state', '<>', 'draft'), eb('a.province_code', '=', `${m.regionCode!.slice(0, 2)}0000`)]));
      if (reviewing && m.role === 'city') scopes.push(eb.and([eb('a.state', '<>', 'draft'), eb('a.city_code', '=', `${m.regionCode!.slice(0, 4)}00`)]));
      if (m.role === 'evaluator' && m.evaluatorOrgId !== null) {
        scopes.push(eb('a.id', 'in', eb.selectFrom('evaluations').select('application_id').where('evaluator_org_id', '=', m.evaluatorOrgId).where('state', 'in', ['requested', 'accepted', 'signed'])));
      }
      if (m.role === 'expert') {
        scopes.push(eb('a.id', 'in', eb.selectFrom('panel_applications as pa').innerJoin('panel_members as pm', 'pm.panel_id', 'pa.panel_id').select('pa.application_id').where('pm.user_id', '=', actor.userId)));
      }
    }
    return scopes.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(scopes);
  };
}

export async function applicationQueue(db: Executor, actor: Actor, filter: QueueFilter = {}): Promise<{ items: QueueItem[]; total: number }> {
  if (actor.kind !== 'user') return { items: [], total: 0 };
  let query = db
    .selectFrom('applications as a')
    .innerJoin('enterprises as en', 'en.id', 'a.enterprise_id')
    .innerJoin('programmes as p', 'p.id', 'a.programme_id')
    .where(queueScope(actor));
  if (filter.state !== undefined) query = query.where('a.state', '=', filter.state);
  if (filter.programmeCode !== undefined) query = query.where('p.code', '=', filter.programmeCode);
  if (filter.batchId !== undefined) query = query.where('a.batch_id', '=', filter.batchId);
  const total = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const items = await query
    .select([
      'a.id as id',
      'a.enterprise_id as enterpriseId',
      'en.name_zh as enterpriseNameZh',
      'en.name_en as enterpriseNameEn',
      'p.code as programmeCode',
      'a.target_tier as targetTier',
      'a.state as state',
      'a.province_code as provinceCode',
      'a.city_code as cityCode',
      'a.batch_id as batchId',
      'a.data_year as dataYear',
      'a.score_total as scoreTotal',
      'a.submitted_at as submittedAt',
      'a.updated_at as updatedAt',
    ])
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(Math.min(filter.limit ?? 50, 200))
    .offset(filter.offset ?? 0)
    .execute();
  return { items, total: Number(total.n) };
}
