/** An evaluator organisation's engagements, for its queue: the application, the enterprise, the state. */
import type { Executor } from '../store.ts';

export function evaluatorEngagements(db: Executor, evaluatorOrgIds: readonly number[], filter: { state?: string | undefined } = {}) {
  if (evaluatorOrgIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('evaluations as e')
    .innerJoin('applications as a', (join) => join.onRef('a.id', '=', 'e.application_id').onRef('a.enterprise_id', '=', 'e.enterprise_id'))
    .innerJoin('enterprises as en', 'en.id', 'e.enterprise_id')
    .select(['e.id as evaluationId', 'e.application_id as applicationId', 'e.enterprise_id as enterpriseId', 'en.name_zh as enterpriseNameZh', 'e.evaluator_org_id as evaluatorOrgId', 'e.state as state', 'e.national as national', 'e.year as year', 'a.state as applicationState', 'e.created_at as requestedAt', 'e.accepted_at as acceptedAt', 'e.signed_at as signedAt'])
    .where('e.kind', '=', 'third_party')
    .where('e.evaluator_org_id', 'in', evaluatorOrgIds);
  if (filter.state !== undefined) query = query.where('e.state', '=', filter.state);
  return query.orderBy('e.id', 'desc').limit(500).execute();
}
