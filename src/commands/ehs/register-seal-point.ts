/**
 * Adds a seal point (密封点) to an enterprise's LDAR inventory: its tag (unique within the
 * enterprise), process unit, component type, medium class (which sets its leak threshold),
 * substance and location.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { COMPONENT_TYPES, isComponentType, isMediumClass } from '../../domain/ehs/ldar.ts';
import { MEDIUM_CLASSES } from '../../domain/ehs/ehs-reference.ts';
import { findSealPointByTag, insertSealPoint } from '../../store/repositories/ehs/ehs-ldar.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, optionalText, requiredText } from './ehs-register-access.ts';

export interface RegisterSealPointInput {
  enterpriseId: number;
  tag: string;
  unit: string;
  componentType: string;
  medium: string;
  substance?: string;
  location?: string;
}

/** Tags as plants paint them on equipment: letters, digits and - _ . / (no spaces). */
export const SEAL_POINT_TAG = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,39}$/;

export function assertSealPointTag(path: string, tag: string): string {
  const trimmed = tag.trim();
  if (!SEAL_POINT_TAG.test(trimmed)) throw invalid(path, 'a tag is 1–40 letters, digits or - _ . / / 密封点编号为1–40位字母、数字或 - _ . /');
  return trimmed;
}

export async function registerSealPoint(store: Store, actor: Actor, input: RegisterSealPointInput): Promise<Row<'ehs_seal_points'>> {
  const tag = assertSealPointTag('tag', input.tag);
  const unit = requiredText('unit', input.unit, 60);
  if (!isComponentType(input.componentType)) throw invalid('componentType', `must be one of ${COMPONENT_TYPES.join(', ')}`);
  if (!isMediumClass(input.medium)) throw invalid('medium', `must be one of ${MEDIUM_CLASSES.join(', ')}`);
  const substance = optionalText('substance', input.substance, 100);
  const location = optionalText('location', input.location, 200);
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    if ((await findSealPointByTag(trx, enterprise.id, tag)) !== undefined) throw new AppError('CONFLICT', `seal point ${tag} is already registered / 密封点编号已存在`, { path: 'tag' });
    const point = await insertSealPoint(trx, { enterprise_id: enterprise.id, factory_id: null, tag, unit, component_type: input.componentType, medium: input.medium, substance, location });
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.seal-point.registered', subjectType: 'ehs_seal_point', subjectId: point.id, data: { tag, unit, medium: input.medium } });
    return point;
  });
}
