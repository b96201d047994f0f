/**
 * 动态管理表 over HTTP: the reports a user works on, opening a year for an authority's lists
 * (the scheduler does it each January), and filing one (its AnnualData, or the declared
 * factory-year on record). Overdue reports are flagged by the job table the day after the
 * authority's deadline.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid, notFound } from '../../../domain/errors.ts';
import { fileDynamicReport } from '../../../commands/dynamic-reports/file-dynamic-report.ts';
import { openDynamicReports } from '../../../commands/dynamic-reports/open-dynamic-reports.ts';
import { reviewerAuthorityOf } from '../../../commands/experts/create-panel.ts';
import { dynamicReportQueue } from '../../../store/queries/dynamic-report-queue.ts';
import { requireUser } from '../../auth.ts';
import { emptyBodyAsObject } from '../applications/empty-body.ts';
import { findListEntryById } from '../../../store/queries/lookups.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const ReportItem = Type.Object({ id: Type.Integer(), entryId: Type.Integer(), enterpriseId: Type.Integer(), nameZh: Type.String(), tier: Type.String(), year: Type.Integer(), dueOn: Type.String(), status: Type.String({ examples: ['due', 'filed', 'filed_late', 'overdue'] }), filedAt: Nullable(Type.String()), flagReason: Nullable(Type.String()) });

export async function registerDynamicReportRoutes(app: FastifyInstance): Promise<void> {
  const store = app.context.store;

  app.get<{ Querystring: { year?: number; status?: string; limit?: number; offset?: number } }>(
    '/api/v1/dynamic-reports',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dynamic-reports'],
        summary: 'Dynamic reports the signed-in user files or reviews (own entries, or the region’s)',
        querystring: Type.Object({ year: Type.Optional(Type.Integer()), status: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }),
        response: { 200: Type.Object({ items: Type.Array(ReportItem) }) },
      },
    },
    async (request) => {
      const q = request.query;
      return { items: await dynamicReportQueue(store.db, await requireUser(request), { year: q.year, status: q.status, ...(q.limit === undefined ? {} : { limit: q.limit }), ...(q.offset === undefined ? {} : { offset: q.offset }) }) };
    },
  );

  app.post<{ Body: { authorityId?: number; year: number } }>(
    '/api/v1/dynamic-reports/open',
    {
      config: { access: { action: 'open', subject: 'dynamic-report-year' } },
      schema: {
        tags: ['dynamic-reports'],
        summary: 'Open a year’s reports for the lists of an authority (every entry listed by the end of the year reports by the authority’s deadline, 04-15 by default); idempotent',
        body: Type.Object({ authorityId: Type.Optional(Type.Integer()), year: Type.Integer({ examples: [2026] }) }),
        response: { 200: Type.Object({ authorityId: Type.Integer(), year: Type.Integer(), dueOn: Type.String(), created: Type.Integer(), existing: Type.Integer() }) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const authorityId = request.body.authorityId ?? reviewerAuthorityOf(actor, ['national', 'province', 'city', 'admin']);
      if (authorityId === undefined) throw invalid('authorityId', 'which authority’s lists?');
      return openDynamicReports(store, actor, { authorityId, year: request.body.year });
    },
  );

  app.post<{ Params: { id: number }; Body: { document?: unknown } | undefined }>(
    '/api/v1/dynamic-reports/:id/file',
    {
      config: { access: { action: 'file', subject: 'dynamic-report', id: 'id' } },
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['dynamic-reports'],
        summary: 'File a dynamic report: the year’s AnnualData v1, or (no body) the declared factory-year on record; after the deadline it is marked late',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ document: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'AnnualData v1' })) }),
        response: { 200: ReportItem },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const report = await fileDynamicReport(store, actor, { reportId: request.params.id, ...(request.body?.document === undefined ? {} : { document: request.body.document }) });
      const entry = await findListEntryById(store.db, report.list_entry_id);
      if (entry === undefined) throw notFound(`list entry ${report.list_entry_id}`);
      return { id: report.id, entryId: report.list_entry_id, enterpriseId: report.enterprise_id, nameZh: entry.name_zh, tier: entry.tier, year: report.year, dueOn: report.due_on, status: report.status, filedAt: report.filed_at, flagReason: report.flag_reason };
    },
  );
}
