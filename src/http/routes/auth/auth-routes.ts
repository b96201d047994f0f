import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { signIn, signOut } from '../../../commands/auth/sign-in.ts';
import { clearSessionCookie, requireUser, SESSION_COOKIE, setSessionCookie } from '../../auth.ts';
import { presentActor } from '../../presenters/present-actor.ts';

const Membership = Type.Object({
  role: Type.String(),
  authorityId: Type.Union([Type.Integer(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  enterpriseId: Type.Union([Type.Integer(), Type.Null()]),
  evaluatorOrgId: Type.Union([Type.Integer(), Type.Null()]),
});
const User = Type.Object({ id: Type.Integer(), email: Type.String(), displayName: Type.String(), memberships: Type.Array(Membership) });

export async function registerAuthRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie. With `bearer: true` the session token is also returned for API clients.',
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: 200, examples: ['province@demo'] }),
          password: Type.String({ minLength: 1, maxLength: 200, examples: ['greenlist-demo'] }),
          bearer: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ user: User, csrfToken: Type.String(), expiresAt: Type.String(), token: Type.Optional(Type.String()) }) },
      },
    },
    async (request, reply) => {
      const body = request.body as { email: string; password: string; bearer?: boolean };
      const result = await signIn(app.context.store, body);
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return { user: presentActor(result.actor), csrfToken: result.csrfToken, expiresAt: result.expiresAt, ...(body.bearer ? { token: result.token } : {}) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Sign out: ends the server-side session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : request.cookies[SESSION_COOKIE];
      if (token) await signOut(app.context.store, token);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'The signed-in user and roles', response: { 200: Type.Object({ user: User }) } } },
    async (request) => ({ user: presentActor(await requireUser(request)) }),
  );
}
