/** Sign-in and sign-out for the browser: a form, a server-side session cookie, a redirect. */
import type { FastifyInstance } from 'fastify';
import { signIn, signOut } from '../../commands/auth/sign-in.ts';
import { AppError } from '../../domain/errors.ts';
import { clearSessionCookie, csrfTokenFor, SESSION_COOKIE, setSessionCookie } from '../../http/auth.ts';
import { LoginPage } from '../pages/login-page.tsx';
import { pageContext, sendPage } from '../page-context.ts';
import { localPath } from '../i18n/language.ts';
import { translate } from '../i18n/catalogue.ts';
import { safeNext } from '../workspace-auth.ts';

export async function registerSessionRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { next?: string } }>('/login', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const page = await pageContext(request);
    return sendPage(reply, LoginPage({ page, csrfToken: await csrfTokenFor(request, reply), next: safeNext(request.query.next, localPath(request.lang, '/workspace')), demoLogins: page.demo }));
  });

  app.post<{ Body: { email?: string; password?: string; next?: string } }>(
    '/login',
    { schema: { hide: true }, config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = request.body ?? {};
      const next = safeNext(body.next, localPath(request.lang, '/workspace'));
      try {
        const result = await signIn(app.context.store, { email: String(body.email ?? ''), password: String(body.password ?? '') });
        setSessionCookie(request, reply, result.token, result.expiresAt);
        return reply.redirect(next, 303);
      } catch (error) {
        if (!AppError.is(error, 'UNAUTHENTICATED') && !AppError.is(error, 'LOCKED')) throw error;
        const page = await pageContext(request);
        const message = AppError.is(error, 'LOCKED') ? translate(request.lang, 'session.locked') : translate(request.lang, 'session.wrong');
        reply.status(error.status);
        return sendPage(reply, LoginPage({ page, csrfToken: await csrfTokenFor(request, reply), next, email: String(body.email ?? ''), error: message, demoLogins: page.demo }));
      }
    },
  );

  app.post('/logout', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(app.context.store, token);
    clearSessionCookie(reply);
    return reply.redirect(localPath(request.lang, '/'), 303);
  });
}
