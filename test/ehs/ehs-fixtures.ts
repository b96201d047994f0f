/**
 * A small world for EHS tests: a silicone plant in 九江 (Jiangxi), a chemical plant in
 * 武汉 (Hubei), and actors of every relevant role built directly (no sign-in needed for
 * command tests).
 */
import type { Membership, UserActor } from '../../src/domain/actors/actor.ts';
import { composeCreditCode } from '../../src/domain/credit-code/make-credit-code.ts';
import { insertEnterprise } from '../../src/store/repositories/enterprises.ts';
import type { Store } from '../../src/store/store.ts';

export interface EhsWorld {
  plantId: number;
  wuhanPlantId: number;
  plant: UserActor;
  wuhanPlant: UserActor;
  jiangxi: UserActor;
  jiujiang: UserActor;
  hubei: UserActor;
  national: UserActor;
}

function actor(userId: number, membership: Partial<Membership>): UserActor {
  return { kind: 'user', userId, email: `u${userId}@test`, displayName: `user ${userId}`, memberships: [{ role: 'city', authorityId: null, authorityLevel: null, regionCode: null, enterpriseId: null, evaluatorOrgId: null, ...membership }] };
}

export async function ehsWorld(store: Store): Promise<EhsWorld> {
  const plant = await insertEnterprise(store.db, { creditCode: composeCreditCode({ regionCode: '360425', organizationBody: '15871234' }), nameZh: '江西蓝星星火有机硅有限公司', nameEn: 'Jiangxi Bluestar Xinghuo Organic Silicone Co., Ltd.', industryCode: '2614', provinceCode: '360000', cityCode: '360400', regionCode: '360425', address: '', legalRepresentative: '' });
  const wuhan = await insertEnterprise(store.db, { creditCode: composeCreditCode({ regionCode: '420100', organizationBody: '30000001' }), nameZh: '武汉示例化工有限公司', nameEn: 'Wuhan Example Chemicals Co., Ltd.', industryCode: '2614', provinceCode: '420000', cityCode: '420100', regionCode: '420100', address: '', legalRepresentative: '' });
  return {
    plantId: plant.id,
    wuhanPlantId: wuhan.id,
    plant: actor(1, { role: 'enterprise', enterpriseId: plant.id }),
    wuhanPlant: actor(2, { role: 'enterprise', enterpriseId: wuhan.id }),
    jiangxi: actor(3, { role: 'province', authorityLevel: 'province', regionCode: '360000', authorityId: 2 }),
    jiujiang: actor(4, { role: 'city', authorityLevel: 'city', regionCode: '360400', authorityId: 3 }),
    hubei: actor(5, { role: 'province', authorityLevel: 'province', regionCode: '420000', authorityId: 4 }),
    national: actor(6, { role: 'national', authorityLevel: 'national', regionCode: '000000', authorityId: 1 }),
  };
}

/** The smallest valid PDF header: enough for the content sniffer. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n% greenlist test evidence\n%%EOF\n');
