import type { FastifyInstance } from 'fastify';
import { getFactorSet, getFramework, listFactorSets, listFrameworks } from '../../engine/index.ts';
import { FrameworkListPage } from '../pages/frameworks/framework-list-page.tsx';
import { FrameworkPage } from '../pages/frameworks/framework-page.tsx';
import { FactorSetPage } from '../pages/frameworks/factor-set-page.tsx';
import { pageContext, sendPage } from '../page-context.ts';

export async function registerFrameworkRoutes(app: FastifyInstance): Promise<void> {
  app.get('/frameworks', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => sendPage(reply, FrameworkListPage({ page: await pageContext(request), frameworks: listFrameworks(), factorSets: listFactorSets() })));
  app.get<{ Params: { id: string } }>('/frameworks/:id', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => sendPage(reply, FrameworkPage({ page: await pageContext(request), framework: getFramework(request.params.id) })));
  app.get<{ Params: { id: string } }>('/frameworks/factors/:id', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => sendPage(reply, FactorSetPage({ page: await pageContext(request), factorSet: getFactorSet(request.params.id) })));
}
