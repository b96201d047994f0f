/**
 * `/notices`, `/notices/{id}`, the objection form and its confirmation. The form posts
 * multipart (an optional evidence file); @fastify/multipart is registered only in the
 * posting route's scope, with fields attached to the body so the CSRF check sees `_csrf`.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { EVIDENCE_MAX_BYTES, fileObjection, OBJECTION_RATE_LIMIT } from '../../commands/objections/file-objection.ts';
import { countObjectionsByEntry, findObjectionReceipt, findPublicNotice, listNoticeEntries, listObjectionOutcomes, listPublicNotices } from '../../store/queries/public-notices.ts';
import { actorOf, clientKey, csrfTokenFor } from '../../http/auth.ts';
import { translate } from '../i18n/catalogue.ts';
import { localPath } from '../i18n/language.ts';
import { NoticesPage } from '../pages/notices/notices-page.tsx';
import { NoticePage, isAcceptingObjections } from '../pages/notices/notice-page.tsx';
import { ObjectionFormPage, type ObjectionFormValues } from '../pages/notices/objection-form-page.tsx';
import { ObjectionReceivedPage } from '../pages/notices/objection-received-page.tsx';
import type { FieldErrors } from '../pages/shared/form-errors.tsx';
import { pageContext, sendPage } from '../page-context.ts';
import { sendCacheable } from '../cacheable.ts';

function noticeId(raw: string): number {
  if (!/^\d{1,12}$/.test(raw)) throw notFound(`notice ${raw} / 公示`);
  return Number(raw);
}

async function loadNotice(app: FastifyInstance, id: number) {
  const notice = await findPublicNotice(app.context.store.db, id);
  if (notice === undefined) throw notFound(`notice ${id} / 公示`);
  return notice;
}

interface MultipartField {
  type?: string;
  value?: unknown;
  filename?: string;
  file?: { truncated?: boolean };
  toBuffer?: () => Promise<Buffer>;
}

/** Fields and the evidence file from a multipart body (attachFieldsToBody: true). */
async function readObjectionForm(body: Record<string, MultipartField | undefined> | undefined) {
  const field = (name: string) => {
    const value = body?.[name]?.value;
    return typeof value === 'string' ? value : '';
  };
  const part = body?.evidence;
  let evidence: { bytes: Uint8Array; originalName: string } | undefined;
  if (part?.type === 'file' && part.toBuffer !== undefined && part.filename) {
    const bytes = await part.toBuffer();
    // A truncated upload was longer than the limit: hand the command one byte too many so it says so.
    evidence = { bytes: part.file?.truncated ? new Uint8Array(EVIDENCE_MAX_BYTES + 1) : bytes, originalName: part.filename };
  }
  return { entryId: field('entryId'), fullName: field('fullName'), contact: field('contact'), reason: field('reason'), evidence };
}

const FIELD_MESSAGES: Record<string, string> = {
  entryId: 'objection.error.entryId',
  fullName: 'objection.error.fullName',
  contact: 'objection.error.contact',
  reason: 'objection.error.reason',
};

function fieldErrorsOf(request: FastifyRequest, error: AppError): FieldErrors | undefined {
  if (error.path === undefined) return undefined;
  if (error.path === 'evidence') return { evidence: translate(request.lang, error.code === 'PAYLOAD_TOO_LARGE' ? 'objection.error.evidenceSize' : 'objection.error.evidenceType') };
  const problems = (error.details as { problems?: { path: string }[] } | undefined)?.problems ?? [{ path: error.path }];
  const errors: FieldErrors = {};
  for (const { path } of problems) {
    const key = FIELD_MESSAGES[path];
    if (key !== undefined) errors[path] = translate(request.lang, key);
  }
  return Object.keys(errors).length === 0 ? undefined : errors;
}

async function renderForm(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, id: number, values: ObjectionFormValues, errors: FieldErrors) {
  const notice = await loadNotice(app, id);
  const today = todayInShanghai();
  if (!isAcceptingObjections(notice, today)) throw new AppError('RULE_VIOLATION', translate(request.lang, 'objection.error.closed'));
  const entries = await listNoticeEntries(app.context.store.db, id);
  const csrfToken = await csrfTokenFor(request, reply);
  reply.header('cache-control', 'private, no-store');
  return sendPage(reply, ObjectionFormPage({ page: await pageContext(request), notice, entries, values, errors, csrfToken }));
}

export async function registerNoticeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/notices', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const notices = await listPublicNotices(app.context.store.db);
      const today = todayInShanghai();
      const open = notices.filter((n) => isAcceptingObjections(n, today));
      const closed = notices.filter((n) => !isAcceptingObjections(n, today));
      return NoticesPage({ page: await pageContext(request), open, closed, today }).html;
    }),
  );

  app.get<{ Params: { id: string } }>('/notices/:id', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const id = noticeId(request.params.id);
      const notice = await loadNotice(app, id);
      const db = app.context.store.db;
      const [entries, outcomes, received] = await Promise.all([listNoticeEntries(db, id), notice.status === 'closed' ? listObjectionOutcomes(db, id) : Promise.resolve([]), countObjectionsByEntry(db, id)]);
      return NoticePage({ page: await pageContext(request), data: { notice, entries, outcomes, received, today: todayInShanghai() } }).html;
    }),
  );

  app.get<{ Params: { id: string }; Querystring: { entry?: string } }>('/notices/:id/object', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    renderForm(app, request, reply, noticeId(request.params.id), { entryId: request.query.entry ?? '' }, {}),
  );

  await app.register(async (scope) => {
    await scope.register(multipart, { attachFieldsToBody: true, throwFileSizeLimit: false, limits: { fileSize: EVIDENCE_MAX_BYTES + 1, files: 1, fields: 10, fieldSize: 20_000, parts: 12 } });
    scope.post<{ Params: { id: string } }>(
      '/notices/:id/objections',
      { schema: { hide: true }, bodyLimit: EVIDENCE_MAX_BYTES + 256 * 1024, config: { access: { action: 'file', subject: 'objection' }, rateLimit: { ...OBJECTION_RATE_LIMIT, keyGenerator: clientKey } } },
      async (request, reply) => {
        const id = noticeId(request.params.id);
        const form = await readObjectionForm(request.body as Record<string, MultipartField | undefined> | undefined);
        const values: ObjectionFormValues = { entryId: form.entryId, fullName: form.fullName, contact: form.contact, reason: form.reason };
        try {
          const entryId = /^\d{1,12}$/.test(form.entryId) ? Number(form.entryId) : 0;
          const filed = await fileObjection(app.context.store, await actorOf(request), { noticeId: id, entryId, fullName: form.fullName, contact: form.contact, reason: form.reason, evidence: form.evidence, clientKey: clientKey(request) }, { files: app.context.files });
          return reply.redirect(localPath(request.lang, `/notices/${id}/objections/received?case=${encodeURIComponent(filed.caseNumber)}`), 303);
        } catch (error) {
          const errors = AppError.is(error) ? fieldErrorsOf(request, error) : undefined;
          if (errors === undefined || !AppError.is(error)) throw error;
          reply.status(error.status);
          return renderForm(app, request, reply, id, values, errors);
        }
      },
    );
  });

  app.get<{ Params: { id: string }; Querystring: { case?: string } }>('/notices/:id/objections/received', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const caseNumber = request.query.case ?? '';
    const receipt = /^OBJ-\d{4}-\d{4,}-\d{4,}$/.test(caseNumber) ? await findObjectionReceipt(app.context.store.db, caseNumber) : undefined;
    if (receipt === undefined || receipt.noticeId !== noticeId(request.params.id)) throw notFound(`case ${caseNumber} / 异议编号`);
    reply.header('cache-control', 'private, no-store');
    return sendPage(reply, ObjectionReceivedPage({ page: await pageContext(request), receipt }));
  });
}
