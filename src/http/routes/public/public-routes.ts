/**
 * The public JSON API of the site (issue 5): enterprise search and records, news, and
 * filing an objection. Lists, batches and notices are read through the pipeline's routes
 * (lists/, batches/, notices/), which share the same read models (store/queries/public-*.ts).
 */
import type { FastifyInstance } from 'fastify';
import { registerPublicEnterpriseRoutes } from './enterprise-routes.ts';
import { registerPublicNewsRoutes } from './news-routes.ts';
import { registerPublicObjectionRoutes } from './objection-routes.ts';

export async function registerPublicRoutes(app: FastifyInstance): Promise<void> {
  await registerPublicEnterpriseRoutes(app);
  await registerPublicNewsRoutes(app);
  await registerPublicObjectionRoutes(app);
}
