/**
 * The enterprise keeps its factory profile: the registered address and legal
 * representative, and each factory's names, address and site area. Its registered names
 * and credit code are not edited here: a name change is declared as a rename of its
 * listed entries (request-entry-change.ts) and follows the registry.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';

export interface FactoryProfileInput {
  factoryId: number;
  nameZh: string;
  nameEn: string;
  address: string;
  siteAreaM2: number | null;
}

export interface UpdateEnterpriseProfileInput {
  enterpriseId: number;
  address: string;
  legalRepresentative: string;
  factories: FactoryProfileInput[];
}

function text(value: string, path: string, min: number, max: number): string {
  const trimmed = (value ?? '').trim();
  const length = [...trimmed].length;
  if (length < min || length > max) throw invalid(path, `must be ${min} to ${max} characters / 长度须为${min}至${max}个字符`);
  return trimmed;
}

export async function updateEnterpriseProfile(store: Store, actor: Actor, input: UpdateEnterpriseProfileInput): Promise<Row<'enterprises'>> {
  const address = text(input.address, 'address', 4, 200);
  const legalRepresentative = text(input.legalRepresentative, 'legalRepresentative', 2, 50);
  const factories = input.factories.map((f, i) => {
    if (f.siteAreaM2 !== null && (!Number.isFinite(f.siteAreaM2) || f.siteAreaM2 <= 0)) throw invalid(`factories[${i}].siteAreaM2`, 'must be a positive area in m² / 须为正数（平方米）');
    return { id: f.factoryId, name_zh: text(f.nameZh, `factories[${i}].nameZh`, 2, 100), name_en: text(f.nameEn, `factories[${i}].nameEn`, 0, 200), address: text(f.address, `factories[${i}].address`, 4, 200), site_area_m2: f.siteAreaM2 };
  });
  return store.transaction(async (trx) => {
    const enterprise = await store.capabilities.forUpdate(trx.selectFrom('enterprises').selectAll().where('id', '=', input.enterpriseId)).executeTakeFirst();
    if (enterprise === undefined) throw notFound(`enterprise ${input.enterpriseId}`);
    authorize(actor, 'update-profile', { type: 'enterprise', enterpriseId: enterprise.id, provinceCode: enterprise.province_code, cityCode: enterprise.city_code });
    const own = await trx.selectFrom('factories').select('id').where('enterprise_id', '=', enterprise.id).execute();
    for (const [i, factory] of factories.entries()) {
      if (!own.some((f) => f.id === factory.id)) throw invalid(`factories[${i}].factoryId`, `factory ${factory.id} is not one of the enterprise's / 非本企业工厂`);
      await trx.updateTable('factories').set({ name_zh: factory.name_zh, name_en: factory.name_en, address: factory.address, site_area_m2: factory.site_area_m2 }).where('id', '=', factory.id).execute();
    }
    const updated = await trx.updateTable('enterprises').set({ address, legal_representative: legalRepresentative, updated_at: now() }).where('id', '=', enterprise.id).returningAll().executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'enterprise.profile-updated', subjectType: 'enterprise', subjectId: enterprise.id, enterpriseId: enterprise.id, data: { factories: factories.map((f) => f.id) } });
    return updated;
  });
}
