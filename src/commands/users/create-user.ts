/**
 * An administrator creates a user with one role: an authority role (admin, national,
 * province, city, expert) in an authority of the administrator's region, an enterprise
 * role for an enterprise of that region, or an evaluator role for an evaluator
 * organisation. Passwords are hashed with argon2id; the audit event never holds them.
 */
import { hasRole, isRole, type Actor, actorLabel, actorUserId, type Role } from '../../domain/actors/actor.ts';
import { hashPassword, PASSWORD_RULES } from '../../domain/actors/passwords.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { cityCodeOf, provinceCodeOf } from '../../domain/reference/regions.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { findUserByEmail, insertMembership, insertUser } from '../../store/repositories/users.ts';
import type { Store } from '../../store/store.ts';

export interface CreateUserInput {
  email: string;
  displayName: string;
  password: string;
  role: string;
  /** The authority the role is held in (authority roles), or whose region scopes the enterprise/evaluator. */
  authorityId?: number;
  enterpriseId?: number;
  evaluatorOrgId?: number;
}

const AUTHORITY_ROLES: readonly Role[] = ['admin', 'national', 'province', 'city', 'expert'];

export function authoritySubject(authority: { id: number; region_code: string; level: string }) {
  const national = authority.level === 'national';
  return { type: 'authority', authorityId: authority.id, provinceCode: national ? null : provinceCodeOf(authority.region_code), cityCode: national ? null : (cityCodeOf(authority.region_code) ?? null), level: authority.level };
}

export async function createUser(store: Store, actor: Actor, input: CreateUserInput): Promise<{ id: number; email: string }> {
  // Only administrators get as far as validation; the region check follows once the scope is known.
  if (actor.kind !== 'system' && !hasRole(actor, 'admin')) authorize(actor, 'manage-users', { type: 'authority' });
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 200) throw invalid('email', 'must be an e-mail address / 请输入邮箱地址');
  const displayName = input.displayName.trim();
  if (displayName.length < 2 || displayName.length > 100) throw invalid('displayName', 'must be 2 to 100 characters / 姓名为2至100个字符');
  if (input.password.length < PASSWORD_RULES.minLength || input.password.length > PASSWORD_RULES.maxLength) throw invalid('password', `must be ${PASSWORD_RULES.minLength} to ${PASSWORD_RULES.maxLength} characters / 密码长度为${PASSWORD_RULES.minLength}至${PASSWORD_RULES.maxLength}位`);
  if (!isRole(input.role)) throw invalid('role', `unknown role "${input.role}" / 未知角色`);
  const role = input.role;

  // The administrator must administer the region the new role lives in.
  let scope: { type: string; authorityId?: number | null; provinceCode?: string | null; cityCode?: string | null };
  if (AUTHORITY_ROLES.includes(role)) {
    if (input.authorityId === undefined) throw invalid('authorityId', 'an authority is required for this role / 该角色须指定所属主管部门');
    const authority = await store.db.selectFrom('authorities').selectAll().where('id', '=', input.authorityId).executeTakeFirst();
    if (authority === undefined) throw invalid('authorityId', 'no such authority / 主管部门不存在');
    const levelOfRole: Partial<Record<Role, string>> = { national: 'national', province: 'province', city: 'city' };
    if (levelOfRole[role] !== undefined && levelOfRole[role] !== authority.level) throw invalid('role', `a ${role} reviewer belongs to a ${levelOfRole[role]} authority / 角色与主管部门层级不符`);
    scope = authoritySubject(authority);
  } else if (role === 'enterprise') {
    if (input.enterpriseId === undefined) throw invalid('enterpriseId', 'an enterprise is required / 须指定企业');
    const enterprise = await store.db.selectFrom('enterprises').select(['id', 'province_code', 'city_code']).where('id', '=', input.enterpriseId).executeTakeFirst();
    if (enterprise === undefined) throw invalid('enterpriseId', 'no such enterprise / 企业不存在');
    scope = { type: 'authority', provinceCode: enterprise.province_code, cityCode: enterprise.city_code };
  } else {
    if (input.evaluatorOrgId === undefined) throw invalid('evaluatorOrgId', 'an evaluator organisation is required / 须指定第三方评价机构');
    const org = await store.db.selectFrom('evaluator_orgs').select(['id', 'region_code']).where('id', '=', input.evaluatorOrgId).executeTakeFirst();
    if (org === undefined) throw invalid('evaluatorOrgId', 'no such evaluator organisation / 评价机构不存在');
    scope = { type: 'authority', provinceCode: provinceCodeOf(org.region_code), cityCode: cityCodeOf(org.region_code) ?? null };
  }
  authorize(actor, 'manage-users', scope);

  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (trx) => {
    if ((await findUserByEmail(trx, email)) !== undefined) throw new AppError('CONFLICT', `a user with e-mail ${email} exists / 该邮箱已注册`, { path: 'email' });
    const user = await insertUser(trx, { email, passwordHash, displayName });
    await insertMembership(trx, { userId: user.id, role, authorityId: input.authorityId ?? null, enterpriseId: role === 'enterprise' ? (input.enterpriseId ?? null) : null, evaluatorOrgId: role === 'evaluator' ? (input.evaluatorOrgId ?? null) : null });
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'user.created', subjectType: 'user', subjectId: user.id, enterpriseId: null, data: { email, role, authorityId: input.authorityId ?? null, enterpriseId: input.enterpriseId ?? null, evaluatorOrgId: input.evaluatorOrgId ?? null } });
    return { id: user.id, email };
  });
}
