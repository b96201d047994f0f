/** Pages behind sign-in: the signed-in user, or a redirect to the sign-in page that comes back here. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../domain/actors/actor.ts';
import { sessionOf } from '../http/auth.ts';
import { localPath } from './i18n/language.ts';

/** Returns the user, or sends a redirect to /login?next=… and returns undefined. */
export async function requireWebUser(request: FastifyRequest, reply: FastifyReply): Promise<UserActor | undefined> {
  const session = await sessionOf(request);
  if (session !== null) return session.actor;
  const next = request.url;
  await reply.redirect(localPath(request.lang, `/login?next=${encodeURIComponent(next)}`), 303);
  return undefined;
}

/** Only same-site paths may be a `next` target (no open redirects). */
export function safeNext(next: unknown, fallback: string): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : fallback;
}
