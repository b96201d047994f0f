import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { sql } from 'kysely';

const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  time: Type.String({ format: 'date-time' }),
});

export async function registerHealthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: HealthResponse } } },
    async () => {
      await sql`select 1`.execute(app.context.store.db);
      return { status: 'ok' as const, database: app.context.store.capabilities.name, time: new Date().toISOString() };
    },
  );
}
