import type { FastifyInstance } from 'fastify';
import { DashboardPage } from '../pages/workspace/dashboard-page.tsx';
import { pageContext, sendPage } from '../page-context.ts';
import { requireWebUser } from '../workspace-auth.ts';
import { sectionsFor } from '../workspace-sections.ts';

export async function registerWorkspaceRoutes(app: FastifyInstance): Promise<void> {
  app.get('/workspace', { schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const sections = await Promise.all(sectionsFor(actor).map(async (s) => ({ ...s, count: s.waiting ? await s.waiting(app.context.store, actor) : null })));
    return sendPage(reply, DashboardPage({ page: await pageContext(request), actor, sections }));
  });
}
