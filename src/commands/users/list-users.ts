/** The users an administrator may see: those with a membership in the administrator's region. */
import type { Actor } from '../../domain/actors/actor.ts';
import { cityCodeOf, provinceCodeOf } from '../../domain/reference/regions.ts';
import { authorize, can } from '../../policies/index.ts';
import { listUserDirectory, type DirectoryMembership, type DirectoryUser } from '../../store/queries/user-directory.ts';
import type { Store } from '../../store/store.ts';

export function membershipScope(m: DirectoryMembership) {
  const region = m.authorityLevel === 'national' ? null : (m.regionCode ?? m.enterpriseProvinceCode ?? m.evaluatorRegionCode);
  if (m.enterpriseProvinceCode !== null) return { type: 'authority', provinceCode: m.enterpriseProvinceCode, cityCode: m.enterpriseCityCode };
  if (region === null) return { type: 'authority', provinceCode: null, cityCode: null };
  return { type: 'authority', provinceCode: provinceCodeOf(region), cityCode: cityCodeOf(region) ?? null };
}

export async function listUsers(store: Store, actor: Actor, options: { query?: string } = {}): Promise<DirectoryUser[]> {
  // An administrator of any region may open the directory; rows are filtered to their region.
  const adminOf = actor.kind === 'user' ? actor.memberships.find((m) => m.role === 'admin') : undefined;
  authorize(actor, 'read-users', { type: 'authority', provinceCode: adminOf?.regionCode ?? null, cityCode: adminOf?.regionCode ?? null });
  const users = await listUserDirectory(store.db, options);
  return users.filter((u) => u.memberships.length === 0 ? actor.kind === 'user' && actor.memberships.some((m) => m.role === 'admin' && m.authorityLevel === 'national') : u.memberships.some((m) => can(actor, 'read-users', membershipScope(m))));
}
