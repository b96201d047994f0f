/** Every server-rendered page route. */
import type { FastifyInstance } from 'fastify';
import { registerAssetRoutes } from './assets.ts';
import { registerHomeRoutes } from './home.ts';
import { registerFrameworkRoutes } from './frameworks.ts';
import { registerSessionRoutes } from './session.ts';
import { registerWorkspaceRoutes } from './workspace.ts';
import { registerAdminUserRoutes } from './admin-users.ts';

export async function registerWebRoutes(app: FastifyInstance): Promise<void> {
  await registerAssetRoutes(app);
  await registerHomeRoutes(app);
  await registerFrameworkRoutes(app);
  await registerSessionRoutes(app);
  await registerWorkspaceRoutes(app);
  await registerAdminUserRoutes(app);
}
