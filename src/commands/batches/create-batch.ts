/**
 * An authority opens a batch of a list: named 第N批 or YYYY年度 (batch-naming.ts), for one
 * programme and tier, pinning one framework version, with the recommendation deadline of
 * its year from the authority's settings. It takes applications until its notice opens.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { batchName } from '../../domain/applications/batch-naming.ts';
import type { Tier } from '../../domain/applications/application-states.ts';
import { deadlineFor } from '../../domain/calendar/calendar.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { findProgramme } from '../../domain/programmes/programmes.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { authoritySettingsOf } from '../applications/application-records.ts';
import { reviewerAuthorityOf } from '../experts/create-panel.ts';
import { pinFramework } from './pin-framework.ts';

export interface CreateBatchInput {
  programmeCode: string;
  /** Defaults to the actor's authority. */
  authorityId?: number;
  year: number;
  /** 第N批 when given, else YYYY年度. */
  ordinal?: number | null;
  frameworkId?: string | null;
  noticeNumber?: string | null;
}

export async function createBatch(store: Store, actor: Actor, input: CreateBatchInput): Promise<Row<'batches'>> {
  const programme = findProgramme(input.programmeCode);
  if (programme === undefined) throw invalid('programmeCode', `unknown programme "${input.programmeCode}"`);
  const authorityId = input.authorityId ?? reviewerAuthorityOf(actor, ['national', 'province', 'admin']);
  if (authorityId === undefined) throw invalid('authorityId', 'which authority runs the batch?');
  return store.transaction(async (trx) => {
    const authority = await trx.selectFrom('authorities').selectAll().where('id', '=', authorityId).executeTakeFirst();
    if (authority === undefined) throw notFound(`authority ${authorityId}`);
    authorize(actor, 'create', { type: 'batch', authorityId: authority.id });
    const tier = authority.level as Tier;
    const name = batchName({ programme: programme.code, tier, regionCode: authority.region_code, ordinal: input.ordinal ?? null, year: input.year });
    if ((await trx.selectFrom('batches').select('id').where('slug', '=', name.slug).executeTakeFirst()) !== undefined) {
      throw new AppError('CONFLICT', `A batch ${name.slug} exists already / 该批次已存在`, { path: 'year' });
    }
    const programmeRow = await trx.selectFrom('programmes').select('id').where('code', '=', programme.code).executeTakeFirstOrThrow();
    const pinned = input.frameworkId == null ? null : await pinFramework(trx, input.frameworkId);
    const framework = pinned?.framework ?? null;
    const settings = await authoritySettingsOf(trx, authority.id);
    const recommendDeadline = deadlineFor(input.year, settings.recommendDeadline);
    const batch = await trx
      .insertInto('batches')
      .values({
        programme_id: programmeRow.id,
        authority_id: authority.id,
        tier,
        slug: name.slug,
        name_zh: name.nameZh,
        name_en: name.nameEn,
        ordinal: input.ordinal ?? null,
        year: input.year,
        notice_number: input.noticeNumber?.trim() || null,
        framework_id: pinned?.versionId ?? null,
        status: 'open',
        recommend_deadline: recommendDeadline,
        published_on: null,
        timeline: JSON.stringify({ recommendDeadline, recommendDeadlineSource: settings.sources.recommendDeadline ?? null, frameworkVersion: framework?.version ?? null, frameworkHash: framework?.hash ?? null }),
        created_at: now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'batch.created', subjectType: 'batch', subjectId: batch.id, enterpriseId: null, data: { slug: batch.slug, frameworkId: batch.framework_id, frameworkVersion: framework?.version ?? null, recommendDeadline } });
    return batch;
  });
}
