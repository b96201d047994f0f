import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { pingDatabase } from '../../../store/queries/lookups.ts';

const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  time: Type.String({ format: 'date-time' }),
});

export async function registerHealthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: HealthResponse } } },
    async () => {
      await pingDatabase(app.context.store.db);
      return { status: 'ok' as const, database: app.context.store.capabilities.name, time: new Date().toISOString() };
    },
  );
}
