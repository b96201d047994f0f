/**
 * The EHS register in the workspace: `/workspace/ehs` (the enterprise's own register, or
 * a reviewer's list of registers in the region), `/workspace/ehs/{enterpriseId}` (one
 * register; read-only for reviewers), `/workspace/ehs/{enterpriseId}/record` (forms and
 * imports) and the form posts. Signed-in users only (others go to /login?next=…).
 * Handlers parse the form, call the same commands as the API, and answer with a redirect
 * (303, so a reload does not post again) or with the page and the error beside its form.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { Readable } from 'node:stream';
import type { UserActor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError } from '../../domain/errors.ts';
import { lastTwelveMonths } from '../../domain/ehs/ehs-dates.ts';
import { can } from '../../policies/index.ts';
import { openRegister, registerSubject } from '../../commands/ehs/ehs-register-access.ts';
import { closeHazard } from '../../commands/ehs/close-hazard.ts';
import { importEhsFile } from '../../commands/ehs/import/import-ehs-file.ts';
import { tableFormatOf } from '../../commands/ehs/import/read-table-rows.ts';
import { ehsDashboard } from '../../store/queries/ehs/ehs-dashboard.ts';
import { ehsThreeFirst } from '../../store/queries/ehs/ehs-three-first.ts';
import { emissionMargins, registersInRegion } from '../../store/queries/ehs/ehs-charts-data.ts';
import { EhsDashboardPage } from '../pages/ehs/ehs-dashboard-page.tsx';
import { EhsRecordPage } from '../pages/ehs/ehs-record-page.tsx';
import { EhsRegionPage } from '../pages/ehs/ehs-region-page.tsx';
import { localPath } from '../i18n/language.ts';
import { pageContext, sendPage } from '../page-context.ts';
import { requireWebUser } from '../workspace-auth.ts';
import { registerWorkspaceSection } from '../workspace-sections.ts';
import { EHS_FORM_ACTIONS, EHS_ROW_ACTIONS, type FormFields } from './ehs-form-actions.ts';
import { countOpenEhsItems } from '../../store/queries/workspace/section-counts.ts';

registerWorkspaceSection({
  id: 'ehs',
  roles: ['enterprise', 'city', 'province', 'national'],
  href: '/workspace/ehs',
  titleKey: 'ehs.section.title',
  descriptionKey: 'ehs.section.description',
  order: 40,
  waiting: async (store, actor) => {
    const own = actor.memberships.find((m) => m.role === 'enterprise' && m.enterpriseId !== null)?.enterpriseId;
    if (own == null) return 0;
    return countOpenEhsItems(store.db, own);
  },
});

type Params = { enterpriseId: string; itemId?: string };

function fieldsOf(body: unknown): FormFields {
  const fields: FormFields = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') fields[key] = value;
    else if (value !== null && typeof value === 'object' && 'value' in value && typeof (value as { value: unknown }).value === 'string') fields[key] = (value as { value: string }).value;
  }
  return fields;
}

interface UploadedPart {
  filename?: string;
  mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
}

async function uploaded(body: unknown, name: string): Promise<{ bytes: Buffer; name: string; mediaType: string } | undefined> {
  const part = (body as Record<string, UploadedPart> | undefined)?.[name];
  if (part === undefined || typeof part.toBuffer !== 'function' || !part.filename) return undefined;
  const bytes = await part.toBuffer();
  return bytes.length === 0 ? undefined : { bytes, name: part.filename, mediaType: part.mimetype ?? '' };
}

export async function registerEhsWebRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.context.store;
  const idOf = (request: FastifyRequest) => Number((request.params as Params).enterpriseId);
  const registerPath = (request: FastifyRequest, enterpriseId: number, suffix = '') => localPath(request.lang, `/workspace/ehs/${enterpriseId}${suffix}`);

  const renderDashboard = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, enterpriseId: number, extra: { done?: string; error?: string } = {}) => {
    const enterprise = await openRegister(store().db, actor, 'read', enterpriseId);
    const today = todayInShanghai();
    const currentYear = Number(today.slice(0, 4));
    const asked = Number((request.query as { year?: string }).year);
    const year = Number.isInteger(asked) && asked >= 2000 && asked <= currentYear ? asked : currentYear - 1;
    const [board, threeFirst, margins] = await Promise.all([ehsDashboard(store().db, enterprise.id, today), ehsThreeFirst(store().db, enterprise.id, year), emissionMargins(store().db, enterprise.id, lastTwelveMonths(today))]);
    const years = Array.from({ length: 7 }, (_, i) => currentYear - i);
    return sendPage(reply, EhsDashboardPage({ page: await pageContext(request), board: board!, threeFirst, years, margins, editable: can(actor, 'write', registerSubject(enterprise)), ...extra }));
  };

  const renderRecord = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, enterpriseId: number, extra: Partial<Parameters<typeof EhsRecordPage>[0]> = {}) => {
    const enterprise = await openRegister(store().db, actor, 'write', enterpriseId);
    const page = await pageContext(request);
    return sendPage(reply, EhsRecordPage({ page, enterprise: { id: enterprise.id, name: page.lang === 'en' && enterprise.name_en ? enterprise.name_en : enterprise.name_zh }, today: todayInShanghai(), ...extra }));
  };

  /** Runs a form's command; on a user error shows the page again with the message, status and what was typed. */
  const handle = async (request: FastifyRequest, reply: FastifyReply, work: (actor: UserActor) => Promise<string>, onError: (actor: UserActor, error: AppError) => Promise<unknown>) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    try {
      return reply.redirect(await work(actor), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED' || error.code === 'CSRF') throw error;
      reply.status(error.status);
      return onError(actor, error);
    }
  };

  app.get('/workspace/ehs', { config: { access: { action: 'read', subject: 'ehs-register' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const own = actor.memberships.find((m) => m.role === 'enterprise' && m.enterpriseId !== null);
    if (own?.enterpriseId != null) return renderDashboard(request, reply, actor, own.enterpriseId, { done: (request.query as { done?: string }).done });
    const reviewer = actor.memberships.find((m) => (m.role === 'national' || m.role === 'province' || m.role === 'city') && m.regionCode !== null);
    if (reviewer === undefined) throw new AppError('FORBIDDEN', 'The EHS register is kept by enterprises and read by reviewers / EHS登记簿仅供企业及审核人员使用');
    const region = reviewer.authorityLevel === 'province' ? { provinceCode: reviewer.regionCode! } : reviewer.authorityLevel === 'city' ? { cityCode: reviewer.regionCode! } : {};
    return sendPage(reply, EhsRegionPage({ page: await pageContext(request), rows: await registersInRegion(store().db, region, todayInShanghai()) }));
  });

  app.get('/workspace/ehs/:enterpriseId', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderDashboard(request, reply, actor, idOf(request), { done: (request.query as { done?: string }).done });
  });

  app.get('/workspace/ehs/:enterpriseId/record', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderRecord(request, reply, actor, idOf(request));
  });

  for (const [path, action] of Object.entries(EHS_FORM_ACTIONS)) {
    app.post(`/workspace/ehs/:enterpriseId/${path}`, { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { hide: true } }, async (request, reply) => {
      const enterpriseId = idOf(request);
      const fields = fieldsOf(request.body);
      return handle(request, reply, async (actor) => {
        await action.run(store(), actor, enterpriseId, fields);
        return registerPath(request, enterpriseId, `?done=${action.done}`);
      }, (actor, error) => renderRecord(request, reply, actor, enterpriseId, { error: { form: action.form, message: error.message }, values: fields }));
    });
  }

  for (const [path, action] of Object.entries(EHS_ROW_ACTIONS)) {
    app.post(`/workspace/ehs/:enterpriseId/${path}`, { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { hide: true } }, async (request, reply) => {
      const enterpriseId = idOf(request);
      const itemId = Number((request.params as Params).itemId);
      return handle(request, reply, async (actor) => {
        await action.run(store(), actor, enterpriseId, itemId, fieldsOf(request.body));
        return registerPath(request, enterpriseId, `?done=${action.done}`);
      }, (actor, error) => renderDashboard(request, reply, actor, enterpriseId, { error: error.message }));
    });
  }

  // File uploads, in their own scope: multipart fields (the _csrf token among them) are
  // parsed before the CSRF check runs; files are held in memory up to the limit.
  await app.register(async (scope) => {
    await scope.register(multipart, { attachFieldsToBody: true, limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 20 } });

    scope.post('/workspace/ehs/:enterpriseId/hazards/:itemId/closure', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { hide: true } }, async (request, reply) => {
      const enterpriseId = idOf(request);
      const fields = fieldsOf(request.body);
      const file = await uploaded(request.body, 'evidence');
      return handle(request, reply, async (actor) => {
        await closeHazard(store(), actor, { enterpriseId, hazardId: Number((request.params as Params).itemId), closedOn: fields.closedOn ?? '', note: fields.note ?? '', evidence: file === undefined ? undefined : { bytes: file.bytes, originalName: file.name } }, { files: app.context.files });
        return registerPath(request, enterpriseId, '?done=hazardClosed');
      }, (actor, error) => renderDashboard(request, reply, actor, enterpriseId, { error: error.message }));
    });

    scope.post('/workspace/ehs/:enterpriseId/import', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { hide: true } }, async (request, reply) => {
      const actor = await requireWebUser(request, reply);
      if (actor === undefined) return reply;
      const enterpriseId = idOf(request);
      const fields = fieldsOf(request.body);
      const file = await uploaded(request.body, 'file');
      const format = file === undefined ? undefined : tableFormatOf(undefined, file.name) ?? tableFormatOf(file.mediaType, undefined);
      if (file === undefined || format === undefined) {
        reply.status(400);
        return renderRecord(request, reply, actor, enterpriseId, { error: { form: 'import', message: 'Choose a .csv or .xlsx file / 请选择CSV或XLSX文件' }, values: fields });
      }
      try {
        const report = await importEhsFile(store(), actor, { enterpriseId, kind: fields.kind ?? '', format, source: Readable.from([file.bytes]) });
        reply.status(report.committed ? 200 : 400);
        return renderRecord(request, reply, actor, enterpriseId, { importReport: report, values: fields });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.code === 'FORBIDDEN') throw error;
        reply.status(error.status);
        return renderRecord(request, reply, actor, enterpriseId, { error: { form: 'import', message: error.message }, values: fields });
      }
    });
  });
}
