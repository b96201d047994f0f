/**
 * Applications over HTTP: the reader's queue, create, read, edit a draft, take an action
 * (`POST /api/v1/applications/{id}/actions/{action}`, design.md), history in plain words,
 * and the evaluations with their declared-versus-verified differences. Thin: every rule
 * is in the commands and the transition table.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { APPLICATION_ACTIONS } from '../../../domain/applications/transition-table.ts';
import { APPLICATION_STATES } from '../../../domain/applications/application-states.ts';
import { invalid } from '../../../domain/errors.ts';
import { createApplication } from '../../../commands/applications/create-application.ts';
import { readApplication, readApplicationHistory } from '../../../commands/applications/read-application.ts';
import { takeApplicationAction } from '../../../commands/applications/take-application-action.ts';
import { updateApplication } from '../../../commands/applications/update-application.ts';
import { describeEvaluations } from '../../../commands/evaluations/evaluation-differences.ts';
import { applicationQueue } from '../../../store/queries/application-queue.ts';
import { requireUser } from '../../auth.ts';
import { emptyBodyAsObject } from './empty-body.ts';
import { ApplicationSchema, presentApplication } from './present-application.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Details = Type.Object({}, { additionalProperties: true, description: 'the programme’s own fields (src/domain/programmes/programmes.ts), e.g. system integration: { projectName, projectType, consortium: [{ creditCode, nameZh }] }' });
const SelfEvaluation = Type.Object(
  {
    // Values are not typed here: ajv's coercion would turn 6 into "6"; the command checks them.
    qualitative: Type.Optional(Type.Record(Type.String(), Type.Unknown({ description: 'an option id, a number, or true/false' }))),
    basicRequirements: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
    summary: Type.Optional(Type.String({ maxLength: 5000 })),
    reportFileId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  },
  { examples: [{ basicRequirements: { 'basic.lawful-compliance': true }, qualitative: { 'resources.material-saving-cases': 'provided' } }] },
);
const HistoryLine = Type.Object({ at: Type.String(), action: Type.String(), fromState: Type.String(), toState: Type.String(), actorRole: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), text: Type.String({ examples: ['2026-05-12 市级主管部门审核通过并报送省级（现为「省级评估」）'] }) });

export async function registerApplicationRoutes(app: FastifyInstance): Promise<void> {
  const store = app.context.store;

  app.get<{ Querystring: { state?: string; programme?: string; batchId?: number; limit?: number; offset?: number } }>(
    '/api/v1/applications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['applications'],
        summary: 'The applications the signed-in user works on (own, region, engagements or panels), newest change first',
        querystring: Type.Object({
          state: Type.Optional(Type.Union(APPLICATION_STATES.map((s) => Type.Literal(s)))),
          programme: Type.Optional(Type.String({ examples: ['green_factory'] })),
          batchId: Type.Optional(Type.Integer()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(Type.Object({ id: Type.Integer(), enterpriseId: Type.Integer(), enterpriseNameZh: Type.String(), enterpriseNameEn: Type.String(), programmeCode: Type.String(), targetTier: Type.String(), state: Type.String(), provinceCode: Type.String(), cityCode: Type.String(), batchId: Type.Union([Type.Integer(), Type.Null()]), dataYear: Type.Integer(), scoreTotal: Type.Union([Type.Number(), Type.Null()]), submittedAt: Type.Union([Type.String(), Type.Null()]), updatedAt: Type.String() })),
          }),
        },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const q = request.query;
      return applicationQueue(store.db, actor, { state: q.state, programmeCode: q.programme, batchId: q.batchId, ...(q.limit === undefined ? {} : { limit: q.limit }), ...(q.offset === undefined ? {} : { offset: q.offset }) });
    },
  );

  app.post<{ Body: { enterpriseId?: number; programmeCode: string; targetTier: 'province' | 'national'; dataYear: number; factoryId?: number | null; batchId?: number | null; details?: Record<string, unknown> } }>(
    '/api/v1/applications',
    {
      config: { access: { action: 'create', subject: 'application' } },
      schema: {
        tags: ['applications'],
        summary: 'Start an application (a draft) for the enterprise',
        body: Type.Object(
          {
            enterpriseId: Type.Optional(Type.Integer({ description: 'default: the enterprise of the signed-in user' })),
            programmeCode: Type.String({ examples: ['green_factory'] }),
            targetTier: Type.Union([Type.Literal('province'), Type.Literal('national')]),
            dataYear: Type.Integer({ examples: [2025] }),
            factoryId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
            batchId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
            details: Type.Optional(Details),
          },
          { examples: [{ programmeCode: 'green_factory', targetTier: 'national', dataYear: 2025, batchId: 8 }] },
        ),
        response: { 201: ApplicationSchema },
      },
    },
    async (request, reply) => {
      const actor = await requireUser(request);
      const body = request.body;
      const enterpriseId = body.enterpriseId ?? actor.memberships.find((m) => m.enterpriseId !== null)?.enterpriseId;
      if (enterpriseId == null) throw invalid('enterpriseId', 'which enterprise applies?');
      const created = await createApplication(store, actor, { ...body, enterpriseId });
      return reply.status(201).send(presentApplication(created));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/applications/:id',
    { config: { access: { action: 'read', subject: 'application', id: 'id' } }, schema: { tags: ['applications'], summary: 'One application, with the actions the reader may take now', params: IdParams, response: { 200: ApplicationSchema } } },
    async (request) => {
      const view = await readApplication(store, await requireUser(request), request.params.id);
      return presentApplication(view.application, view);
    },
  );

  app.patch<{ Params: { id: number }; Body: { details?: Record<string, unknown>; selfEvaluation?: Record<string, unknown>; factoryId?: number | null; batchId?: number | null; dataYear?: number } }>(
    '/api/v1/applications/:id',
    {
      config: { access: { action: 'update', subject: 'application', id: 'id' } },
      schema: {
        tags: ['applications'],
        summary: 'Edit a draft or returned application: programme fields, self-evaluation, factory, batch, data year',
        params: IdParams,
        body: Type.Object({ details: Type.Optional(Details), selfEvaluation: Type.Optional(SelfEvaluation), factoryId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])), batchId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])), dataYear: Type.Optional(Type.Integer()) }),
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => presentApplication(await updateApplication(store, await requireUser(request), { applicationId: request.params.id, ...request.body })),
  );

  app.post<{ Params: { id: number; action: string }; Body: { reason?: string; evaluatorOrgId?: number } | undefined }>(
    '/api/v1/applications/:id/actions/:action',
    {
      config: { access: { action: ':action', subject: 'application', id: 'id' } },
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['applications'],
        summary: 'Take an action from the transition table (docs/workflow.md): submit, engage-evaluator, release-evaluation, sign-evaluation, send-to-city, forward, recommend, return, resubmit, reject, withdraw',
        description: 'A transition not in the table is 409 INVALID_TRANSITION; a reviewer of another region is 403 FORBIDDEN; a failed guard (deadline, negative list, cap …) is 422 RULE_VIOLATION; a missing reason is 400 VALIDATION at `reason`.',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), action: Type.Union(APPLICATION_ACTIONS.map((a) => Type.Literal(a))) }),
        body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000, examples: ['材料不全，请补充第三方评价报告'] })), evaluatorOrgId: Type.Optional(Type.Integer()) }),
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const updated = await takeApplicationAction(store, actor, { applicationId: request.params.id, action: request.params.action, ...(request.body ?? {}) });
      const view = await readApplication(store, actor, updated.id).catch(() => undefined);
      return presentApplication(updated, view);
    },
  );

  app.get<{ Params: { id: number }; Querystring: { lang?: 'zh-CN' | 'en' } }>(
    '/api/v1/applications/:id/history',
    {
      config: { access: { action: 'read', subject: 'application', id: 'id' } },
      schema: {
        tags: ['applications'],
        summary: 'The application’s history in plain words (zh-CN or en)',
        params: IdParams,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])) }),
        response: { 200: Type.Object({ history: Type.Array(HistoryLine) }) },
      },
    },
    async (request) => ({ history: await readApplicationHistory(store, await requireUser(request), request.params.id, request.query.lang ?? request.lang) }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/applications/:id/evaluations',
    {
      config: { access: { action: 'read', subject: 'application', id: 'id' } },
      schema: {
        tags: ['applications', 'evaluations'],
        summary: 'Self-evaluation score and third-party engagements, with every value where the verified figures differ from the declared ones',
        params: IdParams,
        response: {
          200: Type.Object({
            applicationId: Type.Integer(),
            declaredScore: Type.Union([Type.Number(), Type.Null()]),
            engagements: Type.Array(
              Type.Object({
                evaluationId: Type.Integer(),
                evaluatorOrgId: Type.Union([Type.Integer(), Type.Null()]),
                evaluatorNameZh: Type.Union([Type.String(), Type.Null()]),
                state: Type.String(),
                national: Type.Boolean(),
                year: Type.Integer(),
                conflictDeclaration: Type.Unknown(),
                acceptedAt: Type.Union([Type.String(), Type.Null()]),
                signedAt: Type.Union([Type.String(), Type.Null()]),
                verifiedScore: Type.Union([Type.Number(), Type.Null()]),
                differences: Type.Array(Type.Object({ path: Type.String(), declared: Type.Union([Type.Number(), Type.String(), Type.Null()]), verified: Type.Union([Type.Number(), Type.String(), Type.Null()]), relative: Type.Union([Type.Number(), Type.Null()]) })),
                kpiDifferences: Type.Array(Type.Object({ kpi: Type.String(), declared: Type.Union([Type.Number(), Type.Null()]), verified: Type.Union([Type.Number(), Type.Null()]) })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => describeEvaluations(store, await requireUser(request), request.params.id),
  );
}
