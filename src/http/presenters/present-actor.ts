import type { UserActor } from '../../domain/actors/actor.ts';

/** The fields of a user that leave the server. */
export function presentActor(actor: UserActor) {
  return {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    memberships: actor.memberships.map((m) => ({ role: m.role, authorityId: m.authorityId, regionCode: m.regionCode, enterpriseId: m.enterpriseId, evaluatorOrgId: m.evaluatorOrgId })),
  };
}
