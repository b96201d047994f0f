/**
 * The reviewing authority's group work: `/workspace/notices` (open a 公示 with its
 * candidates, decide objection cases, close a notice whose last day has passed) and
 * `/workspace/batches` (open a batch, move its deadline or framework, preview the
 * publication with its diff, publish). Each acts for the user's own authority.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Membership, UserActor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { listFrameworks } from '../../engine/index.ts';
import { authorize, can } from '../../policies/index.ts';
import { openNotice } from '../../commands/notices/open-notice.ts';
import { closeNotice } from '../../commands/notices/close-notice.ts';
import { decideObjection } from '../../commands/objections/decide-objection.ts';
import { listObjectionCases } from '../../commands/objections/list-objection-cases.ts';
import { createBatch } from '../../commands/batches/create-batch.ts';
import { publishBatch } from '../../commands/batches/publish-batch.ts';
import { updateBatch } from '../../commands/batches/update-batch.ts';
import { batchDiff } from '../../store/queries/batch-diff.ts';
import { applicationsInState, authorityBatches, authorityNotices, noticeEntries, publicationPreview } from '../../store/queries/workspace/authority-work.ts';
import { sendPage } from '../page-context.ts';
import { BatchesPage, BatchPage } from '../pages/workspace/review/batches-pages.tsx';
import { NoticePage, NoticesPage } from '../pages/workspace/review/notices-pages.tsx';
import { requireWebUser } from '../workspace-auth.ts';
import { registerWorkspaceSection } from '../workspace-sections.ts';
import { fieldsOf, frameOf, here, idParam, idsOf, optionalNumber, submitForm } from './workspace-forms.ts';
import { findBatchById, findNoticeById } from '../../store/queries/lookups.ts';
import { countBatchesReadyToPublish, countUndecidedObjections } from '../../store/queries/workspace/section-counts.ts';

/** The user's membership in a reviewing (or administering) authority, for pages that act for it. */
export function authorityMembership(actor: UserActor, roles: readonly string[] = ['national', 'province', 'city']): Membership & { authorityId: number } {
  const membership = actor.memberships.find((m) => roles.includes(m.role) && m.authorityId !== null);
  if (membership === undefined) throw new AppError('FORBIDDEN', 'This page is for the staff of an authority / 此页面仅供主管部门工作人员使用');
  return membership as Membership & { authorityId: number };
}

registerWorkspaceSection({
  id: 'notices',
  roles: ['national', 'province'],
  href: '/workspace/notices',
  titleKey: 'ws-review.notices.title',
  descriptionKey: 'ws-review.notices.description',
  order: 30,
  waiting: async (store, actor) => {
    const ids = actor.memberships.filter((m) => (m.role === 'national' || m.role === 'province') && m.authorityId !== null).map((m) => m.authorityId!);
    if (ids.length === 0) return 0;
    return countUndecidedObjections(store.db, ids);
  },
});

registerWorkspaceSection({
  id: 'batches',
  roles: ['national', 'province', 'admin'],
  href: '/workspace/batches',
  titleKey: 'ws-review.batches.title',
  descriptionKey: 'ws-review.batches.description',
  order: 50,
  // Batches whose notice has closed wait to be published.
  waiting: async (store, actor) => {
    const ids = actor.memberships.filter((m) => (m.role === 'national' || m.role === 'province') && m.authorityId !== null).map((m) => m.authorityId!);
    if (ids.length === 0) return 0;
    return countBatchesReadyToPublish(store.db, ids);
  },
});

function frameworkChoices() {
  return listFrameworks().map((f) => ({ id: f.id, label: `${f.nameZh} (${f.id} ${f.version})` }));
}

export async function registerWorkspaceReviewRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.context.store;

  const renderNotices = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error?: string) => {
    const membership = authorityMembership(actor, ['national', 'province']);
    const query = request.query as { batch?: string; application?: string };
    const [notices, batches] = await Promise.all([authorityNotices(store().db, membership.authorityId), authorityBatches(store().db, membership.authorityId)]);
    const openBatches = batches.filter((b) => b.status === 'open');
    const chosen = openBatches.find((b) => String(b.id) === query.batch) ?? openBatches[0];
    const batchRow = chosen === undefined ? undefined : await findBatchById(store().db, chosen.id);
    const candidates = batchRow === undefined ? [] : await applicationsInState(store().db, { state: batchRow.tier === 'national' ? 'national_expert_review' : 'province_review', programmeId: batchRow.programme_id, regionCode: membership.regionCode ?? '000000', level: membership.authorityLevel ?? 'national', batchId: chosen!.id });
    return sendPage(reply, NoticesPage({ frame: await frameOf(request, actor), notices, openBatches, candidates, chosenBatchId: chosen?.id, preselected: optionalNumber(query.application), today: todayInShanghai(), error }));
  };

  const renderNotice = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error?: string) => {
    const id = idParam(request, 'id');
    const notice = await findNoticeById(store().db, id);
    if (notice === undefined) throw notFound(`notice ${id}`);
    authorize(actor, 'read', { type: 'notice', authorityId: notice.authority_id });
    const [entries, cases] = await Promise.all([noticeEntries(store().db, id), listObjectionCases(store(), actor, id)]);
    return sendPage(reply, NoticePage({ frame: await frameOf(request, actor), notice, entries, cases, today: todayInShanghai(), error }));
  };

  app.get('/workspace/notices', { config: { access: { action: 'open', subject: 'notice' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderNotices(request, reply, actor);
  });

  app.post('/workspace/notices', { config: { access: { action: 'open', subject: 'notice' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      const notice = await openNotice(store(), actor, { batchId: Number(fields.batchId), applicationIds: idsOf(request.body, 'applicationIds'), ...(fields.opensOn ? { opensOn: fields.opensOn } : {}), ...(fields.titleZh?.trim() ? { titleZh: fields.titleZh } : {}) });
      return here(request, `/workspace/notices/${notice.id}`, 'noticeOpened');
    }, (actor, error) => renderNotices(request, reply, actor, error.message));
  });

  app.get('/workspace/notices/:id', { config: { access: { action: 'read', subject: 'notice', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderNotice(request, reply, actor);
  });

  app.post('/workspace/notices/:id/close', { config: { access: { action: 'close', subject: 'notice', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const id = idParam(request, 'id');
    return submitForm(request, reply, async (actor) => {
      await closeNotice(store(), actor, { noticeId: id });
      return here(request, `/workspace/notices/${id}`, 'noticeClosed');
    }, (actor, error) => renderNotice(request, reply, actor, error.message));
  });

  app.post('/workspace/notices/:id/objections/:objectionId', { config: { access: { action: 'decide', subject: 'objection', id: 'id', lookup: 'notice' } }, schema: { hide: true } }, async (request, reply) => {
    const id = idParam(request, 'id');
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      await decideObjection(store(), actor, { objectionId: idParam(request, 'objectionId'), outcome: fields.outcome === 'upheld' ? 'upheld' : 'dismissed', note: fields.note ?? '' });
      return here(request, `/workspace/notices/${id}#objections`, 'objectionDecided');
    }, (actor, error) => renderNotice(request, reply, actor, error.message));
  });

  const renderBatches = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error?: string) => {
    const membership = authorityMembership(actor, ['national', 'province', 'admin']);
    const batches = await authorityBatches(store().db, membership.authorityId);
    return sendPage(reply, BatchesPage({ frame: await frameOf(request, actor), batches, frameworks: frameworkChoices(), canCreate: can(actor, 'create', { type: 'batch', authorityId: membership.authorityId }), today: todayInShanghai(), error }));
  };

  const renderBatch = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error?: string) => {
    const preview = await publicationPreview(store().db, idParam(request, 'id'));
    if (preview === undefined) throw notFound('batch');
    const canPublish = can(actor, 'publish', { type: 'batch', authorityId: preview.batch.authority_id });
    if (!canPublish && !can(actor, 'update', { type: 'batch', authorityId: preview.batch.authority_id })) throw new AppError('FORBIDDEN', 'Only the batch’s authority previews its publication / 仅批次主管部门可预览发布');
    const diff = preview.batch.status === 'published' ? ((await batchDiff(store().db, preview.batch.id)) ?? null) : null;
    return sendPage(reply, BatchPage({ frame: await frameOf(request, actor), preview, diff, canPublish, error }));
  };

  app.get('/workspace/batches', { config: { access: { action: 'create', subject: 'batch' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderBatches(request, reply, actor);
  });

  app.post('/workspace/batches', { config: { access: { action: 'create', subject: 'batch' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      const batch = await createBatch(store(), actor, { programmeCode: fields.programmeCode ?? '', year: Number(fields.year), ordinal: optionalNumber(fields.ordinal) ?? null, frameworkId: fields.frameworkId?.trim() || null, noticeNumber: fields.noticeNumber ?? null });
      return here(request, `/workspace/batches/${batch.id}`, 'batchCreated');
    }, (actor, error) => renderBatches(request, reply, actor, error.message));
  });

  app.post('/workspace/batches/:id/update', { config: { access: { action: 'update', subject: 'batch', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      await updateBatch(store(), actor, { batchId: idParam(request, 'id'), ...(fields.recommendDeadline ? { recommendDeadline: fields.recommendDeadline } : {}), noticeNumber: fields.noticeNumber ?? null, ...(fields.frameworkId ? { frameworkId: fields.frameworkId } : {}) });
      return here(request, '/workspace/batches', 'batchUpdated');
    }, (actor, error) => renderBatches(request, reply, actor, error.message));
  });

  app.get('/workspace/batches/:id', { config: { access: { action: 'update', subject: 'batch', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderBatch(request, reply, actor);
  });

  app.post('/workspace/batches/:id/publish', { config: { access: { action: 'publish', subject: 'batch', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const id = idParam(request, 'id');
    return submitForm(request, reply, async (actor) => {
      await publishBatch(store(), actor, { batch: id });
      return here(request, `/workspace/batches/${id}`, 'batchPublished');
    }, (actor, error) => renderBatch(request, reply, actor, error.message));
  });
}
