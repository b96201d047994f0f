/**
 * What the permission matrix and the web-security tests share: the demo callers, the
 * probes generated for each declared route (its path filled in for a Jiangxi subject and
 * its Hubei twin), the outcome the rules expect, and how an answer is read.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { isRuleAccess, type DeclaredRoute, type RuleAccess } from '../../src/http/access.ts';
import { loadPolicySubject } from '../../src/commands/access/load-policy-subject.ts';
import { can, listRules } from '../../src/policies/index.ts';
import { TRANSITIONS } from '../../src/domain/applications/transition-table.ts';
import type { ApplicationState } from '../../src/domain/applications/application-states.ts';
import type { Actor, UserActor } from '../../src/domain/actors/actor.ts';
import { listFactorSets } from '../../src/engine/index.ts';
import { signIn } from '../../src/commands/auth/sign-in.ts';
import { loadMemberships } from '../../src/store/repositories/users.ts';
import type { Store } from '../../src/store/store.ts';
import type { MatrixWorlds, World } from './matrix-world.ts';

export const SEED_DAY = '2026-11-30';
export const USERS = ['admin@demo', 'national@demo', 'province@demo', 'city@demo', 'evaluator@demo', 'expert@demo', 'enterprise@demo', 'hubei@demo'] as const;
/** Routes another engineer owns that do not declare their access yet: the access they are held to meanwhile. */
export const DECLARED_HERE: Record<string, RuleAccess | 'public' | 'signed-in'> = {
  'POST /api/v1/imports': { action: 'create', subject: 'import' },
  'GET /api/v1/imports/templates/dynamic-reports': { action: 'create', subject: 'import' },
  'GET /api/v1/imports/:id': 'signed-in',
};
export const LOGOUT = new Set(['POST /logout', 'POST /api/v1/auth/logout']);
/** Query strings a route needs before its handler looks at the caller (routes whose access is held here). */
export const QUERIES: Record<string, string> = { 'GET /api/v1/imports/templates/dynamic-reports': '?year=2025' };

export interface Caller {
  name: string;
  actor: Actor;
  headers: Record<string, string>;
}

export interface Probe {
  route: DeclaredRoute;
  access: RuleAccess | 'public' | 'signed-in';
  url: string;
  world: World['name'];
  action?: string;
  subjectKey?: string;
}

export const key = (route: Pick<DeclaredRoute, 'method' | 'url'>) => `${route.method} ${route.url}`;

/** The application each fixed action is probed on: one whose state offers it where it is a transition. */
const APPLICATION_FOR: Record<string, ApplicationState> = { read: 'city_review', update: 'draft', review: 'national_expert_review', 'declare-conflict': 'national_expert_review' };

function subjectKeyOf(access: RuleAccess, world: World, action: string | undefined): string {
  const lookup = access.lookup ?? access.subject;
  switch (lookup) {
    case 'application': return String(world.applications[APPLICATION_FOR[action ?? access.action] ?? 'city_review']);
    case 'evaluation': return String(world.evaluation);
    case 'ehs-register': case 'enterprise': return String(world.enterprise);
    case 'annual-data': return String(world.factory);
    case 'list-entry': return String(world.listEntry);
    case 'list-entry-change': return String(world.change);
    case 'notice': return String(world.notice);
    case 'batch': return world.batch;
    case 'panel': return String(world.panel);
    case 'certificate': return world.certificate;
    case 'dynamic-report': return String(world.report);
    default: throw new Error(`no matrix subject for lookup ${lookup}`);
  }
}

/** The value of a path parameter that does not name the route's subject. */
function otherParam(name: string, url: string, world: World, fixtures: MatrixWorlds): string {
  if (name === 'id') {
    if (url.includes('/enterprises/')) return String(world.enterprise);
    if (url.includes('/notices/')) return String(world.notice);
    if (url.includes('/batches/')) return 'national-factory-2025';
    if (url.includes('/lists/entries/')) return String(world.listEntry);
    if (url.startsWith('/frameworks/factors/')) return listFactorSets()[0]!.id;
    if (url.includes('/frameworks/')) return 'gbt36132-2025';
    if (url.includes('/webhooks/')) return String(fixtures.webhookId);
    if (url.includes('/panels/')) return String(world.panel);
    if (url.includes('/imports/')) return '1';
  }
  const values: Record<string, string> = {
    enterpriseId: String(world.enterprise), factoryId: String(world.factory), year: '2025', reportId: String(world.report),
    applicationId: String(world.applications.national_expert_review), number: world.certificate, batch: 'national-factory-2025', province: '360000',
    name: 'site.css', kind: 'inspection-readings', reference: fixtures.contactReference, file: url.includes('sitemaps') ? 'enterprises-1.xml' : 'enterprises.csv',
    slug: url.includes('open-data') ? 'national-factory-2025' : fixtures.newsSlug,
  };
  return values[name] ?? '1';
}

function fillPath(route: DeclaredRoute, params: Record<string, string>, world: World, fixtures: MatrixWorlds): string {
  return route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? otherParam(name, route.url, world, fixtures)));
}

export function probesOf(route: DeclaredRoute, access: Probe['access'], fixtures: MatrixWorlds): Probe[] {
  const worlds = isRuleAccess(access) && access.id !== undefined ? [fixtures.jiangxi, fixtures.hubei] : [fixtures.jiangxi];
  const probes: Probe[] = [];
  for (const world of worlds) {
    if (isRuleAccess(access) && access.action.startsWith(':')) {
      // Every action of the table out of every state the demo seeds, on that state's application.
      for (const [state, id] of Object.entries(world.applications) as [ApplicationState, number][]) {
        for (const action of new Set(TRANSITIONS[state].map((t) => t.action))) {
          probes.push({ route, access, world: world.name, action, subjectKey: String(id), url: fillPath(route, { [access.action.slice(1)]: action, [access.id!]: String(id) }, world, fixtures) });
        }
      }
      continue;
    }
    const subjectKey = isRuleAccess(access) && access.id !== undefined ? subjectKeyOf(access, world, undefined) : undefined;
    probes.push({ route, access, world: world.name, ...(subjectKey === undefined ? {} : { subjectKey }), url: fillPath(route, isRuleAccess(access) && access.id !== undefined ? { [access.id]: subjectKey! } : {}, world, fixtures) });
  }
  return probes;
}

/** Some rule gives the action on the subject type to the public or to one of the caller's roles. */
export function someRuleGives(actor: Actor, action: string, subjectType: string): boolean {
  return listRules().some((rule) => rule.subjectType === subjectType && rule.actions.includes(action) && (rule.audience.includes('public') || (actor.kind === 'user' && actor.memberships.some((m) => rule.audience.includes(m.role)))));
}

export async function expectAllowed(store: Store, probe: Probe, caller: Caller): Promise<boolean> {
  const { access } = probe;
  if (access === 'public') return true;
  if (access === 'signed-in') return caller.actor.kind === 'user';
  const action = probe.action ?? access.action;
  if (probe.subjectKey === undefined) return someRuleGives(caller.actor, action, access.subject);
  const fields = await loadPolicySubject(store.db, access.lookup ?? access.subject, probe.subjectKey);
  assert.ok(fields !== undefined, `${key(probe.route)}: the matrix subject ${probe.subjectKey} exists`);
  return can(caller.actor, action, { ...fields, type: access.subject });
}

export function verdict(response: LightMyRequestResponse, web: boolean): 'refused-public' | 'refused-user' | 'allowed' | string {
  const status = response.statusCode;
  const location = String(response.headers.location ?? '');
  if (status >= 500) return `error ${status}: ${response.body.slice(0, 300)}`;
  if (status === 303 && /^(\/en)?\/login\?next=/.test(location)) return 'refused-public';
  // On the site a refusal of the public is the redirect above; a 401 page is the sign-in form's own "wrong password".
  if (status === 401 && !web) return 'refused-public';
  if (status === 403) {
    const code = /"code":"([A-Z_]+)"/.exec(response.body)?.[1] ?? (response.body.includes('CSRF') ? 'CSRF' : 'FORBIDDEN');
    return code === 'CSRF' ? `csrf refusal: ${response.body.slice(0, 200)}` : 'refused-user';
  }
  return 'allowed';
}

export async function call(app: FastifyInstance, probe: Probe, caller: Caller): Promise<LightMyRequestResponse> {
  const { method, web } = probe.route;
  const headers: Record<string, string> = { ...caller.headers, accept: web ? 'text/html' : 'application/json' };
  const url = probe.url + (QUERIES[key(probe.route)] ?? '');
  if (method === 'GET' || method === 'DELETE') return app.inject({ method, url, headers });
  if (web) return app.inject({ method: method as 'POST', url, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
  return app.inject({ method: method as 'POST', url, headers, payload: {} });
}

/** Signs a demo user in straight through the command (the sign-in route is rate-limited); the actor as the rules see it. */
export async function demoCaller(store: Store, email: string): Promise<Caller> {
  const session = await signIn(store, { email, password: 'greenlist-demo' });
  const userId = (await store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const actor: UserActor = { kind: 'user', userId, email, displayName: email, memberships: await loadMemberships(store.db, userId) };
  return { name: email, actor, headers: { cookie: `gl_session=${session.token}`, 'x-csrf-token': session.csrfToken } };
}

/** The public, holding the double-submitted form token a page would have given it. */
export async function publicCaller(app: FastifyInstance): Promise<Caller> {
  const form = await app.inject({ method: 'GET', url: '/contact' });
  const formToken = form.cookies.find((c) => c.name === 'gl_form')!.value;
  return { name: 'public', actor: { kind: 'public', clientKey: 'test' }, headers: { cookie: `gl_form=${formToken}`, 'x-csrf-token': formToken } };
}
