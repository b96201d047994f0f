/**
 * 公示 over HTTP: anyone reads notices, their candidates and — once closed — the outcome of
 * each objection case (never who objected). The authority opens a notice with its
 * candidates (its end follows the authority's calendar or working-day rule), closes it
 * (normally the scheduler does, the day after its last day), and decides objection cases.
 * Filing an objection is the public site's form.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../../domain/errors.ts';
import { closeNotice } from '../../../commands/notices/close-notice.ts';
import { openNotice } from '../../../commands/notices/open-notice.ts';
import { decideObjection } from '../../../commands/objections/decide-objection.ts';
import { listObjectionCases } from '../../../commands/objections/list-objection-cases.ts';
import { findPublicNotice, listNoticeEntries, listObjectionOutcomes, listPublicNotices } from '../../../store/queries/public-notices.ts';
import { requireUser } from '../../auth.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const NoticeSummary = Type.Object({
  id: Type.Integer(),
  titleZh: Type.String(),
  titleEn: Type.String(),
  status: Type.String({ examples: ['open'] }),
  opensOn: Type.String({ examples: ['2026-11-27'] }),
  closesOn: Type.String({ examples: ['2026-12-11'] }),
  days: Type.Integer({ examples: [15] }),
  dayKind: Type.String({ examples: ['calendar'] }),
  closedAt: Nullable(Type.String()),
  batchId: Type.Integer(),
  batchSlug: Type.String(),
  batchNameZh: Type.String(),
  batchNameEn: Type.String(),
  tier: Type.String(),
  programmeCode: Type.String(),
  authorityNameZh: Type.String(),
  authorityNameEn: Type.String(),
  entries: Type.Integer(),
});
const NoticeEntry = Type.Object({ id: Type.Integer(), position: Type.Integer(), enterpriseId: Type.Integer(), nameZh: Type.String(), nameEn: Type.String(), status: Type.String(), provinceCode: Type.String(), cityCode: Type.String(), industryCode: Type.String() });
const Outcome = Type.Object({ caseNumber: Type.String(), noticeEntryId: Type.Integer(), status: Type.String(), outcomeNote: Nullable(Type.String()), handledAt: Nullable(Type.String()), filedOn: Type.String() });

export async function registerNoticeRoutes(app: FastifyInstance): Promise<void> {
  const store = app.context.store;

  app.get<{ Querystring: { status?: 'open' | 'closed' } }>(
    '/api/v1/notices',
    { config: { access: 'public' }, schema: { tags: ['notices', 'public'], summary: 'Public notices (公示), open and closed', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])) }), response: { 200: Type.Object({ items: Type.Array(NoticeSummary) }) } } },
    async (request) => ({ items: await listPublicNotices(store.db, request.query.status) }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/notices/:id',
    { config: { access: 'public' }, schema: { tags: ['notices', 'public'], summary: 'A notice with its candidate entries and, once closed, the published outcome of each objection case', params: IdParams, response: { 200: Type.Object({ notice: NoticeSummary, entries: Type.Array(NoticeEntry), outcomes: Type.Array(Outcome) }) } } },
    async (request) => {
      const notice = await findPublicNotice(store.db, request.params.id);
      if (notice === undefined) throw notFound(`notice ${request.params.id}`);
      return { notice, entries: await listNoticeEntries(store.db, notice.id), outcomes: notice.status === 'closed' ? await listObjectionOutcomes(store.db, notice.id) : [] };
    },
  );

  app.post<{ Body: { batchId: number; applicationIds: number[]; opensOn?: string; titleZh?: string; titleEn?: string } }>(
    '/api/v1/notices',
    {
      config: { access: { action: 'open', subject: 'notice' } },
      schema: {
        tags: ['notices'],
        summary: 'Open the notice of a batch with its candidates; the last day follows the authority’s rule (15 calendar days nationally, working days in the provinces, with holidays and 调休 days)',
        body: Type.Object({ batchId: Type.Integer(), applicationIds: Type.Array(Type.Integer(), { minItems: 1, maxItems: 5000 }), opensOn: Type.Optional(Type.String({ format: 'date' })), titleZh: Type.Optional(Type.String({ maxLength: 200 })), titleEn: Type.Optional(Type.String({ maxLength: 200 })) }, { examples: [{ batchId: 8, applicationIds: [8], opensOn: '2027-11-08' }] }),
        response: { 201: NoticeSummary },
      },
    },
    async (request, reply) => {
      const notice = await openNotice(store, await requireUser(request), request.body);
      return reply.status(201).send(await findPublicNotice(store.db, notice.id));
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/v1/notices/:id/close',
    { config: { access: { action: 'close', subject: 'notice', id: 'id' } }, schema: { tags: ['notices'], summary: 'Close a notice after its last day (the scheduler does this by itself); idempotent', params: IdParams, response: { 200: Type.Object({ noticeId: Type.Integer(), alreadyClosed: Type.Boolean(), passed: Type.Integer(), withObjections: Type.Integer(), outcomesPublished: Type.Integer() }) } } },
    async (request) => closeNotice(store, await requireUser(request), { noticeId: request.params.id }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/notices/:id/objection-cases',
    {
      config: { access: { action: 'read', subject: 'objection', id: 'id', lookup: 'notice' } },
      schema: {
        tags: ['notices'],
        summary: 'The objection cases of a notice in full, for the reviewers of its authority',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), caseNumber: Type.String(), noticeEntryId: Type.Integer(), entryNameZh: Type.String(), applicationId: Nullable(Type.Integer()), fullName: Type.String(), contact: Type.String(), reason: Type.String(), evidenceFileId: Nullable(Type.Integer()), status: Type.String(), outcomeNote: Nullable(Type.String()), handledAt: Nullable(Type.String()), filedAt: Type.String() })) }) },
      },
    },
    async (request) => ({ items: await listObjectionCases(store, await requireUser(request), request.params.id) }),
  );

  app.post<{ Params: { id: number; objectionId: number }; Body: { outcome: 'upheld' | 'dismissed'; note: string } }>(
    '/api/v1/notices/:id/objection-cases/:objectionId/decision',
    {
      config: { access: { action: 'decide', subject: 'objection', id: 'id', lookup: 'notice' } },
      schema: {
        tags: ['notices'],
        summary: 'Decide an objection case: upheld (the entry leaves the batch) or dismissed; the finding is published with the closed notice',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), objectionId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ outcome: Type.Union([Type.Literal('upheld'), Type.Literal('dismissed')]), note: Type.String({ minLength: 1, maxLength: 2000, examples: ['经核查，举报事项不属实，异议不成立。'] }) }),
        response: { 200: Type.Object({ id: Type.Integer(), caseNumber: Type.String(), status: Type.String(), outcomeNote: Nullable(Type.String()), handledAt: Nullable(Type.String()) }) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const cases = await listObjectionCases(store, actor, request.params.id);
      if (!cases.some((c) => c.id === request.params.objectionId)) throw notFound(`objection ${request.params.objectionId} on notice ${request.params.id}`);
      const row = await decideObjection(store, actor, { objectionId: request.params.objectionId, outcome: request.body.outcome, note: request.body.note });
      return { id: row.id, caseNumber: row.case_number, status: row.status, outcomeNote: row.outcome_note, handledAt: row.handled_at };
    },
  );
}
