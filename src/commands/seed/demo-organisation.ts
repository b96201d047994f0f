/**
 * The demo's organisations and people: MIIT, two provinces with a city each (Jiangxi and
 * 九江 carry the story; Hubei and 武汉 are "another region" for permission checks), the
 * five list types, a third-party evaluator, and one demo user per role.
 */
import { createHash } from 'node:crypto';
import type { Role } from '../../domain/actors/actor.ts';
import { hashPassword } from '../../domain/actors/passwords.ts';
import { composeCreditCode } from '../../domain/credit-code/make-credit-code.ts';
import { PROGRAMMES } from '../../domain/programmes/programmes.ts';
import { insertMembership, insertUser } from '../../store/repositories/users.ts';
import { now, type Executor } from '../../store/store.ts';
import { DEFAULT_AUTHORITY_SETTINGS, type AuthoritySettings } from '../../domain/applications/authority-settings.ts';

export const DEMO_PASSWORD = 'greenlist-demo';

/** The national settings are the programme's defaults (工信部节〔2024〕13号). */
const NATIONAL_SETTINGS: AuthoritySettings = DEFAULT_AUTHORITY_SETTINGS;

const PROVINCE_SETTINGS: AuthoritySettings = {
  ...NATIONAL_SETTINGS,
  recommendDeadline: '06-30',
  noticeDays: 5,
  noticeDayKind: 'working',
  sources: {
    ...NATIONAL_SETTINGS.sources,
    recommendDeadline: 'city → province deadline is per province (Guangdong 06-30 [3P]); demo configuration [U]',
    noticeDays: 'provincial notices in working days: configuration [U]',
  },
};

export interface DemoAuthorities {
  national: number;
  jiangxi: number;
  jiujiang: number;
  hubei: number;
  wuhan: number;
}

async function insertAuthority(db: Executor, row: { code: string; level: 'national' | 'province' | 'city'; regionCode: string; parentId: number | null; nameZh: string; nameEn: string; settings: AuthoritySettings }): Promise<number> {
  const inserted = await db
    .insertInto('authorities')
    .values({ code: row.code, level: row.level, region_code: row.regionCode, parent_id: row.parentId, name_zh: row.nameZh, name_en: row.nameEn, settings: JSON.stringify(row.settings), created_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function seedAuthorities(db: Executor): Promise<DemoAuthorities> {
  const national = await insertAuthority(db, { code: 'MIIT', level: 'national', regionCode: '000000', parentId: null, nameZh: '工业和信息化部', nameEn: 'Ministry of Industry and Information Technology', settings: NATIONAL_SETTINGS });
  const jiangxi = await insertAuthority(db, { code: '360000', level: 'province', regionCode: '360000', parentId: national, nameZh: '江西省工业和信息化厅', nameEn: 'Jiangxi Department of Industry and Information Technology', settings: PROVINCE_SETTINGS });
  const jiujiang = await insertAuthority(db, { code: '360400', level: 'city', regionCode: '360400', parentId: jiangxi, nameZh: '九江市工业和信息化局', nameEn: 'Jiujiang Bureau of Industry and Information Technology', settings: PROVINCE_SETTINGS });
  const hubei = await insertAuthority(db, { code: '420000', level: 'province', regionCode: '420000', parentId: national, nameZh: '湖北省经济和信息化厅', nameEn: 'Hubei Department of Economy and Information Technology', settings: PROVINCE_SETTINGS });
  const wuhan = await insertAuthority(db, { code: '420100', level: 'city', regionCode: '420100', parentId: hubei, nameZh: '武汉市经济和信息化局', nameEn: 'Wuhan Bureau of Economy and Information Technology', settings: PROVINCE_SETTINGS });
  return { national, jiangxi, jiujiang, hubei, wuhan };
}

export async function seedProgrammes(db: Executor): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, programme] of PROGRAMMES.entries()) {
    const row = await db
      .insertInto('programmes')
      .values({ code: programme.code, name_zh: programme.nameZh, name_en: programme.nameEn, fields: JSON.stringify(programme.fields), sort_order: index })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(programme.code, row.id);
  }
  return ids;
}

export async function seedEvaluatorOrg(db: Executor): Promise<number> {
  const row = await db
    .insertInto('evaluator_orgs')
    .values({
      name_zh: '示例绿色评价技术服务有限公司',
      name_en: 'Demo Green Assessment Services Co., Ltd.',
      credit_code: composeCreditCode({ regionCode: '360100', organizationBody: 'MA35DEMO'.replace(/O/g, '0') }),
      legal_representative: '示例法定代表人',
      legal_representative_key: createHash('sha256').update('demo-legal-representative').digest('hex'),
      region_code: '360100',
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface DemoUserSpec {
  email: string;
  displayName: string;
  role: Role;
  authorityId?: number;
  enterpriseId?: number;
  evaluatorOrgId?: number;
}

export function demoUserSpecs(authorities: DemoAuthorities, siliconePlantId: number, evaluatorOrgId: number): DemoUserSpec[] {
  return [
    { email: 'admin@demo', displayName: '系统管理员（示例）', role: 'admin', authorityId: authorities.national },
    { email: 'national@demo', displayName: '工信部审核员（示例）', role: 'national', authorityId: authorities.national },
    { email: 'province@demo', displayName: '江西省审核员（示例）', role: 'province', authorityId: authorities.jiangxi },
    { email: 'city@demo', displayName: '九江市审核员（示例）', role: 'city', authorityId: authorities.jiujiang },
    { email: 'evaluator@demo', displayName: '第三方评价员（示例）', role: 'evaluator', evaluatorOrgId },
    { email: 'expert@demo', displayName: '评审专家（示例）', role: 'expert', authorityId: authorities.national },
    { email: 'enterprise@demo', displayName: '星火有机硅填报员（示例）', role: 'enterprise', enterpriseId: siliconePlantId },
    { email: 'hubei@demo', displayName: '湖北省审核员（示例）', role: 'province', authorityId: authorities.hubei },
  ];
}

/** Hashes first (argon2 is slow on purpose), then writes inside the caller's transaction. */
export async function hashDemoPasswords(count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, () => hashPassword(DEMO_PASSWORD)));
}

export async function seedUsers(db: Executor, specs: readonly DemoUserSpec[], hashes: readonly string[]): Promise<void> {
  for (const [index, spec] of specs.entries()) {
    const user = await insertUser(db, { email: spec.email, passwordHash: hashes[index]!, displayName: spec.displayName });
    await insertMembership(db, { userId: user.id, role: spec.role, authorityId: spec.authorityId ?? null, enterpriseId: spec.enterpriseId ?? null, evaluatorOrgId: spec.evaluatorOrgId ?? null });
  }
}
