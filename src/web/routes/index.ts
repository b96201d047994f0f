/** Every server-rendered page route. */
import type { FastifyInstance } from 'fastify';
import { registerAssetRoutes } from './assets.ts';
import { registerHomeRoutes } from './home.ts';
import { registerFrameworkRoutes } from './frameworks.ts';

export async function registerWebRoutes(app: FastifyInstance): Promise<void> {
  await registerAssetRoutes(app);
  await registerHomeRoutes(app);
  await registerFrameworkRoutes(app);
}
