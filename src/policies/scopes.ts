/** The scope predicates rules are written with. */
import type { Membership } from '../domain/actors/actor.ts';
import type { Predicate, Subject } from './policy.ts';

/**
 * An authority membership covers a subject in its region: the national authority covers
 * every region, a province its province (by the first two digits of GB/T 2260), a city
 * its prefecture-level city (first four digits).
 */
export function coversRegion(membership: Membership | null, subject: Subject): boolean {
  if (membership === null || membership.regionCode === null) return false;
  if (membership.authorityLevel === 'national') return true;
  if (membership.authorityLevel === 'province') return subject.provinceCode != null && subject.provinceCode.slice(0, 2) === membership.regionCode.slice(0, 2);
  if (membership.authorityLevel === 'city') return subject.cityCode != null && subject.cityCode.slice(0, 4) === membership.regionCode.slice(0, 4);
  return false;
}

export const inRegion: Predicate = (membership, subject) => coversRegion(membership, subject);

export const ownEnterprise: Predicate = (membership, subject) => membership !== null && membership.enterpriseId !== null && membership.enterpriseId === subject.enterpriseId;

export const ownEvaluatorOrg: Predicate = (membership, subject) => membership !== null && membership.evaluatorOrgId !== null && membership.evaluatorOrgId === subject.evaluatorOrgId;

export const ownAuthority: Predicate = (membership, subject) => membership !== null && membership.authorityId !== null && membership.authorityId === subject.authorityId;

/** Holds for a membership at the given authority level (e.g. only national reviewers). */
export function atLevel(level: 'national' | 'province' | 'city', inner?: Predicate): Predicate {
  return (membership, subject, actor) => membership !== null && membership.authorityLevel === level && (inner === undefined || inner(membership, subject, actor));
}

export function everyOf(...predicates: Predicate[]): Predicate {
  return (membership, subject, actor) => predicates.every((p) => p(membership, subject, actor));
}
