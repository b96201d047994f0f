/**
 * The national data set's authorities and lists. National batch sizes follow the real
 * programme (domain.md §4: 201, 208, 391, 602, 719, then 662, 874, 1488, 1382, 2038
 * factories, with the removals and renames the 2022, 2024 and 2025 notices recorded),
 * scaled with the number of enterprises; provincial and city lists are invented sizes
 * of the same order as the examples in domain.md §4 (Henan 109, Liaoning 143 a year).
 */
import { createRandom, shuffled } from '../../src/domain/demo/random.ts';
import { listCities, listProvinces } from '../../src/domain/reference/regions.ts';
import { PROGRAMMES } from '../../src/domain/programmes/programmes.ts';
import { now, type Executor } from '../../src/store/store.ts';

export interface ListedEnterprise {
  id: number;
  factoryId: number;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
  cityCode: string;
  industryCode: string;
}

export interface NationalOrganisation {
  national: number;
  provinces: Map<string, number>;
  cities: Map<string, number>;
  programme: number;
}

const SETTINGS = JSON.stringify({ recommendDeadline: '07-31', dynamicReportDeadline: '04-15', noticeDays: 15, noticeDayKind: 'calendar', selfEvaluationAllowed: true, expertsExcludedFromOwnRegion: true, sources: {} });

export async function seedNationalOrganisation(db: Executor): Promise<NationalOrganisation> {
  const at = now();
  const insert = async (code: string, level: 'national' | 'province' | 'city', regionCode: string, parentId: number | null, nameZh: string, nameEn: string) =>
    (await db.insertInto('authorities').values({ code, level, region_code: regionCode, parent_id: parentId, name_zh: nameZh, name_en: nameEn, settings: SETTINGS, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const national = await insert('MIIT', 'national', '000000', null, '工业和信息化部', 'Ministry of Industry and Information Technology');
  const provinces = new Map<string, number>();
  const cities = new Map<string, number>();
  for (const province of listProvinces()) {
    const id = await insert(province.code, 'province', province.code, national, `${province.nameZh}工业和信息化主管部门`, `${province.nameEn} industry and IT authority`);
    provinces.set(province.code, id);
    for (const city of listCities(province.code)) cities.set(city.code, await insert(city.code, 'city', city.code, id, `${city.nameZh}工业和信息化主管部门`, `${city.nameEn} industry and IT authority`));
  }
  let programme = 0;
  for (const [index, p] of PROGRAMMES.entries()) {
    const id = (await db.insertInto('programmes').values({ code: p.code, name_zh: p.nameZh, name_en: p.nameEn, fields: JSON.stringify(p.fields), sort_order: index }).returning('id').executeTakeFirstOrThrow()).id;
    if (p.code === 'green_factory') programme = id;
  }
  return { national, provinces, cities, programme };
}

const NATIONAL_BATCHES = [
  { slug: 'national-factory-1', nameZh: '第一批绿色工厂名单', nameEn: 'Green factories, 1st batch', ordinal: 1, year: 2017, publishedOn: '2017-08-30', size: 201, removed: 0, renamed: 0 },
  { slug: 'national-factory-2', nameZh: '第二批绿色工厂名单', nameEn: 'Green factories, 2nd batch', ordinal: 2, year: 2018, publishedOn: '2018-02-28', size: 208, removed: 0, renamed: 0 },
  { slug: 'national-factory-3', nameZh: '第三批绿色工厂名单', nameEn: 'Green factories, 3rd batch', ordinal: 3, year: 2018, publishedOn: '2018-11-08', size: 391, removed: 0, renamed: 0 },
  { slug: 'national-factory-4', nameZh: '第四批绿色工厂名单', nameEn: 'Green factories, 4th batch', ordinal: 4, year: 2019, publishedOn: '2019-09-17', size: 602, removed: 0, renamed: 0 },
  { slug: 'national-factory-5', nameZh: '第五批绿色工厂名单', nameEn: 'Green factories, 5th batch', ordinal: 5, year: 2020, publishedOn: '2020-10-10', size: 719, removed: 0, renamed: 0 },
  { slug: 'national-factory-2021', nameZh: '2021年度绿色工厂名单', nameEn: 'Green factories, 2021 list', ordinal: null, year: 2021, publishedOn: '2022-01-20', size: 662, removed: 0, renamed: 0 },
  { slug: 'national-factory-2022', nameZh: '2022年度绿色工厂名单', nameEn: 'Green factories, 2022 list', ordinal: null, year: 2022, publishedOn: '2023-02-17', size: 874, removed: 41, renamed: 104 },
  { slug: 'national-factory-2023', nameZh: '2023年度绿色工厂名单', nameEn: 'Green factories, 2023 list', ordinal: null, year: 2023, publishedOn: '2023-12-26', size: 1488, removed: 0, renamed: 0 },
  { slug: 'national-factory-2024', nameZh: '2024年度绿色工厂名单', nameEn: 'Green factories, 2024 list', ordinal: null, year: 2024, publishedOn: '2025-01-22', size: 1382, removed: 47, renamed: 230 },
  { slug: 'national-factory-2025', nameZh: '2025年度绿色工厂名单', nameEn: 'Green factories, 2025 list', ordinal: null, year: 2025, publishedOn: '2026-03-18', size: 2038, removed: 132, renamed: 92 },
] as const;

const REMOVAL_REASONS = ['未按期填报动态管理表 / dynamic-management table not filed', '数据弄虚作假 / falsified data', '发生较大及以上安全事故 / a major safety accident', '关键指标不达标 / key indicators below standard'];

const CHUNK = 1000;

export async function seedNationalLists(db: Executor, input: { organisation: NationalOrganisation; enterprises: readonly ListedEnterprise[]; seed: number; scale: number }): Promise<number> {
  const random = createRandom(input.seed * 31 + 7);
  const pool = shuffled(random, input.enterprises);
  const at = now();
  const frameworkFor = (year: number) => (year >= 2026 ? 'gbt36132-2025@2025.1' : 'gbt36132-2018@2018.1');
  const scaled = (n: number) => Math.max(1, Math.round(n * input.scale));
  let cursor = 0;
  let count = 0;
  const flush = async (rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('list_entries').values(rows.slice(i, i + CHUNK) as never).execute();
    count += rows.length;
  };
  const entryRow = (batchId: number, tier: string, authorityId: number, e: ListedEnterprise, listedOn: string) => ({ batch_id: batchId, programme_id: input.organisation.programme, tier, authority_id: authorityId, enterprise_id: e.id, factory_id: e.factoryId, application_id: null, name_zh: e.nameZh, name_en: e.nameEn, province_code: e.provinceCode, city_code: e.cityCode, industry_code: e.industryCode, status: 'listed', listed_on: listedOn, removed_on: null, removal_reason: null, removal_mode: null, renamed_from: null, renamed_on: null, created_at: at });
  const insertBatch = async (row: { slug: string; tier: 'national' | 'province' | 'city'; authorityId: number; nameZh: string; nameEn: string; ordinal: number | null; year: number; publishedOn: string }) =>
    (await db.insertInto('batches').values({ programme_id: input.organisation.programme, authority_id: row.authorityId, tier: row.tier, slug: row.slug, name_zh: row.nameZh, name_en: row.nameEn, ordinal: row.ordinal, year: row.year, notice_number: null, framework_id: frameworkFor(row.year), status: 'published', recommend_deadline: null, published_on: row.publishedOn, timeline: '{}', created_at: at }).returning('id').executeTakeFirstOrThrow()).id;

  for (const batch of NATIONAL_BATCHES) {
    const batchId = await insertBatch({ ...batch, tier: 'national', authorityId: input.organisation.national });
    const members = pool.slice(cursor, cursor + scaled(batch.size));
    cursor += members.length;
    await flush(members.map((e) => entryRow(batchId, 'national', input.organisation.national, e, batch.publishedOn)));
    // removals and renames published with this batch, taken from earlier national entries
    if (batch.removed > 0 || batch.renamed > 0) {
      const earlier = await db.selectFrom('list_entries').select(['id', 'name_zh']).where('tier', '=', 'national').where('status', '=', 'listed').where('batch_id', '<', batchId).orderBy('id').execute();
      const picked = shuffled(random, earlier);
      for (const [k, entry] of picked.slice(0, scaled(batch.removed)).entries()) {
        await db.updateTable('list_entries').set({ status: 'removed', removed_on: batch.publishedOn, removal_reason: REMOVAL_REASONS[k % REMOVAL_REASONS.length]!, removal_mode: k % 7 === 0 ? 'immediate' : 'annual' }).where('id', '=', entry.id).execute();
      }
      for (const entry of picked.slice(scaled(batch.removed), scaled(batch.removed) + scaled(batch.renamed))) {
        await db.updateTable('list_entries').set({ status: 'renamed', renamed_from: entry.name_zh, renamed_on: batch.publishedOn, name_zh: entry.name_zh.replace('有限公司', '股份有限公司') }).where('id', '=', entry.id).execute();
      }
    }
  }
  const rest = pool.slice(cursor);
  const byProvince = new Map<string, ListedEnterprise[]>();
  for (const e of rest) byProvince.set(e.provinceCode, [...(byProvince.get(e.provinceCode) ?? []), e]);
  for (const [provinceCode, authorityId] of input.organisation.provinces) {
    const candidates = byProvince.get(provinceCode) ?? [];
    let offset = 0;
    for (const year of [2023, 2024, 2025]) {
      const members = candidates.slice(offset, offset + scaled(330));
      offset += members.length;
      if (members.length === 0) continue;
      const batchId = await insertBatch({ slug: `province-${provinceCode}-${year}`, tier: 'province', authorityId, nameZh: `${year}年度省级绿色工厂名单（${provinceCode}）`, nameEn: `Provincial green factories ${year} (${provinceCode})`, ordinal: null, year, publishedOn: `${year + 1}-01-15` });
      await flush(members.map((e) => entryRow(batchId, 'province', authorityId, e, `${year + 1}-01-15`)));
    }
    const leftover = candidates.slice(offset);
    for (const [cityCode, cityAuthority] of input.organisation.cities) {
      if (!cityCode.startsWith(provinceCode.slice(0, 2))) continue;
      const members = leftover.filter((e) => e.cityCode === cityCode).slice(0, scaled(400));
      if (members.length === 0) continue;
      const batchId = await insertBatch({ slug: `city-${cityCode}-2025`, tier: 'city', authorityId: cityAuthority, nameZh: `2025年度市级绿色工厂名单（${cityCode}）`, nameEn: `City green factories 2025 (${cityCode})`, ordinal: null, year: 2025, publishedOn: '2025-12-01' });
      await flush(members.map((e) => entryRow(batchId, 'city', cityAuthority, e, '2025-12-01')));
    }
  }
  return count;
}
