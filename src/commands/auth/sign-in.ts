/**
 * Signs a user in: checks the password (argon2id), counts failures and locks the
 * account for LOCK_MINUTES after MAX_FAILURES in a row, and opens a server-side session.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { decoyHash, verifyPassword } from '../../domain/actors/passwords.ts';
import type { UserActor } from '../../domain/actors/actor.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { findUserByEmail, loadUserActor } from '../../store/repositories/users.ts';
import { now, type Store } from '../../store/store.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

export interface SignInResult {
  /** The bearer secret: goes into the cookie only; the database keeps its hash. */
  token: string;
  csrfToken: string;
  expiresAt: string;
  actor: UserActor;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function signIn(store: Store, input: { email: string; password: string }): Promise<SignInResult> {
  const wrong = new AppError('UNAUTHENTICATED', 'E-mail or password is wrong / 邮箱或密码错误');
  const user = await findUserByEmail(store.db, input.email);
  if (user === undefined || user.status !== 'active') {
    await verifyPassword(await decoyHash(), input.password);
    throw wrong;
  }
  const at = now();
  if (user.locked_until !== null && user.locked_until > at) {
    throw new AppError('LOCKED', `Account locked after ${MAX_FAILURES} failed sign-ins until ${user.locked_until} / 连续 ${MAX_FAILURES} 次登录失败，账户锁定至 ${user.locked_until}`);
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    const failures = (user.locked_until !== null ? 0 : user.failed_logins) + 1;
    const lock = failures >= MAX_FAILURES ? new Date(Date.now() + LOCK_MINUTES * 60_000).toISOString() : null;
    await store.transaction(async (trx) => {
      await trx.updateTable('users').set({ failed_logins: lock === null ? failures : 0, locked_until: lock }).where('id', '=', user.id).execute();
      if (lock !== null) {
        await appendAuditEvent(trx, store.capabilities, { actorUserId: null, actorLabel: 'public', action: 'user.locked', subjectType: 'user', subjectId: user.id, enterpriseId: null, data: { failures, until: lock } });
      }
    });
    if (lock !== null) throw new AppError('LOCKED', `Account locked after ${MAX_FAILURES} failed sign-ins until ${lock} / 连续 ${MAX_FAILURES} 次登录失败，账户锁定至 ${lock}`);
    throw wrong;
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await store.transaction(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: at }).where('id', '=', user.id).execute();
    await trx.insertInto('sessions').values({ id: sessionIdOf(token), user_id: user.id, csrf_token: csrfToken, created_at: at, expires_at: expiresAt, last_seen_at: at }).execute();
  });
  return { token, csrfToken, expiresAt, actor: await loadUserActor(store.db, user) };
}

export async function signOut(store: Store, token: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('id', '=', sessionIdOf(token)).execute();
}
