/** Every server-rendered page route. */
import type { FastifyInstance } from 'fastify';
import { registerAssetRoutes } from './assets.ts';
import { registerHomeRoutes } from './home.ts';
import { registerListRoutes } from './lists.ts';
import { registerSearchRoutes } from './search.ts';
import { registerEnterpriseRoutes } from './enterprises.ts';
import { registerNoticeRoutes } from './notices.ts';
import { registerNewsRoutes } from './news.ts';
import { registerContactRoutes } from './contact.ts';
import { registerAboutRoutes } from './about.ts';
import { registerOpenDataRoutes } from './open-data.ts';
import { registerFeedRoutes } from './feeds.ts';
import { registerSitemapRoutes } from './sitemap.ts';
import { registerFrameworkRoutes } from './frameworks.ts';
import { registerSessionRoutes } from './session.ts';
import { registerWorkspaceRoutes } from './workspace.ts';
import { registerAdminUserRoutes } from './admin-users.ts';
import { registerVerifyRoutes } from './verify.ts';
import { registerEhsWebRoutes } from './ehs.ts';

export async function registerWebRoutes(app: FastifyInstance): Promise<void> {
  await registerAssetRoutes(app);
  await registerHomeRoutes(app);
  await registerListRoutes(app);
  await registerSearchRoutes(app);
  await registerEnterpriseRoutes(app);
  await registerNoticeRoutes(app);
  await registerNewsRoutes(app);
  await registerContactRoutes(app);
  await registerAboutRoutes(app);
  await registerOpenDataRoutes(app);
  await registerFeedRoutes(app);
  await registerSitemapRoutes(app);
  await registerFrameworkRoutes(app);
  await registerSessionRoutes(app);
  await registerWorkspaceRoutes(app);
  await registerAdminUserRoutes(app);
  await registerVerifyRoutes(app);
  await registerEhsWebRoutes(app);
}
