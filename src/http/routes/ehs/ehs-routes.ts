/** The EHS register's JSON API, under /api/v1/ehs/{enterpriseId}/… (tag "ehs" in /openapi.json). */
import type { FastifyInstance } from 'fastify';
import { registerEhsReadRoutes } from './ehs-read-routes.ts';
import { registerEhsWriteRoutes } from './ehs-write-routes.ts';
import { registerEhsFileRoutes } from './ehs-file-routes.ts';

export async function registerEhsRoutes(app: FastifyInstance): Promise<void> {
  await registerEhsReadRoutes(app);
  await registerEhsWriteRoutes(app);
  await registerEhsFileRoutes(app);
}
