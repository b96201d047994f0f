/**
 * Key rotation: the authority's current key is retired (it signs nothing more, and stays
 * published so every certificate it signed still verifies) and a fresh key becomes current.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { findAuthorityByCode, lockAuthority } from '../../store/queries/certificate-sources.ts';
import { findCurrentSigningKey } from '../../store/repositories/signing-keys.ts';
import type { Store } from '../../store/store.ts';
import { createSigningKey, retireKey } from './signing-keys.ts';

export async function rotateSigningKey(store: Store, actor: Actor, input: { authorityCode: string; reason?: string }): Promise<{ retiredKeyId: string | null; currentKeyId: string }> {
  const code = input.authorityCode.trim();
  if (code === '') throw invalid('authority', 'name the authority by its code, e.g. MIIT or 360000 / 请填写发证机关代码');
  const found = await findAuthorityByCode(store.db, code);
  if (found === undefined) throw new AppError('NOT_FOUND', `authority ${code} not found / 未找到该机关`);
  authorize(actor, 'rotate', { type: 'signing-key', authorityId: found.id, provinceCode: found.region_code, cityCode: found.region_code });
  return store.transaction(async (trx) => {
    const context = { trx, store, actor };
    const authority = await lockAuthority(trx, store.capabilities, found.id);
    const current = await findCurrentSigningKey(trx, authority.id);
    if (current !== undefined) await retireKey(context, current.id, input.reason?.trim() || 'rotation');
    const fresh = await createSigningKey(context, authority);
    return { retiredKeyId: current?.id ?? null, currentKeyId: fresh.id };
  });
}
