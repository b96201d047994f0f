/**
 * Sessions on the HTTP side: the session token travels in an HttpOnly cookie (browser)
 * or an `Authorization: Bearer` header (API clients). Cookie-authenticated requests
 * that change state must carry the session's CSRF token (`x-csrf-token` header or a
 * `_csrf` form field); bearer requests carry no ambient credential and are exempt.
 */
import { createHash } from 'node:crypto';
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

export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const session = await sessionOf(request);
    if (session === null || session.via !== 'cookie') return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent = request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
    if (sent !== session.csrfToken) throw new AppError('CSRF', 'The form token is missing or stale; reload the page and try again / 表单令牌缺失或已过期，请刷新页面后重试');
  });
}
