/**
 * Publishes a batch in one transaction: the entries that survived its closed notice become
 * list entries, their applications are listed, the approved removals and renames of the
 * same list are applied (the batch's diff), and `batch.published` is raised so the
 * certificate feature issues certificates in the same transaction. Re-running on a
 * published batch changes nothing and says so.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Store } from '../../store/store.ts';
import { raiseDomainEvent } from '../events/domain-events.ts';
import '../events/subscribers.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { getApplicationForUpdate } from '../applications/application-records.ts';
import { applyPendingChanges } from '../list-entries/apply-pending-changes.ts';

export interface PublishBatchInput {
  /** Batch id or slug. */
  batch: number | string;
  today?: string;
}

export interface PublishBatchResult {
  batchId: number;
  slug: string;
  alreadyPublished: boolean;
  publishedOn: string;
  added: number[];
  removed: number[];
  renamed: number[];
}

export async function publishBatch(store: Store, actor: Actor, input: PublishBatchInput): Promise<PublishBatchResult> {
  const today = input.today ?? todayInShanghai();
  return store.transaction(async (trx) => {
    const query = trx.selectFrom('batches').selectAll();
    const batch = await store.capabilities.forUpdate(typeof input.batch === 'number' ? query.where('id', '=', input.batch) : query.where('slug', '=', input.batch)).executeTakeFirst();
    if (batch === undefined) throw notFound(`batch ${input.batch}`);
    authorize(actor, 'publish', { type: 'batch', authorityId: batch.authority_id });
    if (batch.status === 'published') return { batchId: batch.id, slug: batch.slug, alreadyPublished: true, publishedOn: batch.published_on ?? '', added: [], removed: [], renamed: [] };
    const notice = await trx.selectFrom('notices').selectAll().where('batch_id', '=', batch.id).orderBy('id', 'desc').executeTakeFirst();
    if (notice === undefined || notice.status !== 'closed') {
      throw new AppError('RULE_VIOLATION', `Batch ${batch.slug} can be published once its public notice has closed / 公示结束后方可发布`);
    }
    const entries = await trx.selectFrom('notice_entries').selectAll().where('notice_id', '=', notice.id).orderBy('position').execute();
    const waiting = entries.filter((e) => e.status === 'candidate' || e.status === 'objections');
    if (waiting.length > 0) {
      throw new AppError('RULE_VIOLATION', `${waiting.length} entries still wait for objection decisions / 尚有${waiting.length}个公示对象的异议未处理完毕`, { details: { entryIds: waiting.map((e) => e.id) } });
    }
    const context = { trx, store, actor };
    const added: number[] = [];
    const createdAt = now();
    for (const entry of entries.filter((e) => e.status === 'passed')) {
      const enterprise = await trx.selectFrom('enterprises').selectAll().where('id', '=', entry.enterprise_id).executeTakeFirstOrThrow();
      if (entry.application_id !== null) {
        const application = await getApplicationForUpdate(trx, store, entry.application_id);
        await applyTransition(context, application, 'publish', { today, data: { batchId: batch.id } });
      }
      const listed = await trx
        .insertInto('list_entries')
        .values({
          batch_id: batch.id,
          programme_id: batch.programme_id,
          tier: batch.tier,
          authority_id: batch.authority_id,
          enterprise_id: enterprise.id,
          factory_id: entry.factory_id,
          application_id: entry.application_id,
          name_zh: enterprise.name_zh,
          name_en: enterprise.name_en,
          province_code: enterprise.province_code,
          city_code: enterprise.city_code,
          industry_code: enterprise.industry_code,
          status: 'listed',
          listed_on: today,
          removed_on: null,
          removal_reason: null,
          removal_mode: null,
          renamed_from: null,
          renamed_on: null,
          created_at: createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      added.push(listed.id);
      await trx.updateTable('notice_entries').set({ status: 'listed' }).where('id', '=', entry.id).execute();
      await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'list-entry.listed', subjectType: 'list-entry', subjectId: listed.id, enterpriseId: enterprise.id, data: { batchId: batch.id, slug: batch.slug, applicationId: entry.application_id, listedOn: today } });
    }
    const changes = await applyPendingChanges(context, { programmeId: batch.programme_id, tier: batch.tier, authorityId: batch.authority_id }, today);
    await trx.updateTable('batches').set({ status: 'published', published_on: today }).where('id', '=', batch.id).execute();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'batch.published', subjectType: 'batch', subjectId: batch.id, enterpriseId: null, data: { slug: batch.slug, publishedOn: today, added: added.length, removed: changes.removed.length, renamed: changes.renamed.length } });
    await raiseDomainEvent(context, 'batch.published', { batchId: batch.id, entryIds: added, publishedOn: today });
    return { batchId: batch.id, slug: batch.slug, alreadyPublished: false, publishedOn: today, added, removed: changes.removed, renamed: changes.renamed };
  });
}
