/**
 * Who is acting. A signed-in user holds one or more memberships, each a role within an
 * authority (with its GB/T 2260 region), an enterprise or an evaluator organisation.
 */
export const ROLES = ['admin', 'national', 'province', 'city', 'evaluator', 'expert', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface Membership {
  role: Role;
  authorityId: number | null;
  /** Level and region of the authority, when the membership is held in one. */
  authorityLevel: 'national' | 'province' | 'city' | null;
  regionCode: string | null;
  enterpriseId: number | null;
  evaluatorOrgId: number | null;
}

export interface UserActor {
  kind: 'user';
  userId: number;
  email: string;
  displayName: string;
  memberships: readonly Membership[];
}

export interface PublicActor {
  kind: 'public';
  /** A stable, non-reversible key of the client address, for rate limits and abuse records. */
  clientKey: string;
}

export interface SystemActor {
  kind: 'system';
  /** 'scheduler', 'seed', 'cli' … */
  label: string;
}

export type Actor = UserActor | PublicActor | SystemActor;

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : actor.kind === 'system' ? actor.label : 'public';
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.memberships.some((m) => m.role === role);
}

export function membershipsWithRole(actor: Actor, role: Role): Membership[] {
  return actor.kind === 'user' ? actor.memberships.filter((m) => m.role === role) : [];
}

/** The role named first for display (history rows say "province reviewer", not an e-mail). */
export function primaryRole(actor: Actor): string {
  if (actor.kind !== 'user') return actor.kind === 'system' ? 'system' : 'public';
  return actor.memberships[0]?.role ?? 'user';
}
