/**
 * Sessions on the HTTP side: the session token travels in an HttpOnly cookie (browser)
 * or an `Authorization: Bearer` header (API clients). Cookie-authenticated requests
 * that change state must carry the session's CSRF token (`x-csrf-token` header or a
 * `_csrf` form field); bearer requests carry no ambient credential and are exempt.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, UserActor } from '../domain/actors/actor.ts';
import { AppError } from '../domain/errors.ts';
import { sessionIdOf } from '../commands/auth/sign-in.ts';
import { findSession, loadMemberships } from '../store/repositories/users.ts';
import { now } from '../store/store.ts';

export const SESSION_COOKIE = 'gl_session';

interface ResolvedSession {
  actor: UserActor;
  csrfToken: string;
  via: 'cookie' | 'bearer';
}

declare module 'fastify' {
  interface FastifyRequest {
    sessionPromise?: Promise<ResolvedSession | null>;
  }
}

function tokenOf(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

async function resolve(request: FastifyRequest): Promise<ResolvedSession | null> {
  const found = tokenOf(request);
  if (found === null) return null;
  const db = request.server.context.store.db;
  const session = await findSession(db, sessionIdOf(found.token));
  const at = now();
  if (session === undefined || session.expires_at <= at || session.status !== 'active') return null;
  const actor: UserActor = { kind: 'user', userId: session.user_id, email: session.email, displayName: session.display_name, memberships: await loadMemberships(db, session.user_id) };
  return { actor, csrfToken: session.csrf_token, via: found.via };
}

export function sessionOf(request: FastifyRequest): Promise<ResolvedSession | null> {
  request.sessionPromise ??= resolve(request);
  return request.sessionPromise;
}

/** A stable key of the client address: rate limits and abuse records, never the raw IP. */
export function clientKey(request: FastifyRequest): string {
  return createHash('sha256').update(request.server.context.config.secret).update(request.ip).digest('hex').slice(0, 32);
}

export async function actorOf(request: FastifyRequest): Promise<Actor> {
  const session = await sessionOf(request);
  return session?.actor ?? { kind: 'public', clientKey: clientKey(request) };
}

export async function requireUser(request: FastifyRequest): Promise<UserActor> {
  const session = await sessionOf(request);
  if (session === null) throw new AppError('UNAUTHENTICATED', 'Sign in first / 请先登录');
  return session.actor;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', expires: new Date(expiresAt) });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Cookie holding the form token of visitors without a session (double-submit pattern). */
export const FORM_COOKIE = 'gl_form';

const CSRF_ERROR = 'The form token is missing or stale; reload the page and try again / 表单令牌缺失或已过期，请刷新页面后重试';

function isFormPost(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

function sentToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body?._csrf;
  if (typeof field === 'string') return field;
  // @fastify/multipart with attachFieldsToBody gives fields as { value } objects
  if (typeof field === 'object' && field !== null && typeof (field as { value?: unknown }).value === 'string') return (field as { value: string }).value;
  return undefined;
}

/**
 * The token a page embeds in its forms (`<input type="hidden" name="_csrf">`): the
 * session's token when signed in, otherwise a per-visitor token in an HttpOnly cookie.
 */
export async function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): Promise<string> {
  const session = await sessionOf(request);
  if (session !== null) return session.csrfToken;
  const existing = request.cookies?.[FORM_COOKIE];
  if (existing !== undefined && existing.length >= 20) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(FORM_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
  return token;
}

/**
 * Every state-changing request that a browser could send with ambient credentials must
 * prove it came from our page: cookie sessions by the session token, anonymous form
 * posts by the double-submitted form token. JSON requests without a session carry no
 * credential (and cannot be sent cross-site without CORS), bearer requests neither.
 */
export function registerCsrfCheck(app: FastifyInstance): void {
  const check = async (request: FastifyRequest) => {
    if (SAFE_METHODS.has(request.method)) return;
    const session = await sessionOf(request);
    if (session !== null) {
      if (session.via === 'cookie' && sentToken(request) !== session.csrfToken) throw new AppError('CSRF', CSRF_ERROR);
      return;
    }
    if (!isFormPost(request)) return;
    const cookie = request.cookies?.[FORM_COOKIE];
    if (cookie === undefined || sentToken(request) !== cookie) throw new AppError('CSRF', CSRF_ERROR);
  };
  // Before the body is validated, so a forged request is refused as such whatever it
  // carries; multipart fields (the `_csrf` among them) are attached to the body only by
  // the multipart plugin's own hook, so those forms are checked just before the handler.
  const multipart = (request: FastifyRequest) => (request.headers['content-type'] ?? '').startsWith('multipart/form-data');
  app.addHook('preValidation', async (request) => {
    if (!multipart(request)) await check(request);
  });
  app.addHook('preHandler', async (request) => {
    if (multipart(request)) await check(request);
  });
}
