import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createUser } from '../../commands/users/create-user.ts';
import { listUsers } from '../../commands/users/list-users.ts';
import type { UserActor } from '../../domain/actors/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { listAuthorities, listEvaluatorOrgs } from '../../store/queries/user-directory.ts';
import { UsersPage } from '../pages/workspace/admin/users-page.tsx';
import { pageContext, sendPage } from '../page-context.ts';
import { requireWebUser } from '../workspace-auth.ts';
import { registerWorkspaceSection } from '../workspace-sections.ts';
import { localPath } from '../i18n/language.ts';

registerWorkspaceSection({ id: 'admin-users', roles: ['admin'], href: '/workspace/admin/users', titleKey: 'admin.users.title', descriptionKey: 'admin.users.description', order: 90 });

const optionalNumber = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined);

export async function registerAdminUserRoutes(app: FastifyInstance): Promise<void> {
  const render = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, extra: { error?: string; created?: string; values?: Record<string, string> } = {}) => {
    const page = await pageContext(request);
    const [users, authorities, evaluatorOrgs] = await Promise.all([listUsers(app.context.store, actor), listAuthorities(app.context.store.db), listEvaluatorOrgs(app.context.store.db)]);
    return sendPage(reply, UsersPage({ page, users, authorities, evaluatorOrgs, csrfToken: page.csrfToken ?? '', ...extra }));
  };

  app.get<{ Querystring: { created?: string } }>('/workspace/admin/users', { config: { access: { action: 'read-users', subject: 'authority' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return render(request, reply, actor, request.query.created ? { created: request.query.created } : {});
  });

  app.post<{ Body: Record<string, string> }>('/workspace/admin/users', { config: { access: { action: 'manage-users', subject: 'authority' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const body = request.body ?? {};
    try {
      const input = {
        email: String(body.email ?? ''),
        displayName: String(body.displayName ?? ''),
        password: String(body.password ?? ''),
        role: String(body.role ?? ''),
        ...(optionalNumber(body.authorityId) === undefined ? {} : { authorityId: optionalNumber(body.authorityId)! }),
        ...(optionalNumber(body.enterpriseId) === undefined ? {} : { enterpriseId: optionalNumber(body.enterpriseId)! }),
        ...(optionalNumber(body.evaluatorOrgId) === undefined ? {} : { evaluatorOrgId: optionalNumber(body.evaluatorOrgId)! }),
      };
      const created = await createUser(app.context.store, actor, input);
      return reply.redirect(localPath(request.lang, `/workspace/admin/users?created=${encodeURIComponent(created.email)}`), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      reply.status(error.status);
      const { password: _password, _csrf, ...values } = body;
      return render(request, reply, actor, { error: error.message, values });
    }
  });
}
