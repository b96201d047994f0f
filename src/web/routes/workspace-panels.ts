/**
 * Expert panels in the workspace: the authority forms panels and reads their scores and
 * consensus; an expert scores (or recuses from) the applications on its panels.
 * `/workspace/panels` shows each what it works on.
 */
import { notFound } from '../../domain/errors.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../domain/actors/actor.ts';
import { createPanel } from '../../commands/experts/create-panel.ts';
import { readExpertAssignments } from '../../commands/experts/read-expert-assignments.ts';
import { readPanel } from '../../commands/experts/read-panel.ts';
import { submitExpertReview } from '../../commands/experts/submit-expert-review.ts';
import { applicationsInState, authorityPanels, expertDirectory } from '../../store/queries/workspace/authority-work.ts';
import { sendPage } from '../page-context.ts';
import { ExpertAssignmentsPage, PanelPage, PanelsPage } from '../pages/workspace/expert/panels-pages.tsx';
import { requireWebUser } from '../workspace-auth.ts';
import { registerWorkspaceSection } from '../workspace-sections.ts';
import { fieldsOf, frameOf, here, idParam, idsOf, optionalNumber, submitForm } from './workspace-forms.ts';
import { authorityMembership } from './workspace-review.ts';
import { findProgrammeByCode } from '../../store/queries/lookups.ts';
import { countPendingExpertReviews } from '../../store/queries/workspace/section-counts.ts';

registerWorkspaceSection({
  id: 'panels',
  roles: ['national', 'expert'],
  href: '/workspace/panels',
  titleKey: 'ws-expert.section.title',
  descriptionKey: 'ws-expert.section.description',
  order: 40,
  waiting: async (store, actor) => {
    if (!actor.memberships.some((m) => m.role === 'expert')) return 0;
    return countPendingExpertReviews(store.db, actor.userId);
  },
});

const isExpertOnly = (actor: UserActor) => actor.memberships.some((m) => m.role === 'expert') && !actor.memberships.some((m) => m.role === 'national' || m.role === 'province');

export async function registerWorkspacePanelRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.context.store;

  const renderPanels = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error?: string) => {
    const frame = await frameOf(request, actor);
    if (isExpertOnly(actor)) return sendPage(reply, ExpertAssignmentsPage({ frame, assignments: await readExpertAssignments(store(), actor), error }));
    const membership = authorityMembership(actor, ['national', 'province']);
    const programme = await findProgrammeByCode(store().db, 'green_factory');
    if (programme === undefined) throw notFound('programme green_factory');
    const [panels, experts, candidates] = await Promise.all([
      authorityPanels(store().db, membership.authorityId),
      expertDirectory(store().db, membership.authorityId),
      applicationsInState(store().db, { state: 'recommended', programmeId: programme.id, regionCode: membership.regionCode ?? '000000', level: membership.authorityLevel ?? 'national' }),
    ]);
    return sendPage(reply, PanelsPage({ frame, panels, experts, candidates, preselected: optionalNumber((request.query as { application?: string }).application), error }));
  };

  app.get('/workspace/panels', { config: { access: { action: 'read', subject: 'panel' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderPanels(request, reply, actor);
  });

  app.post('/workspace/panels', { config: { access: { action: 'create', subject: 'panel' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      const passScore = optionalNumber(fields.passScore);
      const panel = await createPanel(store(), actor, { name: fields.name ?? '', expertUserIds: idsOf(request.body, 'expertUserIds'), applicationIds: idsOf(request.body, 'applicationIds'), ...(passScore === undefined ? {} : { consensusRule: { passScore } }) });
      return here(request, `/workspace/panels/${panel.id}`, 'panelCreated');
    }, (actor, error) => renderPanels(request, reply, actor, error.message));
  });

  app.get('/workspace/panels/:id', { config: { access: { action: 'read', subject: 'panel', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const panel = await readPanel(store(), actor, idParam(request, 'id'));
    return sendPage(reply, PanelPage({ frame: await frameOf(request, actor), panel }));
  });

  app.post('/workspace/panels/:id/reviews/:applicationId', { config: { access: { action: 'review', subject: 'application', id: 'applicationId' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      const panelId = idParam(request, 'id');
      const applicationId = idParam(request, 'applicationId');
      await submitExpertReview(store(), actor, fields.kind === 'conflict' ? { panelId, applicationId, kind: 'conflict', statement: fields.statement ?? '' } : { panelId, applicationId, kind: 'score', score: Number(fields.score), comment: fields.comment ?? '' });
      return here(request, '/workspace/panels', 'reviewSubmitted');
    }, (actor, error) => renderPanels(request, reply, actor, error.message));
  });
}
