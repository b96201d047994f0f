/** Enterprises and their factories. */
import { searchTextOf, shortGramsOf } from '../../domain/enterprises/search-text.ts';
import { now, type Executor } from '../store.ts';
import type { Row } from '../schema.ts';

export interface EnterpriseInput {
  creditCode: string;
  nameZh: string;
  nameEn: string;
  industryCode: string;
  provinceCode: string;
  cityCode: string;
  regionCode: string;
  address: string;
  legalRepresentative: string;
  isDemo?: boolean;
}

export async function insertEnterprise(db: Executor, input: EnterpriseInput): Promise<Row<'enterprises'>> {
  const at = now();
  const row = await db
    .insertInto('enterprises')
    .values({
      credit_code: input.creditCode,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      industry_code: input.industryCode,
      province_code: input.provinceCode,
      city_code: input.cityCode,
      region_code: input.regionCode,
      address: input.address,
      legal_representative: input.legalRepresentative,
      search_text: searchTextOf(input),
      is_demo: input.isDemo ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertGrams(db, row.id, input.nameZh);
  return row;
}

/** A new enterprise's grams: nothing to replace, one multi-row insert. */
async function insertGrams(db: Executor, enterpriseId: number, nameZh: string): Promise<void> {
  const grams = shortGramsOf(nameZh);
  if (grams.length > 0) await db.insertInto('enterprise_grams').values(grams.map((gram) => ({ gram, enterprise_id: enterpriseId }))).execute();
}

/** The short-query grams of an enterprise's Chinese name (see migration 0008). */
export async function writeGrams(db: Executor, enterpriseId: number, nameZh: string): Promise<void> {
  await db.deleteFrom('enterprise_grams').where('enterprise_id', '=', enterpriseId).execute();
  await insertGrams(db, enterpriseId, nameZh);
}

/** Changes an enterprise's names and everything it is searched by, in the caller's transaction. */
export async function renameEnterprise(db: Executor, enterpriseId: number, names: { nameZh: string; nameEn?: string }): Promise<void> {
  const current = await db.selectFrom('enterprises').select(['name_en', 'credit_code']).where('id', '=', enterpriseId).executeTakeFirstOrThrow();
  const nameEn = names.nameEn ?? current.name_en;
  await db.updateTable('enterprises').set({ name_zh: names.nameZh, name_en: nameEn, search_text: searchTextOf({ nameZh: names.nameZh, nameEn, creditCode: current.credit_code }), updated_at: now() }).where('id', '=', enterpriseId).execute();
  await writeGrams(db, enterpriseId, names.nameZh);
}

export function findEnterpriseById(db: Executor, id: number) {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEnterpriseByCreditCode(db: Executor, creditCode: string) {
  return db.selectFrom('enterprises').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
}

export function findEnterprisesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([] as Row<'enterprises'>[]);
  return db.selectFrom('enterprises').selectAll().where('id', 'in', ids).execute();
}

export async function insertFactory(db: Executor, input: { enterpriseId: number; nameZh: string; nameEn: string; regionCode: string; address: string; siteAreaM2: number | null }): Promise<Row<'factories'>> {
  return db
    .insertInto('factories')
    .values({ enterprise_id: input.enterpriseId, name_zh: input.nameZh, name_en: input.nameEn, region_code: input.regionCode, address: input.address, site_area_m2: input.siteAreaM2, created_at: now() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listFactoriesOfEnterprise(db: Executor, enterpriseId: number) {
  return db.selectFrom('factories').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('id').execute();
}
