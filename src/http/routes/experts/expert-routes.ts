/**
 * Expert review over HTTP: the authority forms a panel (≥ 3 experts) with its applications;
 * each expert scores and comments, or declares a conflict and recuses; the consensus rule
 * (docs/decisions/004-expert-consensus.md) is shown with the dissent.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createPanel } from '../../../commands/experts/create-panel.ts';
import { readPanel } from '../../../commands/experts/read-panel.ts';
import { submitExpertReview } from '../../../commands/experts/submit-expert-review.ts';
import { requireUser } from '../../auth.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Review = Type.Object({ expertUserId: Type.Integer(), conflictDeclared: Type.Boolean(), score: Nullable(Type.Number()), comment: Nullable(Type.String()), submittedAt: Nullable(Type.String()) });
const Consensus = Nullable(Type.Object({
  panelId: Type.Integer(),
  reached: Type.Boolean(),
  passed: Type.Boolean(),
  score: Nullable(Type.Number()),
  method: Type.String(),
  scores: Type.Integer(),
  recused: Type.Integer(),
  waitingFor: Type.Array(Type.Integer()),
  dissent: Type.Array(Type.Object({ expertUserId: Type.Integer(), score: Type.Number(), comment: Nullable(Type.String()) })),
  detail: Type.String(),
}));
const PanelSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  authorityId: Type.Integer(),
  batchId: Nullable(Type.Integer()),
  rule: Type.Object({ method: Type.String(), passScore: Type.Number(), dissentPoints: Type.Number() }),
  members: Type.Array(Type.Object({ userId: Type.Integer(), displayName: Type.String(), regionCode: Nullable(Type.String()) })),
  applications: Type.Array(Type.Object({ applicationId: Type.Integer(), enterpriseNameZh: Type.String(), state: Type.String(), reviews: Type.Array(Review), consensus: Consensus })),
});
const ReviewParams = Type.Object({ id: Type.Integer({ minimum: 1 }), applicationId: Type.Integer({ minimum: 1 }) });

export async function registerExpertRoutes(app: FastifyInstance): Promise<void> {
  const store = app.context.store;

  app.post<{ Body: { name: string; batchId?: number | null; expertUserIds: number[]; applicationIds: number[]; consensusRule?: { method?: 'median' | 'mean'; passScore?: number; dissentPoints?: number } } }>(
    '/api/v1/panels',
    {
      config: { access: { action: 'create', subject: 'panel' } },
      schema: {
        tags: ['experts'],
        summary: 'Form an expert panel of at least three experts and assign applications to it (recommended → national expert review)',
        description: 'Where the authority excludes experts from their own region, an expert from an application’s province is refused (422).',
        body: Type.Object(
          {
            name: Type.String({ minLength: 2, maxLength: 200 }),
            batchId: Type.Optional(Nullable(Type.Integer())),
            expertUserIds: Type.Array(Type.Integer(), { minItems: 3, maxItems: 50 }),
            applicationIds: Type.Array(Type.Integer(), { minItems: 1, maxItems: 500 }),
            consensusRule: Type.Optional(Type.Object({ method: Type.Optional(Type.Union([Type.Literal('median'), Type.Literal('mean')])), passScore: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })), dissentPoints: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })) })),
          },
          { examples: [{ name: '2027年度国家级评审第一组', expertUserIds: [6, 9, 10], applicationIds: [7], consensusRule: { method: 'median', passScore: 60, dissentPoints: 15 } }] },
        ),
        response: { 201: PanelSchema },
      },
    },
    async (request, reply) => {
      const actor = await requireUser(request);
      const panel = await createPanel(store, actor, request.body);
      return reply.status(201).send(await readPanel(store, actor, panel.id));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/panels/:id',
    { config: { access: { action: 'read', subject: 'panel', id: 'id' } }, schema: { tags: ['experts'], summary: 'A panel: members, applications, reviews and consensus (experts see their own reviews only)', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: PanelSchema } } },
    async (request) => readPanel(store, await requireUser(request), request.params.id),
  );

  app.post<{ Params: { id: number; applicationId: number }; Body: { score: number; comment: string } }>(
    '/api/v1/panels/:id/applications/:applicationId/review',
    { config: { access: { action: 'review', subject: 'application', id: 'applicationId' } }, schema: { tags: ['experts'], summary: 'An expert scores (0–100) and comments on an application of the panel', params: ReviewParams, body: Type.Object({ score: Type.Number({ minimum: 0, maximum: 100, examples: [82] }), comment: Type.String({ minLength: 1, maxLength: 5000, examples: ['材料齐全，能耗与碳排放指标优于基准值。'] }) }), response: { 200: Review } } },
    async (request) => {
      const row = await submitExpertReview(store, await requireUser(request), { panelId: request.params.id, applicationId: request.params.applicationId, kind: 'score', ...request.body });
      return { expertUserId: row.expert_user_id, conflictDeclared: row.conflict_declared === 1, score: row.score, comment: row.comment, submittedAt: row.submitted_at };
    },
  );

  app.post<{ Params: { id: number; applicationId: number }; Body: { statement: string } }>(
    '/api/v1/panels/:id/applications/:applicationId/conflict',
    { config: { access: { action: 'declare-conflict', subject: 'application', id: 'applicationId' } }, schema: { tags: ['experts'], summary: 'An expert declares a conflict of interest and recuses from the application', params: ReviewParams, body: Type.Object({ statement: Type.String({ minLength: 1, maxLength: 2000 }) }), response: { 200: Review } } },
    async (request) => {
      const row = await submitExpertReview(store, await requireUser(request), { panelId: request.params.id, applicationId: request.params.applicationId, kind: 'conflict', statement: request.body.statement });
      return { expertUserId: row.expert_user_id, conflictDeclared: row.conflict_declared === 1, score: row.score, comment: row.comment, submittedAt: row.submitted_at };
    },
  );
}
