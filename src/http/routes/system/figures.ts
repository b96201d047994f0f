import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { programmeFigures } from '../../../store/queries/programme-figures.ts';

const Figures = Type.Object({
  enterprises: Type.Integer({ description: 'Registered enterprises' }),
  listedByTier: Type.Record(Type.String(), Type.Integer(), { description: 'Entries currently listed, by tier (national, province, city)' }),
  batches: Type.Array(
    Type.Object({
      batchId: Type.Integer(),
      slug: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      tier: Type.String(),
      year: Type.Integer(),
      programmeCode: Type.String(),
      publishedOn: Type.Union([Type.String(), Type.Null()]),
      listed: Type.Integer(),
    }),
  ),
});

export async function registerFigureRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/v1/figures',
    { config: { access: 'public' }, schema: { tags: ['public'], summary: 'The programme in figures: enterprises and listed entries per batch and tier', response: { 200: Figures } } },
    async () => programmeFigures(app.context.store.db),
  );
}
