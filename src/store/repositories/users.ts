/** Users, their memberships and their sessions. */
import type { Membership, Role, UserActor } from '../../domain/actors/actor.ts';
import { now, type Executor } from '../store.ts';
import type { Row } from '../schema.ts';

export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function insertUser(db: Executor, user: { email: string; passwordHash: string; displayName: string; locale?: string }): Promise<Row<'users'>> {
  return db
    .insertInto('users')
    .values({ email: user.email.trim().toLowerCase(), password_hash: user.passwordHash, display_name: user.displayName, locale: user.locale ?? 'zh-CN', status: 'active', failed_logins: 0, created_at: now() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertMembership(db: Executor, membership: { userId: number; role: Role; authorityId?: number | null; enterpriseId?: number | null; evaluatorOrgId?: number | null }): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: membership.userId, role: membership.role, authority_id: membership.authorityId ?? null, enterprise_id: membership.enterpriseId ?? null, evaluator_org_id: membership.evaluatorOrgId ?? null, created_at: now() })
    .execute();
}

export async function loadMemberships(db: Executor, userId: number): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .leftJoin('authorities as a', 'a.id', 'm.authority_id')
    .select(['m.role', 'm.authority_id', 'm.enterprise_id', 'm.evaluator_org_id', 'a.level', 'a.region_code'])
    .where('m.user_id', '=', userId)
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    role: r.role as Role,
    authorityId: r.authority_id,
    authorityLevel: (r.level as Membership['authorityLevel']) ?? null,
    regionCode: r.region_code ?? null,
    enterpriseId: r.enterprise_id,
    evaluatorOrgId: r.evaluator_org_id,
  }));
}

export async function loadUserActor(db: Executor, user: Pick<Row<'users'>, 'id' | 'email' | 'display_name'>): Promise<UserActor> {
  return { kind: 'user', userId: user.id, email: user.email, displayName: user.display_name, memberships: await loadMemberships(db, user.id) };
}

export function findSession(db: Executor, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.csrf_token', 's.expires_at', 's.last_seen_at', 'u.email', 'u.display_name', 'u.status'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}
