/** Every JSON API route, under /api/v1 (and /healthz). */
import type { FastifyInstance } from 'fastify';
import { registerHealthRoutes } from './system/health.ts';
import { registerFigureRoutes } from './system/figures.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { registerEngineRoutes } from './engine/engine-routes.ts';
import { registerUserRoutes } from './users/user-routes.ts';

export async function registerApiRoutes(app: FastifyInstance): Promise<void> {
  await registerHealthRoutes(app);
  await registerFigureRoutes(app);
  await registerAuthRoutes(app);
  await registerEngineRoutes(app);
  await registerUserRoutes(app);
}
