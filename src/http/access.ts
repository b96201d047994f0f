/**
 * Who may call a route, declared on the route itself: `config: { access }` in its Fastify
 * options, and checked here before the body is read.
 *
 * - `'public'`: anyone (published records, stateless computations, the site's pages);
 * - `'signed-in'`: any signed-in user; the handler answers within the user's own scope
 *   (queues, dashboards) and shows nothing of anyone else's;
 * - `{ action, subject, id? }`: one policy rule (src/policies/rules/*.ts). With `id` the
 *   path parameter that names the subject, the subject is loaded and the rule's scope
 *   (role, region, own enterprise, engagement, panel) is checked; without it (the
 *   subject is in the body, or is the user's own authority) only the role is.
 *
 * The check answers before the body is parsed: the public gets 401 (a redirect to the
 * sign-in page on the site), a signed-in user outside the rule 403. It does not replace
 * the command's own `authorize` (every command still checks): it makes the declared
 * access true for every route, whatever the handler does, and lets the permission
 * matrix (test/security/permission-matrix.test.ts) hold every route to its rule. The
 * lifecycle (a transition from the wrong state) stays the command's to refuse with 409.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/actors/actor.ts';
import { APPLICATION_STATES, isApplicationState } from '../domain/applications/application-states.ts';
import { APPLICATION_ACTIONS, TRANSITIONS } from '../domain/applications/transition-table.ts';
import { AppError } from '../domain/errors.ts';
import { can, listRules, type Subject } from '../policies/index.ts';
import { loadPolicySubject, POLICY_SUBJECT_LOOKUPS } from '../commands/access/load-policy-subject.ts';
import { actorOf, sessionOf } from './auth.ts';
import { localPath } from '../web/i18n/language.ts';

export interface RuleAccess {
  /** The policy action; `':name'` reads it from the path parameter `name`. */
  action: string;
  /** The policy subject type. */
  subject: string;
  /** The path parameter that names the subject (its id, slug or number). */
  id?: string;
  /** How to find the subject from that parameter, when not by its own type (e.g. a change names its list entry). */
  lookup?: string;
}

export type RouteAccess = 'public' | 'signed-in' | RuleAccess;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route as registered, with its declared access (undefined: none declared). */
    routeAccessTable: DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** A page or form of the site (refusals redirect to sign-in) rather than the JSON API. */
  web: boolean;
}

/** Routes that plugins register themselves (the OpenAPI UI), which carry no options of ours. */
const PLUGIN_PUBLIC_PREFIXES = ['/docs'];

export function isWebRoute(url: string): boolean {
  return !url.startsWith('/api/') && !url.startsWith('/.well-known/') && url !== '/healthz' && url !== '/openapi.json';
}

export function isRuleAccess(access: RouteAccess | undefined): access is RuleAccess {
  return typeof access === 'object' && access !== null;
}

/** The action a rule access names for a request (from the path when it says `':name'`). */
export function actionOf(access: RuleAccess, params: Record<string, unknown>): string | undefined {
  if (!access.action.startsWith(':')) return access.action;
  const value = params[access.action.slice(1)];
  return typeof value === 'string' ? value : undefined;
}

/** Some rule gives the action on this subject type to anyone, signed in or not. */
export function publicMay(action: string, subjectType: string): boolean {
  return listRules().some((rule) => rule.subjectType === subjectType && rule.actions.includes(action) && rule.audience.includes('public'));
}

/** The actor holds a role some rule gives this action on this subject type to (scope not looked at). */
export function roleMay(actor: Actor, action: string, subjectType: string): boolean {
  if (publicMay(action, subjectType)) return true;
  if (actor.kind !== 'user') return actor.kind === 'system';
  return listRules().some((rule) => rule.subjectType === subjectType && rule.actions.includes(action) && actor.memberships.some((m) => rule.audience.includes(m.role)));
}

/**
 * The rule holds for this actor and subject. One exception: an application action that
 * the subject's state does not offer at all is the command's to refuse (409
 * INVALID_TRANSITION, as documented), so there only who and where are checked here —
 * the rule holding in some state where the action is offered.
 */
export function inScope(actor: Actor, action: string, subject: Subject): boolean {
  if (can(actor, action, subject)) return true;
  const state = subject.state;
  if (typeof state !== 'string' || !isApplicationState(state) || !(APPLICATION_ACTIONS as readonly string[]).includes(action)) return false;
  if (TRANSITIONS[state].some((transition) => transition.action === action)) return false;
  return APPLICATION_STATES.some((other) => can(actor, action, { ...subject, state: other }));
}

async function refuseAnonymous(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isWebRoute(request.routeOptions.url ?? request.url)) throw new AppError('UNAUTHENTICATED', 'Sign in first / 请先登录');
  await reply.redirect(localPath(request.lang, `/login?next=${encodeURIComponent(request.url)}`), 303);
}

const FORBIDDEN = 'Not allowed for this role or region / 无权访问（角色或地区不符）';

async function checkAccess(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const access = request.routeOptions.config?.access;
  if (access === undefined || access === 'public') return;
  const session = await sessionOf(request);
  if (access === 'signed-in') {
    if (session === null) await refuseAnonymous(request, reply);
    return;
  }
  const params = (request.params ?? {}) as Record<string, unknown>;
  const action = actionOf(access, params);
  if (action === undefined) return; // the handler answers a malformed path (400/404)
  if (session === null && !publicMay(action, access.subject)) return refuseAnonymous(request, reply);
  const actor = await actorOf(request);
  const key = access.id === undefined ? undefined : params[access.id];
  if (typeof key === 'string') {
    const found = await loadPolicySubject(request.server.context.store.db, access.lookup ?? access.subject, key);
    if (found === undefined) return; // no such record: the handler says 404
    if (!inScope(actor, action, { ...found, type: access.subject })) throw new AppError(actor.kind === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', actor.kind === 'public' ? 'Sign in first / 请先登录' : FORBIDDEN);
    return;
  }
  if (!roleMay(actor, action, access.subject)) throw new AppError('FORBIDDEN', FORBIDDEN);
}

/** Records every route with its access, and checks the access of every request. Call before any route is registered. */
export function registerAccessControl(app: FastifyInstance): void {
  const table: DeclaredRoute[] = [];
  app.decorate('routeAccessTable', table);
  app.addHook('onRoute', (route) => {
    if (PLUGIN_PUBLIC_PREFIXES.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`)) && route.config?.access === undefined) {
      route.config = { ...(route.config ?? {}), access: 'public' };
    }
    const access = route.config?.access;
    if (isRuleAccess(access) && access.id !== undefined && !POLICY_SUBJECT_LOOKUPS.includes(access.lookup ?? access.subject)) throw new Error(`${route.url}: no policy-subject lookup "${access.lookup ?? access.subject}"`);
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access: route.config?.access, web: isWebRoute(route.url) });
  });
  app.addHook('onRequest', checkAccess);
}
