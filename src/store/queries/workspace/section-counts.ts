/** What waits for a user in each workspace section: one small count per section. */
import type { Executor } from '../../store.ts';

async function count(query: { executeTakeFirst(): Promise<{ n: number | string | bigint } | undefined> }): Promise<number> {
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

/** Objections received on the notices of these authorities, not yet decided. */
export function countUndecidedObjections(db: Executor, authorityIds: readonly number[]): Promise<number> {
  if (authorityIds.length === 0) return Promise.resolve(0);
  return count(db.selectFrom('objections as o').innerJoin('notices as n', 'n.id', 'o.notice_id').select((eb) => eb.fn.countAll<number>().as('n')).where('n.authority_id', 'in', authorityIds).where('o.status', '=', 'received'));
}

/** Batches of these authorities whose notice has closed: they wait to be published. */
export function countBatchesReadyToPublish(db: Executor, authorityIds: readonly number[]): Promise<number> {
  if (authorityIds.length === 0) return Promise.resolve(0);
  return count(
    db
      .selectFrom('batches as b')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('b.authority_id', 'in', authorityIds)
      .where('b.status', '=', 'notice')
      .where((eb) => eb.exists(eb.selectFrom('notices as n').select('n.id').whereRef('n.batch_id', '=', 'b.id').where('n.status', '=', 'closed'))),
  );
}

/** An expert's reviews still to score, on applications under national expert review. */
export function countPendingExpertReviews(db: Executor, expertUserId: number): Promise<number> {
  return count(
    db
      .selectFrom('expert_reviews as r')
      .innerJoin('applications as a', (join) => join.onRef('a.id', '=', 'r.application_id').onRef('a.enterprise_id', '=', 'r.enterprise_id'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.expert_user_id', '=', expertUserId)
      .where('r.submitted_at', 'is', null)
      .where('a.state', '=', 'national_expert_review'),
  );
}

/** An enterprise's applications it must act on (drafts and returned ones). */
export function countApplicationsToComplete(db: Executor, enterpriseId: number): Promise<number> {
  return count(db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('state', 'in', ['draft', 'returned']));
}

/** An enterprise's dynamic reports due or overdue. */
export function countDynamicReportsToFile(db: Executor, enterpriseId: number): Promise<number> {
  return count(db.selectFrom('dynamic_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('status', 'in', ['due', 'overdue']));
}

/** An enterprise's open EHS register items. */
export function countOpenEhsItems(db: Executor, enterpriseId: number): Promise<number> {
  return count(db.selectFrom('ehs_events').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).where('status', '=', 'open'));
}
