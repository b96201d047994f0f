/**
 * `/workspace`: the signed-in dashboard — the user's sections with what waits in each,
 * the deadlines of the next 30 days, and the pipeline in the user's scope as a chart —
 * and every workspace area's routes.
 */
import type { FastifyInstance } from 'fastify';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { applicationStateCounts, upcomingDeadlines } from '../../store/queries/workspace/pipeline-counts.ts';
import { DashboardPage } from '../pages/workspace/dashboard-page.tsx';
import { pageContext, sendPage } from '../page-context.ts';
import { requireWebUser } from '../workspace-auth.ts';
import { sectionsFor } from '../workspace-sections.ts';
import { registerWorkspaceEnterpriseRoutes } from './workspace-enterprise.ts';
import { registerWorkspaceApplicationRoutes } from './workspace-applications.ts';
import { registerWorkspaceEvaluatorRoutes } from './workspace-evaluator.ts';
import { registerWorkspaceReviewRoutes } from './workspace-review.ts';
import { registerWorkspaceOversightRoutes } from './workspace-oversight.ts';
import { registerWorkspacePanelRoutes } from './workspace-panels.ts';
import { registerWorkspaceAdminRoutes } from './workspace-admin.ts';

export async function registerWorkspaceRoutes(app: FastifyInstance): Promise<void> {
  app.get('/workspace', { config: { access: 'signed-in' }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const store = app.context.store;
    const today = todayInShanghai();
    const [sections, deadlines, pipeline] = await Promise.all([
      Promise.all(sectionsFor(actor).map(async (s) => ({ ...s, count: s.waiting ? await s.waiting(store, actor) : null }))),
      upcomingDeadlines(store.db, actor, { today, days: 30 }),
      applicationStateCounts(store.db, actor),
    ]);
    return sendPage(reply, DashboardPage({ page: await pageContext(request), actor, sections, deadlines, pipeline, today }));
  });
  await registerWorkspaceEnterpriseRoutes(app);
  await registerWorkspaceApplicationRoutes(app);
  await registerWorkspaceEvaluatorRoutes(app);
  await registerWorkspaceReviewRoutes(app);
  await registerWorkspaceOversightRoutes(app);
  await registerWorkspacePanelRoutes(app);
  await registerWorkspaceAdminRoutes(app);
}
