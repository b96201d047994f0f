/**
 * What every EHS command does first and last: load the enterprise whose register it
 * touches, authorize the actor ('read' or 'write' on its 'ehs-register'), and write the
 * audit event of the change in the same transaction.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { authorize, type Subject } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { findEnterpriseById } from '../../store/repositories/enterprises.ts';
import type { Row } from '../../store/schema.ts';
import type { Executor, Store } from '../../store/store.ts';

export type RegisterAction = 'read' | 'write';

export function registerSubject(enterprise: Pick<Row<'enterprises'>, 'id' | 'province_code' | 'city_code'>): Subject {
  return { type: 'ehs-register', enterpriseId: enterprise.id, provinceCode: enterprise.province_code, cityCode: enterprise.city_code };
}

/** Loads the enterprise (NOT_FOUND) and authorizes the actor on its register (FORBIDDEN). */
export async function openRegister(db: Executor, actor: Actor, action: RegisterAction, enterpriseId: number): Promise<Row<'enterprises'>> {
  if (!Number.isInteger(enterpriseId) || enterpriseId < 1) throw invalid('enterpriseId', 'must be a positive integer');
  const enterprise = await findEnterpriseById(db, enterpriseId);
  if (enterprise === undefined) throw notFound(`enterprise ${enterpriseId}`);
  authorize(actor, action, registerSubject(enterprise));
  return enterprise;
}

export async function auditRegisterChange(trx: Executor, store: Store, actor: Actor, change: { enterpriseId: number; action: string; subjectType: string; subjectId: number | string; data?: Record<string, unknown> }): Promise<void> {
  await appendAuditEvent(trx, store.capabilities, {
    actorUserId: actorUserId(actor),
    actorLabel: actorLabel(actor),
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    enterpriseId: change.enterpriseId,
    ...(change.data === undefined ? {} : { data: change.data }),
  });
}

/** A required line of text, trimmed, within bounds; the message names the field in both languages. */
export function requiredText(path: string, value: string | undefined | null, max = 500, min = 1): string {
  const text = (value ?? '').trim();
  if ([...text].length < min) throw invalid(path, `is required / 必填`);
  if ([...text].length > max) throw invalid(path, `must be at most ${max} characters / 不得超过${max}个字符`);
  return text;
}

export function optionalText(path: string, value: string | undefined | null, max = 2000): string {
  const text = (value ?? '').trim();
  if ([...text].length > max) throw invalid(path, `must be at most ${max} characters / 不得超过${max}个字符`);
  return text;
}

/** Options every EHS command takes: the day it runs, in Asia/Shanghai (tests pass it in). */
export interface RegisterOptions {
  today?: string;
}
