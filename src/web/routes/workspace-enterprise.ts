/**
 * The enterprise's workspace: `/workspace/enterprise` (profile, factory-years,
 * applications), `/workspace/annual-data/{factoryId}/{year}` (the form with live KPIs and
 * score, the workbook download and upload), `/workspace/dynamic-reports`. Handlers read
 * the form, call the commands, and redirect (303) or show the page again with the problem.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { UserActor } from '../../domain/actors/actor.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { parseAnnualData } from '../../engine/index.ts';
import { readAnnualData, type AnnualDataView } from '../../commands/annual-data/read-annual-data.ts';
import { saveAnnualData } from '../../commands/annual-data/save-annual-data.ts';
import { importAnnualDataWorkbook } from '../../commands/annual-data/import-annual-data-workbook.ts';
import { WORKBOOK_MAX_BYTES, type WorkbookProblem } from '../../commands/annual-data/read-annual-data-workbook.ts';
import { readEnterpriseWorkspace } from '../../commands/enterprises/read-enterprise-workspace.ts';
import { updateEnterpriseProfile } from '../../commands/enterprises/update-enterprise-profile.ts';
import { createApplication } from '../../commands/applications/create-application.ts';
import { fileDynamicReport } from '../../commands/dynamic-reports/file-dynamic-report.ts';
import { requestEntryChange } from '../../commands/list-entries/request-entry-change.ts';
import { writeAnnualDataTemplate } from '../../output/sheets/annual-data-template.ts';
import { SHEET_MEDIA_TYPES } from '../../output/sheets/write-sheets.ts';
import { translator } from '../i18n/catalogue.ts';
import { sendPage } from '../page-context.ts';
import { AnnualDataPage } from '../pages/workspace/enterprise/annual-data-page.tsx';
import { DynamicReportsPage } from '../pages/workspace/enterprise/dynamic-reports-page.tsx';
import { EnterpriseHomePage } from '../pages/workspace/enterprise/enterprise-home-page.tsx';
import { liveResult } from '../pages/workspace/enterprise/live-result.ts';
import { annualDataFormFields, checkAnnualDataForm, type FormFields } from '../pages/workspace/shared/annual-data-form.ts';
import { LiveKpiPanel } from '../pages/workspace/shared/kpi-panel.tsx';
import { requireWebUser } from '../workspace-auth.ts';
import { registerWorkspaceSection } from '../workspace-sections.ts';
import { fieldsOf, frameOf, here, idParam, isFormMistake, optionalNumber, submitForm, uploadedFile } from './workspace-forms.ts';
import { countApplicationsToComplete, countDynamicReportsToFile } from '../../store/queries/workspace/section-counts.ts';

/** The enterprise the user works for (its first enterprise membership). */
export function ownEnterpriseId(actor: UserActor): number {
  const id = actor.memberships.find((m) => m.role === 'enterprise' && m.enterpriseId !== null)?.enterpriseId;
  if (id == null) throw new AppError('FORBIDDEN', 'This page is for enterprise users / 此页面仅供企业用户使用');
  return id;
}

registerWorkspaceSection({
  id: 'enterprise',
  roles: ['enterprise'],
  href: '/workspace/enterprise',
  titleKey: 'ws-enterprise.section.title',
  descriptionKey: 'ws-enterprise.section.description',
  order: 10,
  waiting: async (store, actor) => {
    const id = actor.memberships.find((m) => m.role === 'enterprise')?.enterpriseId;
    if (id == null) return 0;
    return countApplicationsToComplete(store.db, id);
  },
});

registerWorkspaceSection({
  id: 'dynamic-reports',
  roles: ['enterprise'],
  href: '/workspace/dynamic-reports',
  titleKey: 'ws-enterprise.reports.title',
  descriptionKey: 'ws-enterprise.reports.description',
  order: 30,
  waiting: async (store, actor) => {
    const id = actor.memberships.find((m) => m.role === 'enterprise')?.enterpriseId;
    if (id == null) return 0;
    return countDynamicReportsToFile(store.db, id);
  },
});

function panelFor(request: FastifyRequest, view: AnnualDataView, fields: FormFields) {
  const t = translator(request.lang);
  const outcome = checkAnnualDataForm(fields, view.year);
  const live = liveResult(view, outcome);
  return { outcome, panel: LiveKpiPanel({ lang: request.lang, t, ...live, frameworkNote: t('ws-enterprise.data.notSaved') }) };
}

function factoryYear(request: FastifyRequest): { factoryId: number; year: number } {
  return { factoryId: idParam(request, 'factoryId'), year: idParam(request, 'year') };
}

export async function registerWorkspaceEnterpriseRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.context.store;

  const renderHome = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, extra: { error?: string; values?: Record<string, string> } = {}) => {
    const workspace = await readEnterpriseWorkspace(store(), actor, ownEnterpriseId(actor));
    return sendPage(reply, EnterpriseHomePage({ frame: await frameOf(request, actor), workspace, currentYear: Number(todayInShanghai().slice(0, 4)), ...extra }));
  };

  const renderData = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, input: { fields?: FormFields; problems?: Record<string, string>; extraRows?: number; uploadProblems?: WorkbookProblem[]; error?: string } = {}) => {
    const view = await readAnnualData(store(), actor, factoryYear(request));
    const fields = input.fields ?? annualDataFormFields(view.document === null ? null : parseAnnualData(view.document));
    const { panel } = panelFor(request, view, fields);
    return sendPage(reply, AnnualDataPage({ frame: await frameOf(request, actor), view, values: fields, problems: input.problems ?? {}, extraRows: input.extraRows ?? 0, panel, uploadProblems: input.uploadProblems, error: input.error }));
  };

  app.get('/workspace/enterprise', { config: { access: { action: 'update-profile', subject: 'enterprise' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderHome(request, reply, actor);
  });

  app.post('/workspace/enterprise/profile', { config: { access: { action: 'update-profile', subject: 'enterprise' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      const factories = Object.keys(fields).filter((k) => /^factories\[\d+\]\.id$/.test(k)).map((k) => {
        const prefix = k.slice(0, -'.id'.length);
        return { factoryId: Number(fields[k]), nameZh: fields[`${prefix}.nameZh`] ?? '', nameEn: fields[`${prefix}.nameEn`] ?? '', address: fields[`${prefix}.address`] ?? '', siteAreaM2: optionalNumber(fields[`${prefix}.siteAreaM2`]) ?? null };
      });
      await updateEnterpriseProfile(store(), actor, { enterpriseId: ownEnterpriseId(actor), address: fields.address ?? '', legalRepresentative: fields.legalRepresentative ?? '', factories });
      return here(request, '/workspace/enterprise#profile', 'profileSaved');
    }, (actor, error) => renderHome(request, reply, actor, { error: error.message, values: fields }));
  });

  app.get<{ Querystring: { year?: string } }>('/workspace/annual-data/:factoryId', { config: { access: { action: 'read', subject: 'annual-data', id: 'factoryId' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const year = optionalNumber(request.query.year);
    if (year === undefined || !Number.isInteger(year)) throw invalid('year', 'choose a year / 请选择年度');
    return reply.redirect(here(request, `/workspace/annual-data/${idParam(request, 'factoryId')}/${year}`), 303);
  });

  app.get('/workspace/annual-data/:factoryId/:year', { config: { access: { action: 'read', subject: 'annual-data', id: 'factoryId' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderData(request, reply, actor);
  });

  app.post('/workspace/annual-data/:factoryId/:year', { config: { access: { action: 'write', subject: 'annual-data', id: 'factoryId' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const fields = fieldsOf(request.body);
    const extraRows = Math.min(20, (optionalNumber(fields.extraRows) ?? 0) + (fields.intent === 'rows' ? 3 : 0));
    if (fields.intent !== 'save') return renderData(request, reply, actor, { fields, extraRows });
    const { factoryId, year } = factoryYear(request);
    const outcome = checkAnnualDataForm(fields, year);
    if (!outcome.ok) {
      reply.status(400);
      return renderData(request, reply, actor, { fields, problems: outcome.problems, extraRows });
    }
    try {
      await saveAnnualData(store(), actor, { factoryId, year, document: outcome.data, source: 'form' });
    } catch (error) {
      if (!isFormMistake(error)) throw error;
      reply.status(error.status);
      return renderData(request, reply, actor, { fields, extraRows, error: error.message });
    }
    return reply.redirect(here(request, `/workspace/annual-data/${factoryId}/${year}`, 'dataSaved'), 303);
  });

  app.post('/workspace/annual-data/:factoryId/:year/kpis', { config: { access: { action: 'read', subject: 'annual-data', id: 'factoryId' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const view = await readAnnualData(store(), actor, factoryYear(request));
    return sendPage(reply, panelFor(request, view, fieldsOf(request.body)).panel);
  });

  app.get('/workspace/annual-data/:factoryId/:year/template.xlsx', { config: { access: { action: 'read', subject: 'annual-data', id: 'factoryId' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const view = await readAnnualData(store(), actor, factoryYear(request));
    const data = view.document === null ? null : parseAnnualData(view.document);
    const bytes = await writeAnnualDataTemplate({ year: view.year, data, title: `${view.enterprise.name_zh} · ${view.factory.name_zh} · ${view.year}` });
    const name = `annual-data-${view.factory.id}-${view.year}.xlsx`;
    return reply.type(SHEET_MEDIA_TYPES.xlsx).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(bytes);
  });

  // The workbook upload, in its own scope: multipart fields (the _csrf token among them)
  // are parsed before the CSRF check runs; the file is held in memory up to its limit.
  await app.register(async (scope) => {
    await scope.register(multipart, { attachFieldsToBody: true, limits: { fileSize: WORKBOOK_MAX_BYTES, files: 1, fields: 5 } });
    scope.post('/workspace/annual-data/:factoryId/:year/upload', { config: { access: { action: 'write', subject: 'annual-data', id: 'factoryId' } }, schema: { hide: true } }, async (request, reply) => {
      const actor = await requireWebUser(request, reply);
      if (actor === undefined) return reply;
      const { factoryId, year } = factoryYear(request);
      const file = await uploadedFile(request.body, 'file');
      if (file === undefined) {
        reply.status(400);
        return renderData(request, reply, actor, { error: translator(request.lang)('ws-enterprise.upload.choose') });
      }
      try {
        const result = await importAnnualDataWorkbook(store(), actor, { factoryId, year, source: Readable.from([file.bytes]) });
        if (result.saved) return reply.redirect(here(request, `/workspace/annual-data/${factoryId}/${year}`, 'workbookSaved'), 303);
        reply.status(400);
        return renderData(request, reply, actor, { uploadProblems: result.problems });
      } catch (error) {
        if (!isFormMistake(error)) throw error;
        reply.status(error.status);
        return renderData(request, reply, actor, { error: error.message });
      }
    });
  });

  app.post('/workspace/applications', { config: { access: { action: 'create', subject: 'application' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      const enterpriseId = ownEnterpriseId(actor);
      const workspace = await readEnterpriseWorkspace(store(), actor, enterpriseId);
      const batch = workspace.openBatches.find((b) => String(b.id) === fields.batchId);
      if (batch === undefined) throw invalid('batchId', 'choose an open batch / 请选择受理中的批次');
      const application = await createApplication(store(), actor, { enterpriseId, programmeCode: batch.programmeCode, targetTier: batch.tier === 'national' ? 'national' : 'province', dataYear: Number(fields.dataYear), batchId: batch.id, factoryId: optionalNumber(fields.factoryId) ?? null });
      return here(request, `/workspace/applications/${application.id}`, 'applicationCreated');
    }, (actor, error) => renderHome(request, reply, actor, { error: error.message, values: fields }));
  });

  const renderReports = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error?: string) => {
    const workspace = await readEnterpriseWorkspace(store(), actor, ownEnterpriseId(actor));
    return sendPage(reply, DynamicReportsPage({ frame: await frameOf(request, actor), workspace, error }));
  };

  app.get('/workspace/dynamic-reports', { config: { access: { action: 'file', subject: 'dynamic-report' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderReports(request, reply, actor);
  });

  app.post('/workspace/dynamic-reports/:reportId/file', { config: { access: { action: 'file', subject: 'dynamic-report', id: 'reportId' } }, schema: { hide: true } }, async (request, reply) => {
    return submitForm(request, reply, async (actor) => {
      await fileDynamicReport(store(), actor, { reportId: idParam(request, 'reportId') });
      return here(request, '/workspace/dynamic-reports', 'reportFiled');
    }, (actor, error) => renderReports(request, reply, actor, error.message));
  });

  app.post('/workspace/dynamic-reports/changes', { config: { access: { action: 'request-change', subject: 'list-entry' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      const kind = fields.kind === 'boundary_change' ? 'boundary_change' : 'rename';
      await requestEntryChange(store(), actor, { entryId: Number(fields.entryId), kind, ...(kind === 'rename' ? { nameZh: fields.nameZh ?? '' } : { description: fields.description ?? '' }) });
      return here(request, '/workspace/dynamic-reports', 'changeRequested');
    }, (actor, error) => renderReports(request, reply, actor, error.message));
  });
}
