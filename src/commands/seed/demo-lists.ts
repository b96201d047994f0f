/**
 * The demo's published lists and its open 公示. Batch names and notice numbers follow the
 * real programme (domain.md §4); which demo enterprises sit in which batch is invented.
 * The silicone plant is on the national 4th batch and the Jiangxi 2nd provincial batch,
 * as its press release says (domain.md §7).
 */
import { addCalendarDays } from '../../domain/calendar/calendar.ts';
import { createRandom, shuffled } from '../../domain/demo/random.ts';
import { renameEnterprise } from '../../store/repositories/enterprises.ts';
import { now, type Executor } from '../../store/store.ts';
import type { DemoAuthorities } from './demo-organisation.ts';

export interface SeededEnterprise {
  id: number;
  factoryId: number;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
  cityCode: string;
  industryCode: string;
}

interface BatchSpec {
  slug: string;
  tier: 'national' | 'province' | 'city';
  authority: keyof DemoAuthorities;
  nameZh: string;
  nameEn: string;
  ordinal: number | null;
  year: number;
  noticeNumber: string | null;
  publishedOn: string | null;
  status: 'published' | 'notice';
  /** The framework version the batch pins (frameworks.id). */
  frameworkId: string;
  source: string;
}

const BATCHES: readonly BatchSpec[] = [
  { slug: 'national-factory-4', tier: 'national', authority: 'national', nameZh: '第四批绿色工厂名单', nameEn: 'Green factories, 4th batch', ordinal: 4, year: 2019, noticeNumber: null, publishedOn: '2019-09-17', status: 'published', frameworkId: 'gbt36132-2018@2018.1', source: 'batch 4 (2019), 602 factories [V] (domain.md §4); publication date: demo' },
  { slug: 'jiangxi-factory-2', tier: 'province', authority: 'jiangxi', nameZh: '江西省第二批绿色工厂名单', nameEn: 'Jiangxi green factories, 2nd provincial batch', ordinal: 2, year: 2019, noticeNumber: null, publishedOn: '2019-12-20', status: 'published', frameworkId: 'gbt36132-2018@2018.1', source: 'Jiangxi 2nd provincial list (domain.md §7); date: demo' },
  { slug: 'national-factory-2024', tier: 'national', authority: 'national', nameZh: '2024年度绿色工厂名单', nameEn: 'Green factories, 2024 list', ordinal: null, year: 2024, noticeNumber: '工信厅节函〔2025〕33号', publishedOn: '2025-01-22', status: 'published', frameworkId: 'gbt36132-2018@2018.1', source: 'domain.md §3.2 and §4 [V]' },
  { slug: 'jiangxi-factory-2025', tier: 'province', authority: 'jiangxi', nameZh: '江西省2025年度绿色工厂名单', nameEn: 'Jiangxi green factories, 2025 provincial list', ordinal: null, year: 2025, noticeNumber: null, publishedOn: '2025-12-26', status: 'published', frameworkId: 'gbt36132-2018@2018.1', source: 'demo' },
  { slug: 'jiujiang-factory-2025', tier: 'city', authority: 'jiujiang', nameZh: '九江市2025年度绿色工厂名单', nameEn: 'Jiujiang green factories, 2025 city list', ordinal: null, year: 2025, noticeNumber: null, publishedOn: '2025-11-28', status: 'published', frameworkId: 'gbt36132-2018@2018.1', source: 'demo' },
  { slug: 'national-factory-2025', tier: 'national', authority: 'national', nameZh: '2025年度绿色工厂名单', nameEn: 'Green factories, 2025 list', ordinal: null, year: 2025, noticeNumber: '工信厅节函〔2026〕97号', publishedOn: '2026-03-18', status: 'published', frameworkId: 'gbt36132-2018@2018.1', source: 'domain.md §3.2 and §4 [V]' },
  { slug: 'national-factory-2026', tier: 'national', authority: 'national', nameZh: '2026年度绿色工厂名单', nameEn: 'Green factories, 2026 list', ordinal: null, year: 2026, noticeNumber: null, publishedOn: null, status: 'notice', frameworkId: 'gbt36132-2025@2025.1', source: 'demo: under public notice' },
];

export interface DemoListsReport {
  batches: number;
  listEntries: number;
  noticeEntries: number;
}

/** `today` decides the open notice's dates, so the demo always has one notice open. */
export async function seedDemoLists(db: Executor, input: { authorities: DemoAuthorities; programmeId: number; enterprises: readonly SeededEnterprise[]; today: string }): Promise<DemoListsReport> {
  const random = createRandom(2019_09_17);
  const [plant, ...others] = input.enterprises;
  if (plant === undefined) throw new Error('seedDemoLists needs the silicone plant first');
  const pool = shuffled(random, others);
  const jiangxi = pool.filter((e) => e.provinceCode === '360000');
  const jiujiang = jiangxi.filter((e) => e.cityCode === '360400');
  const elsewhere = pool.filter((e) => e.provinceCode !== '360000');
  const members: Record<string, SeededEnterprise[]> = {
    'national-factory-4': [plant, ...elsewhere.slice(0, 22), ...jiangxi.slice(0, 5)],
    'jiangxi-factory-2': [plant, ...jiangxi.slice(0, 5), ...jiangxi.slice(5, 14)],
    'national-factory-2024': [...elsewhere.slice(22, 55), ...jiangxi.slice(14, 20)],
    'jiangxi-factory-2025': [...jiangxi.slice(14, 20), ...jiangxi.slice(20, 40)],
    'jiujiang-factory-2025': jiujiang.slice(-8),
    'national-factory-2025': [...elsewhere.slice(55, 100), ...jiangxi.slice(40, 48)],
    'national-factory-2026': [...elsewhere.slice(100, 110), ...jiangxi.slice(48, 52)],
  };
  const created = now();
  let listEntries = 0;
  let noticeEntries = 0;
  const batchIds = new Map<string, number>();
  for (const spec of BATCHES) {
    const batch = await db
      .insertInto('batches')
      .values({
        programme_id: input.programmeId,
        authority_id: input.authorities[spec.authority],
        tier: spec.tier,
        slug: spec.slug,
        name_zh: spec.nameZh,
        name_en: spec.nameEn,
        ordinal: spec.ordinal,
        year: spec.year,
        notice_number: spec.noticeNumber,
        framework_id: spec.frameworkId,
        status: spec.status,
        recommend_deadline: spec.tier === 'national' ? `${spec.year}-07-31` : null,
        published_on: spec.publishedOn,
        timeline: JSON.stringify({ source: spec.source }),
        created_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    batchIds.set(spec.slug, batch.id);
    const entries = members[spec.slug] ?? [];
    if (spec.status === 'published') {
      for (const e of entries) {
        await db
          .insertInto('list_entries')
          .values({ batch_id: batch.id, programme_id: input.programmeId, tier: spec.tier, authority_id: input.authorities[spec.authority], enterprise_id: e.id, factory_id: e.factoryId, application_id: null, name_zh: e.nameZh, name_en: e.nameEn, province_code: e.provinceCode, city_code: e.cityCode, industry_code: e.industryCode, status: 'listed', listed_on: spec.publishedOn!, removed_on: null, removal_reason: null, removal_mode: null, renamed_from: null, renamed_on: null, created_at: created })
          .execute();
        listEntries++;
      }
    } else {
      const opensOn = addCalendarDays(input.today, -3);
      const notice = await db
        .insertInto('notices')
        .values({ batch_id: batch.id, authority_id: input.authorities[spec.authority], title_zh: `${spec.nameZh}公示`, title_en: `Public notice: ${spec.nameEn}`, opens_on: opensOn, closes_on: addCalendarDays(opensOn, 14), day_kind: 'calendar', days: 15, status: 'open', closed_at: null, created_at: created })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [position, e] of entries.entries()) {
        await db.insertInto('notice_entries').values({ notice_id: notice.id, application_id: null, enterprise_id: e.id, factory_id: e.factoryId, name_zh: e.nameZh, status: 'candidate', position: position + 1 }).execute();
        noticeEntries++;
      }
    }
  }
  // The 2025 list removed two entries of the 4th batch and recorded one rename, as each
  // list notice carries new entries, removals and renames (domain.md §8).
  const fourth = batchIds.get('national-factory-4')!;
  const olderEntries = await db.selectFrom('list_entries').select(['id', 'name_zh', 'enterprise_id']).where('batch_id', '=', fourth).orderBy('id').offset(1).limit(3).execute();
  const reasons = ['未按期填报动态管理表 / dynamic-management table not filed', '发生较大及以上安全事故 / a major safety accident'];
  for (const [index, entry] of olderEntries.slice(0, 2).entries()) {
    await db.updateTable('list_entries').set({ status: 'removed', removed_on: '2026-03-18', removal_reason: reasons[index]!, removal_mode: index === 0 ? 'annual' : 'immediate' }).where('id', '=', entry.id).execute();
  }
  const renamed = olderEntries[2];
  if (renamed !== undefined) {
    const newName = renamed.name_zh.replace('有限公司', '股份有限公司');
    await db.updateTable('list_entries').set({ status: 'renamed', renamed_from: renamed.name_zh, renamed_on: '2026-03-18', name_zh: newName }).where('id', '=', renamed.id).execute();
    await renameEnterprise(db, renamed.enterprise_id, { nameZh: newName });
  }
  return { batches: BATCHES.length, listEntries, noticeEntries };
}
