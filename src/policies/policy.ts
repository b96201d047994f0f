/**
 * Permissions as declarative rules: `allow(roles, actions, subjectType, predicate?)`.
 * A rule grants an action on a kind of subject to a role, optionally only where the
 * predicate holds for one of the actor's memberships in that role (region scope, own
 * enterprise, own engagement…). Nothing is allowed unless a rule says so.
 * `authorize` is called on the server by every command; the permission-matrix test
 * walks `listRules()`.
 */
import type { Actor, Membership, Role } from '../domain/actors/actor.ts';
import { AppError } from '../domain/errors.ts';

/** Who a rule is for: signed-in roles, or 'public' (anyone, signed in or not). */
export type Audience = Role | 'public';

/** What an action is done to. Commands build subjects from the records they loaded. */
export interface Subject {
  type: string;
  /** Region of the subject (GB/T 2260), for region-scoped rules. */
  provinceCode?: string | null;
  cityCode?: string | null;
  enterpriseId?: number | null;
  evaluatorOrgId?: number | null;
  authorityId?: number | null;
  [key: string]: unknown;
}

export type Predicate = (membership: Membership | null, subject: Subject, actor: Actor) => boolean;

export interface Rule {
  audience: readonly Audience[];
  actions: readonly string[];
  subjectType: string;
  predicate?: Predicate;
  /** Plain-words description of the scope, for docs and the permission matrix. */
  scope: string;
}

const RULES: Rule[] = [];

export function allow(audience: Audience | readonly Audience[], actions: string | readonly string[], subjectType: string, scope: string, predicate?: Predicate): void {
  RULES.push({ audience: typeof audience === 'string' ? [audience] : audience, actions: typeof actions === 'string' ? [actions] : actions, subjectType, scope, ...(predicate === undefined ? {} : { predicate }) });
}

export function listRules(): readonly Rule[] {
  return RULES;
}

function ruleGrants(rule: Rule, actor: Actor, action: string, subject: Subject): boolean {
  if (rule.subjectType !== subject.type || !rule.actions.includes(action)) return false;
  if (rule.audience.includes('public') && (rule.predicate === undefined || rule.predicate(null, subject, actor))) return true;
  if (actor.kind === 'system') return false;
  if (actor.kind !== 'user') return false;
  return actor.memberships.some((m) => rule.audience.includes(m.role) && (rule.predicate === undefined || rule.predicate(m, subject, actor)));
}

/** True when some rule lets the actor do the action to the subject. The system actor may do anything. */
export function can(actor: Actor, action: string, subject: Subject): boolean {
  if (actor.kind === 'system') return true;
  return RULES.some((rule) => ruleGrants(rule, actor, action, subject));
}

/** Throws UNAUTHENTICATED for the public, FORBIDDEN for a signed-in user without a rule. */
export function authorize(actor: Actor, action: string, subject: Subject): void {
  if (can(actor, action, subject)) return;
  if (actor.kind === 'public') throw new AppError('UNAUTHENTICATED', `Sign in to ${action} / 请先登录`);
  throw new AppError('FORBIDDEN', `Not allowed: ${action} on this ${subject.type} (role or region) / 无权执行此操作（角色或地区不符）`);
}

/** Every action name any rule mentions for a subject type. */
export function actionsOf(subjectType: string): string[] {
  return [...new Set(RULES.filter((r) => r.subjectType === subjectType).flatMap((r) => r.actions))].sort();
}
