/** Users with their memberships and where each membership sits, for the administrators' pages. */
import type { Executor } from '../store.ts';

export interface DirectoryMembership {
  role: string;
  authorityId: number | null;
  authorityNameZh: string | null;
  authorityNameEn: string | null;
  authorityLevel: string | null;
  regionCode: string | null;
  enterpriseId: number | null;
  enterpriseNameZh: string | null;
  enterpriseProvinceCode: string | null;
  enterpriseCityCode: string | null;
  evaluatorOrgId: number | null;
  evaluatorOrgNameZh: string | null;
  evaluatorRegionCode: string | null;
}

export interface DirectoryUser {
  id: number;
  email: string;
  displayName: string;
  status: string;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  memberships: DirectoryMembership[];
}

export async function listUserDirectory(db: Executor, options: { query?: string; limit?: number } = {}): Promise<DirectoryUser[]> {
  let users = db.selectFrom('users').select(['id', 'email', 'display_name', 'status', 'locked_until', 'last_login_at']).orderBy('id').limit(options.limit ?? 500);
  if (options.query) users = users.where('email', 'like', `%${options.query.toLowerCase().replace(/[\\%_]/g, '')}%`);
  const rows = await users.execute();
  if (rows.length === 0) return [];
  const memberships = await db
    .selectFrom('memberships as m')
    .leftJoin('authorities as a', 'a.id', 'm.authority_id')
    .leftJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .leftJoin('evaluator_orgs as o', 'o.id', 'm.evaluator_org_id')
    .select(['m.user_id', 'm.role', 'm.authority_id', 'a.name_zh as authority_name_zh', 'a.name_en as authority_name_en', 'a.level', 'a.region_code', 'm.enterprise_id', 'e.name_zh as enterprise_name_zh', 'e.province_code', 'e.city_code', 'm.evaluator_org_id', 'o.name_zh as org_name_zh', 'o.region_code as org_region_code'])
    .where('m.user_id', 'in', rows.map((r) => r.id))
    .orderBy('m.id')
    .execute();
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    status: u.status,
    lockedUntil: u.locked_until,
    lastLoginAt: u.last_login_at,
    memberships: memberships
      .filter((m) => m.user_id === u.id)
      .map((m) => ({
        role: m.role,
        authorityId: m.authority_id,
        authorityNameZh: m.authority_name_zh,
        authorityNameEn: m.authority_name_en,
        authorityLevel: m.level,
        regionCode: m.region_code,
        enterpriseId: m.enterprise_id,
        enterpriseNameZh: m.enterprise_name_zh,
        enterpriseProvinceCode: m.province_code,
        enterpriseCityCode: m.city_code,
        evaluatorOrgId: m.evaluator_org_id,
        evaluatorOrgNameZh: m.org_name_zh,
        evaluatorRegionCode: m.org_region_code,
      })),
  }));
}

export function listAuthorities(db: Executor) {
  return db.selectFrom('authorities').select(['id', 'code', 'level', 'region_code', 'name_zh', 'name_en', 'parent_id']).orderBy('id').execute();
}

export function listEvaluatorOrgs(db: Executor) {
  return db.selectFrom('evaluator_orgs').select(['id', 'name_zh', 'name_en', 'region_code', 'credit_code', 'legal_representative']).orderBy('id').execute();
}
