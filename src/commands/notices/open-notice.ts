/**
 * Opens a 公示 for a batch: the candidate applications go on notice (province review →
 * provincial notice, or national expert review → national notice), the closing day
 * follows the authority's rule (15 calendar days nationally, N working days in the
 * provinces; calendar.ts with the State Council's holidays and 调休 days), and the
 * closing job is queued with a key of its own, in the same transaction.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { noticeDates } from '../../domain/notices/notice-schedule.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { enqueueJob } from '../../store/repositories/jobs.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { raiseDomainEvent } from '../events/domain-events.ts';
import '../events/subscribers.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { authoritySettingsOf, loadApplicationFor } from '../applications/application-records.ts';

export const NOTICE_CLOSE_JOB = 'notice.close';

export interface OpenNoticeInput {
  batchId: number;
  applicationIds: number[];
  /** First day of the notice (it counts); today by default. */
  opensOn?: string;
  titleZh?: string;
  titleEn?: string;
  today?: string;
}

export async function openNotice(store: Store, actor: Actor, input: OpenNoticeInput): Promise<Row<'notices'>> {
  const today = input.today ?? todayInShanghai();
  const opensOn = input.opensOn ?? today;
  if (opensOn < today) throw invalid('opensOn', 'a notice cannot open in the past / 公示开始日期不能早于今天');
  const applicationIds = [...new Set(input.applicationIds)];
  if (applicationIds.length === 0) throw invalid('applicationIds', 'a notice lists at least one candidate / 公示名单不能为空');
  return store.transaction(async (trx) => {
    const batch = await store.capabilities.forUpdate(trx.selectFrom('batches').selectAll().where('id', '=', input.batchId)).executeTakeFirst();
    if (batch === undefined) throw notFound(`batch ${input.batchId}`);
    authorize(actor, 'open', { type: 'notice', authorityId: batch.authority_id });
    if (batch.status !== 'open') throw new AppError('RULE_VIOLATION', `Batch ${batch.slug} is ${batch.status}; a notice opens once per batch / 该批次已公示或已发布`);
    if (batch.tier === 'city') throw new AppError('RULE_VIOLATION', 'City lists are not run through this pipeline / 市级名单不经此流程');
    const settings = await authoritySettingsOf(trx, batch.authority_id);
    const dates = noticeDates(opensOn, { days: settings.noticeDays, kind: settings.noticeDayKind });
    const at = now();
    const notice = await trx
      .insertInto('notices')
      .values({
        batch_id: batch.id,
        authority_id: batch.authority_id,
        title_zh: input.titleZh?.trim() || `${batch.name_zh}公示`,
        title_en: input.titleEn?.trim() || `Public notice: ${batch.name_en}`,
        opens_on: dates.opensOn,
        closes_on: dates.closesOn,
        day_kind: settings.noticeDayKind,
        days: settings.noticeDays,
        status: 'open',
        closed_at: null,
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const expected = batch.tier === 'national' ? 'national_expert_review' : 'province_review';
    for (const [index, applicationId] of applicationIds.entries()) {
      const { application } = await loadApplicationFor(trx, store, actor, applicationId);
      if (application.programme_id !== batch.programme_id) throw invalid(`applicationIds[${index}]`, `application ${applicationId} is for another list type / 申报类别与批次不符`);
      if (application.state !== expected) {
        throw new AppError('INVALID_TRANSITION', `Application ${applicationId} is ${application.state}; a ${batch.tier} notice takes applications in ${expected} / 申请${applicationId}不在可公示阶段`, { details: { applicationId, state: application.state } });
      }
      await applyTransition({ trx, store, actor }, application, 'place-on-notice', {
        today,
        data: { noticeId: notice.id, batchId: batch.id },
        ...(batch.tier === 'national' ? { set: { batch_id: batch.id } } : {}),
      });
      const enterprise = await trx.selectFrom('enterprises').select('name_zh').where('id', '=', application.enterprise_id).executeTakeFirstOrThrow();
      await trx.insertInto('notice_entries').values({ notice_id: notice.id, application_id: application.id, enterprise_id: application.enterprise_id, factory_id: application.factory_id, name_zh: enterprise.name_zh, status: 'candidate', position: index + 1 }).execute();
    }
    await trx.updateTable('batches').set({ status: 'notice' }).where('id', '=', batch.id).execute();
    await enqueueJob(trx, { kind: NOTICE_CLOSE_JOB, payload: { noticeId: notice.id }, runAt: dates.closeJobAt, uniqueKey: `${NOTICE_CLOSE_JOB}:${notice.id}` });
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'notice.opened', subjectType: 'notice', subjectId: notice.id, enterpriseId: null, data: { batchId: batch.id, opensOn: dates.opensOn, closesOn: dates.closesOn, days: settings.noticeDays, dayKind: settings.noticeDayKind, entries: applicationIds.length } });
    await raiseDomainEvent({ trx, store, actor }, 'notice.opened', { noticeId: notice.id, batchId: batch.id, opensOn: dates.opensOn, closesOn: dates.closesOn });
    return notice;
  });
}
