/** Builds what every page needs from the request: language, current path, demo flag. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from '#jsx/jsx-runtime';
import { isDemoDatabase } from '../store/queries/site-state.ts';
import type { PageContext } from './components/layout.tsx';
import { sessionOf } from '../http/auth.ts';

const DEMO_TTL_MS = 5000;
let demoCache: { value: boolean; at: number; db: unknown } | undefined;

async function demoFlag(request: FastifyRequest): Promise<boolean> {
  const db = request.server.context.store.db;
  const at = Date.now();
  if (demoCache === undefined || demoCache.db !== db || at - demoCache.at > DEMO_TTL_MS) {
    demoCache = { value: await isDemoDatabase(db), at, db };
  }
  return demoCache.value;
}

/** The URL as the visitor sees it, minus the language marker. */
function pathWithoutLanguage(request: FastifyRequest): string {
  const url = new URL(request.url, 'http://local');
  url.searchParams.delete('lang');
  const query = url.searchParams.toString();
  return url.pathname + (query === '' ? '' : '?' + query);
}

export async function pageContext(request: FastifyRequest): Promise<PageContext> {
  const session = await sessionOf(request);
  return { lang: request.lang, path: pathWithoutLanguage(request), demo: await demoFlag(request), userName: session?.actor.displayName, csrfToken: session?.csrfToken };
}

export function sendPage(reply: FastifyReply, html: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(html.html);
}
