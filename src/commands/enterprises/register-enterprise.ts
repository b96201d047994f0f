/**
 * Registers an enterprise: the credit code is checked (GB 32100-2015 check character),
 * the region and industry must exist in the reference data, and the record and its
 * audit event are written in one transaction.
 */
import { assertCreditCode } from '../../domain/credit-code/credit-code.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { cityCodeOf, getRegion, provinceCodeOf } from '../../domain/reference/regions.ts';
import { getIndustry } from '../../domain/reference/industries.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { findEnterpriseByCreditCode, insertEnterprise } from '../../store/repositories/enterprises.ts';
import type { Store } from '../../store/store.ts';
import type { Row } from '../../store/schema.ts';

export interface RegisterEnterpriseInput {
  creditCode: string;
  nameZh: string;
  nameEn?: string;
  industryCode: string;
  regionCode: string;
  address?: string;
  legalRepresentative?: string;
}

export async function registerEnterprise(store: Store, actor: Actor, input: RegisterEnterpriseInput, options: { isDemo?: boolean } = {}): Promise<Row<'enterprises'>> {
  const creditCode = assertCreditCode('creditCode', input.creditCode);
  const nameZh = input.nameZh.trim();
  if ([...nameZh].length < 2) throw invalid('nameZh', 'must be at least 2 characters / 企业名称至少2个字');
  try {
    getRegion(input.regionCode);
  } catch {
    throw invalid('regionCode', `unknown GB/T 2260 region code "${input.regionCode}" / 未知行政区划代码`);
  }
  try {
    getIndustry(input.industryCode);
  } catch {
    throw invalid('industryCode', `unknown GB/T 4754-2017 industry code "${input.industryCode}" / 未知行业代码`);
  }
  return store.transaction(async (trx) => {
    if ((await findEnterpriseByCreditCode(trx, creditCode)) !== undefined) {
      throw new AppError('CONFLICT', `an enterprise with credit code ${creditCode} is already registered / 该统一社会信用代码已登记`, { path: 'creditCode' });
    }
    const enterprise = await insertEnterprise(trx, {
      creditCode,
      nameZh,
      nameEn: (input.nameEn ?? '').trim(),
      industryCode: input.industryCode,
      provinceCode: provinceCodeOf(input.regionCode),
      cityCode: cityCodeOf(input.regionCode) ?? provinceCodeOf(input.regionCode),
      regionCode: input.regionCode,
      address: (input.address ?? '').trim(),
      legalRepresentative: (input.legalRepresentative ?? '').trim(),
      isDemo: options.isDemo ?? false,
    });
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: 'enterprise.registered',
      subjectType: 'enterprise',
      subjectId: enterprise.id,
      enterpriseId: enterprise.id,
      data: { creditCode, nameZh },
    });
    return enterprise;
  });
}
