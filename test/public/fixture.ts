/**
 * A small, hand-made list for the public read-model tests (every expectation in those
 * tests can be counted from this file): two authorities, three batches, six enterprises,
 * one open notice with two candidates and one closed notice with decided objections.
 *
 *   entry  enterprise        province city    industry  batch      status
 *   e1     江西蓝星星火有机硅  360000   360400  2614      nat-2019   listed
 *   e2     九江甲化工         360000   360400  2651      nat-2019   removed (2025-03-18, annual)
 *   e3     武汉乙电机         420000   420100  3811      nat-2025   listed
 *   e4     南昌丙纸业         360000   360100  2221      nat-2025   renamed (from 南昌丙纸业有限公司旧名)
 *   e5     江西蓝星星火有机硅  360000   360400  2614      jx-2020    listed
 *   e6     九江丁涂料         360000   360400  2641      jx-2020    listed
 */
import { composeCreditCode } from '../../src/domain/credit-code/make-credit-code.ts';
import { insertEnterprise } from '../../src/store/repositories/enterprises.ts';
import type { Executor, Store } from '../../src/store/store.ts';

const AT = '2026-01-01T00:00:00.000Z';

export interface PublicFixture {
  enterprises: Record<'plant' | 'jiujiang' | 'wuhan' | 'nanchang' | 'paint' | 'unlisted', number>;
  batches: Record<'national2019' | 'national2025' | 'jiangxi2020', number>;
  openNoticeId: number;
  closedNoticeId: number;
  candidates: { plant: number; paint: number; passed: number };
}

async function enterprise(db: Executor, n: number, nameZh: string, nameEn: string, regionCode: string, industryCode: string) {
  const row = await insertEnterprise(db, {
    creditCode: composeCreditCode({ regionCode, organizationBody: String(70000000 + n) }),
    nameZh,
    nameEn,
    industryCode,
    provinceCode: `${regionCode.slice(0, 2)}0000`,
    cityCode: `${regionCode.slice(0, 4)}00`,
    regionCode,
    address: '',
    legalRepresentative: '',
  });
  return row.id;
}

export async function loadPublicFixture(store: Store, options: { today: string }): Promise<PublicFixture> {
  return store.transaction(async (db) => {
    const programme = (await db.insertInto('programmes').values({ code: 'green_factory', name_zh: '绿色工厂', name_en: 'Green factories', fields: '{}', sort_order: 1 }).returning('id').executeTakeFirstOrThrow()).id;
    const national = (await db.insertInto('authorities').values({ code: 'miit', level: 'national', region_code: '000000', parent_id: null, name_zh: '工业和信息化部', name_en: 'MIIT', settings: '{}', created_at: AT }).returning('id').executeTakeFirstOrThrow()).id;
    const jiangxi = (await db.insertInto('authorities').values({ code: 'jiangxi', level: 'province', region_code: '360000', parent_id: national, name_zh: '江西省工业和信息化厅', name_en: 'Jiangxi DIIT', settings: '{}', created_at: AT }).returning('id').executeTakeFirstOrThrow()).id;
    const batch = async (slug: string, tier: 'national' | 'province', authority: number, year: number, publishedOn: string | null, status = 'published') =>
      (await db.insertInto('batches').values({ programme_id: programme, authority_id: authority, tier, slug, name_zh: `${slug} 名单`, name_en: `${slug} list`, ordinal: null, year, notice_number: null, framework_id: null, status, recommend_deadline: null, published_on: publishedOn, timeline: '{}', created_at: AT }).returning('id').executeTakeFirstOrThrow()).id;
    const batches = {
      national2019: await batch('nat-2019', 'national', national, 2019, '2019-09-17'),
      national2025: await batch('nat-2025', 'national', national, 2025, '2025-03-18'),
      jiangxi2020: await batch('jx-2020', 'province', jiangxi, 2020, '2020-12-20'),
    };
    const noticeBatch = await batch('nat-2026', 'national', national, 2026, null, 'notice');
    const enterprises = {
      plant: await enterprise(db, 1, '江西蓝星星火有机硅有限公司', 'Jiangxi Bluestar Xinghuo Organic Silicone Co., Ltd.', '360425', '2614'),
      jiujiang: await enterprise(db, 2, '九江甲化工有限公司', 'Jiujiang A Chemicals', '360402', '2651'),
      wuhan: await enterprise(db, 3, '武汉乙电机有限公司', 'Wuhan B Motors', '420102', '3811'),
      nanchang: await enterprise(db, 4, '南昌丙纸业股份有限公司', 'Nanchang C Paper', '360102', '2221'),
      paint: await enterprise(db, 5, '九江丁涂料有限公司', 'Jiujiang D Coatings', '360403', '2641'),
      unlisted: await enterprise(db, 6, '赣州戊建材有限公司', 'Ganzhou E Materials', '360702', '3021'),
    };
    const entry = async (batchId: number, tier: 'national' | 'province', authority: number, key: keyof typeof enterprises, listedOn: string, extra: Partial<{ status: string; removed_on: string; removal_reason: string; removal_mode: string; renamed_from: string; renamed_on: string }> = {}) => {
      const e = await db.selectFrom('enterprises').selectAll().where('id', '=', enterprises[key]).executeTakeFirstOrThrow();
      await db.insertInto('list_entries').values({ batch_id: batchId, programme_id: programme, tier, authority_id: authority, enterprise_id: e.id, factory_id: null, application_id: null, name_zh: e.name_zh, name_en: e.name_en, province_code: e.province_code, city_code: e.city_code, industry_code: e.industry_code, status: 'listed', listed_on: listedOn, removed_on: null, removal_reason: null, removal_mode: null, renamed_from: null, renamed_on: null, created_at: AT, ...extra }).execute();
    };
    await entry(batches.national2019, 'national', national, 'plant', '2019-09-17');
    await entry(batches.national2019, 'national', national, 'jiujiang', '2019-09-17', { status: 'removed', removed_on: '2025-03-18', removal_reason: '未按期填报动态管理表', removal_mode: 'annual' });
    await entry(batches.national2025, 'national', national, 'wuhan', '2025-03-18');
    await entry(batches.national2025, 'national', national, 'nanchang', '2025-03-18', { status: 'renamed', renamed_from: '南昌丙纸业有限公司', renamed_on: '2025-03-18' });
    await entry(batches.jiangxi2020, 'province', jiangxi, 'plant', '2020-12-20');
    await entry(batches.jiangxi2020, 'province', jiangxi, 'paint', '2020-12-20');

    const notice = async (batchId: number, opensOn: string, closesOn: string, status: string) =>
      (await db.insertInto('notices').values({ batch_id: batchId, authority_id: national, title_zh: `公示 ${opensOn}`, title_en: `Notice ${opensOn}`, opens_on: opensOn, closes_on: closesOn, day_kind: 'calendar', days: 15, status, closed_at: status === 'closed' ? AT : null, created_at: AT }).returning('id').executeTakeFirstOrThrow()).id;
    const candidate = async (noticeId: number, key: keyof typeof enterprises, position: number, status: string) =>
      (await db.insertInto('notice_entries').values({ notice_id: noticeId, application_id: null, enterprise_id: enterprises[key], factory_id: null, name_zh: `${key} 公示名称`, status, position }).returning('id').executeTakeFirstOrThrow()).id;
    const openNoticeId = await notice(noticeBatch, options.today, '2099-12-31', 'open');
    const plantCandidate = await candidate(openNoticeId, 'unlisted', 1, 'candidate');
    const paintCandidate = await candidate(openNoticeId, 'paint', 2, 'candidate');
    const closedNoticeId = await notice(batches.national2025, '2025-02-01', '2025-02-15', 'closed');
    const passed = await candidate(closedNoticeId, 'wuhan', 1, 'passed');
    const removed = await candidate(closedNoticeId, 'jiujiang', 2, 'removed');
    const objection = async (entryId: number, enterpriseId: number, caseNumber: string, status: string, note: string | null) =>
      db.insertInto('objections').values({ notice_id: closedNoticeId, notice_entry_id: entryId, enterprise_id: enterpriseId, case_number: caseNumber, full_name: '李四', contact: 'lisi@example.org', reason: '理由理由理由理由理由', evidence_file_id: null, status, outcome_note: note, handled_by: null, handled_at: AT, client_key: 'k', created_at: '2025-02-03T01:00:00.000Z' }).execute();
    await objection(passed, enterprises.wuhan, 'OBJ-2025-0002-0001', 'dismissed', '经核查不成立');
    await objection(removed, enterprises.jiujiang, 'OBJ-2025-0002-0002', 'upheld', '经核查属实');
    await objection(removed, enterprises.jiujiang, 'OBJ-2025-0002-0003', 'received', null);
    return { enterprises, batches, openNoticeId, closedNoticeId, candidates: { plant: plantCandidate, paint: paintCandidate, passed } };
  });
}
