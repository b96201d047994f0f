/**
 * Batches over HTTP: anyone reads them and the diff of a published batch against the list
 * before it (new, removed with reason, renamed); the authority creates a batch (第N批 or
 * YYYY年度, pinning one framework version) and publishes it (`POST /api/v1/batches/{id}/publish`,
 * design.md) once its notice has closed and every objection is decided.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../../domain/errors.ts';
import { createBatch } from '../../../commands/batches/create-batch.ts';
import { publishBatch } from '../../../commands/batches/publish-batch.ts';
import { batchDiff } from '../../../store/queries/batch-diff.ts';
import { findBatch, listBatches } from '../../../store/queries/batch-catalogue.ts';
import { requireUser } from '../../auth.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const BatchSchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String({ examples: ['national-factory-2025'] }),
  nameZh: Type.String({ examples: ['2025年度绿色工厂名单'] }),
  nameEn: Type.String({ examples: ['Green factories, 2025 list'] }),
  tier: Type.String(),
  year: Type.Integer(),
  ordinal: Nullable(Type.Integer()),
  status: Type.String({ examples: ['open', 'notice', 'published'] }),
  noticeNumber: Nullable(Type.String()),
  frameworkId: Nullable(Type.String({ examples: ['gbt36132-2025@2025.1'] })),
  recommendDeadline: Nullable(Type.String()),
  publishedOn: Nullable(Type.String()),
  programmeCode: Type.String(),
  authorityId: Type.Integer(),
  authorityNameZh: Type.String(),
  authorityNameEn: Type.String(),
  entries: Type.Integer(),
});
const DiffEntry = Type.Object({ entryId: Type.Integer(), enterpriseId: Type.Integer(), nameZh: Type.String(), nameEn: Type.String(), provinceCode: Type.String(), cityCode: Type.String(), industryCode: Type.String(), batchSlug: Type.String(), batchNameZh: Type.String(), batchNameEn: Type.String() });
const BatchParams = Type.Object({ id: Type.String({ description: 'batch id or slug', examples: ['national-factory-2026'] }) });

export async function registerBatchRoutes(app: FastifyInstance): Promise<void> {
  const store = app.context.store;

  app.get<{ Querystring: { status?: string; tier?: string; programme?: string } }>(
    '/api/v1/batches',
    { config: { access: 'public' }, schema: { tags: ['batches', 'public'], summary: 'Every batch: open for applications, under notice, or published', querystring: Type.Object({ status: Type.Optional(Type.String()), tier: Type.Optional(Type.String()), programme: Type.Optional(Type.String()) }), response: { 200: Type.Object({ items: Type.Array(BatchSchema) }) } } },
    async (request) => ({ items: await listBatches(store.db, { status: request.query.status, tier: request.query.tier, programmeCode: request.query.programme }) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/batches/:id',
    { config: { access: 'public' }, schema: { tags: ['batches', 'public'], summary: 'One batch', params: BatchParams, response: { 200: BatchSchema } } },
    async (request) => (await findBatch(store.db, request.params.id)) ?? Promise.reject(notFound(`batch ${request.params.id}`)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/batches/:id/diff',
    {
      config: { access: 'public' },
      schema: {
        tags: ['batches', 'public'],
        summary: 'What the batch changed on the list before it: new entries, removals (with reason and mode) and renames',
        params: BatchParams,
        response: { 200: Type.Object({ batchId: Type.Integer(), publishedOn: Nullable(Type.String()), added: Type.Array(DiffEntry), removed: Type.Array(Type.Intersect([DiffEntry, Type.Object({ reason: Type.String(), mode: Type.String(), removedOn: Type.String() })])), renamed: Type.Array(Type.Intersect([DiffEntry, Type.Object({ from: Type.String(), renamedOn: Type.String() })])) }) },
      },
    },
    async (request) => {
      const batch = await findBatch(store.db, request.params.id);
      const diff = batch === undefined ? undefined : await batchDiff(store.db, batch.id);
      if (diff === undefined) throw notFound(`batch ${request.params.id}`);
      return diff;
    },
  );

  app.post<{ Body: { programmeCode: string; authorityId?: number; year: number; ordinal?: number | null; frameworkId?: string | null; noticeNumber?: string | null } }>(
    '/api/v1/batches',
    {
      config: { access: { action: 'create', subject: 'batch' } },
      schema: {
        tags: ['batches'],
        summary: 'Open a batch of a list for applications, named 第N批 (with ordinal) or YYYY年度, pinning one framework version',
        body: Type.Object({ programmeCode: Type.String({ examples: ['green_factory'] }), authorityId: Type.Optional(Type.Integer()), year: Type.Integer({ examples: [2027] }), ordinal: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 99 }))), frameworkId: Type.Optional(Nullable(Type.String({ examples: ['gbt36132-2025'] }))), noticeNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))) }),
        response: { 201: BatchSchema },
      },
    },
    async (request, reply) => {
      const batch = await createBatch(store, await requireUser(request), request.body);
      return reply.status(201).send(await findBatch(store.db, String(batch.id)));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/batches/:id/publish',
    {
      config: { access: { action: 'publish', subject: 'batch', id: 'id' } },
      schema: {
        tags: ['batches'],
        summary: 'Publish the batch in one transaction: surviving notice entries become list entries, approved removals and renames of the list are applied, certificates follow (batch.published)',
        params: BatchParams,
        response: { 200: Type.Object({ batchId: Type.Integer(), slug: Type.String(), alreadyPublished: Type.Boolean(), publishedOn: Type.String(), added: Type.Array(Type.Integer()), removed: Type.Array(Type.Integer()), renamed: Type.Array(Type.Integer()) }) },
      },
    },
    async (request) => publishBatch(store, await requireUser(request), { batch: /^\d+$/.test(request.params.id) ? Number(request.params.id) : request.params.id }),
  );
}
