/**
 * Third-party engagements over HTTP: the evaluator's queue, accept with a conflict-of-
 * interest declaration (the 15-a-year cap per legal representative is checked here),
 * decline, record verified values, sign. The enterprise engages through the application
 * action `engage-evaluator`.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { acceptEngagement } from '../../../commands/evaluations/accept-engagement.ts';
import { endEngagement } from '../../../commands/evaluations/end-engagement.ts';
import { recordVerifiedData } from '../../../commands/evaluations/record-verified-data.ts';
import { signEvaluation } from '../../../commands/evaluations/sign-evaluation.ts';
import { evaluatorEngagements } from '../../../store/queries/evaluator-engagements.ts';
import type { Row } from '../../../store/schema.ts';
import { requireUser } from '../../auth.ts';
import { emptyBodyAsObject } from '../applications/empty-body.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const EvaluationSchema = Type.Object({
  id: Type.Integer(),
  applicationId: Type.Integer(),
  enterpriseId: Type.Integer(),
  kind: Type.String(),
  evaluatorOrgId: Nullable(Type.Integer()),
  state: Type.String({ examples: ['accepted'] }),
  national: Type.Boolean(),
  year: Type.Integer(),
  conflictDeclaration: Type.Unknown(),
  acceptedAt: Nullable(Type.String()),
  signedAt: Nullable(Type.String()),
  verifiedRecorded: Type.Boolean(),
});

function presentEvaluation(row: Row<'evaluations'>) {
  return {
    id: row.id,
    applicationId: row.application_id,
    enterpriseId: row.enterprise_id,
    kind: row.kind,
    evaluatorOrgId: row.evaluator_org_id,
    state: row.state,
    national: row.national === 1,
    year: row.year,
    conflictDeclaration: row.conflict_declaration === null ? null : JSON.parse(row.conflict_declaration),
    acceptedAt: row.accepted_at,
    signedAt: row.signed_at,
    verifiedRecorded: row.verified_document !== null,
  };
}

export async function registerEvaluationRoutes(app: FastifyInstance): Promise<void> {
  const store = app.context.store;
  const ok = { 200: EvaluationSchema };

  app.get<{ Querystring: { state?: string } }>(
    '/api/v1/evaluations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['evaluations'],
        summary: 'The engagements of the signed-in evaluator’s organisation',
        querystring: Type.Object({ state: Type.Optional(Type.String({ examples: ['requested'] })) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ evaluationId: Type.Integer(), applicationId: Type.Integer(), enterpriseId: Type.Integer(), enterpriseNameZh: Type.String(), evaluatorOrgId: Nullable(Type.Integer()), state: Type.String(), national: Type.Integer(), year: Type.Integer(), applicationState: Type.String(), requestedAt: Type.String(), acceptedAt: Nullable(Type.String()), signedAt: Nullable(Type.String()) })) }) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const orgIds = actor.memberships.filter((m) => m.role === 'evaluator' && m.evaluatorOrgId !== null).map((m) => m.evaluatorOrgId!);
      return { items: await evaluatorEngagements(store.db, orgIds, { state: request.query.state }) };
    },
  );

  app.post<{ Params: { id: number }; Body: { declaration: { hasConflict: boolean; statement: string } } }>(
    '/api/v1/evaluations/:id/accept',
    {
      config: { access: { action: 'accept', subject: 'evaluation', id: 'id' } },
      schema: {
        tags: ['evaluations'],
        summary: 'Accept an engagement with a conflict-of-interest declaration; national projects count toward the cap of 15 a year per legal representative (422 RULE_VIOLATION beyond it)',
        params: IdParams,
        body: Type.Object({ declaration: Type.Object({ hasConflict: Type.Boolean(), statement: Type.String({ minLength: 1, maxLength: 2000 }) }) }, { examples: [{ declaration: { hasConflict: false, statement: '本机构及评价人员与申报企业无投资、咨询或亲属关系。' } }] }),
        response: ok,
      },
    },
    async (request) => presentEvaluation(await acceptEngagement(store, await requireUser(request), { evaluationId: request.params.id, declaration: request.body.declaration })),
  );

  app.post<{ Params: { id: number }; Body: { reason?: string } | undefined }>(
    '/api/v1/evaluations/:id/decline',
    { config: { access: { action: 'decline', subject: 'evaluation', id: 'id' } }, preValidation: emptyBodyAsObject, schema: { tags: ['evaluations'], summary: 'Decline (evaluator) an engagement; the application goes back to “submitted”', params: IdParams, body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }), response: ok } },
    async (request) => presentEvaluation(await endEngagement(store, await requireUser(request), { evaluationId: request.params.id, by: 'decline', reason: request.body?.reason ?? null })),
  );

  app.put<{ Params: { id: number }; Body: { data: unknown; answers?: unknown } }>(
    '/api/v1/evaluations/:id/verified-data',
    {
      config: { access: { action: 'record-verified-data', subject: 'evaluation', id: 'id' } },
      schema: {
        tags: ['evaluations'],
        summary: 'Record the verified factory-year (AnnualData v1) and answers; differences from the declared values are shown to reviewers',
        params: IdParams,
        body: Type.Object({ data: Type.Object({}, { additionalProperties: true, description: 'AnnualData v1' }), answers: Type.Optional(Type.Object({}, { additionalProperties: true })) }),
        response: ok,
      },
    },
    async (request) => presentEvaluation(await recordVerifiedData(store, await requireUser(request), { evaluationId: request.params.id, data: request.body.data, answers: request.body.answers })),
  );

  app.post<{ Params: { id: number } }>(
    '/api/v1/evaluations/:id/sign',
    { config: { access: { action: 'sign', subject: 'evaluation', id: 'id' } }, schema: { tags: ['evaluations'], summary: 'Sign the evaluation: the application goes to city review', params: IdParams, response: ok } },
    async (request) => presentEvaluation(await signEvaluation(store, await requireUser(request), { evaluationId: request.params.id })),
  );
}
