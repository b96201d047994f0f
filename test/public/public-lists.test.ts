/** The list read model on both databases, against the hand-made fixture (test/public/fixture.ts). */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, type TestStore } from '../support/stores.ts';
import { CURRENT_LIST_PREDICATE, listEntries, listPublishedBatches, findPreviousBatch, findBatchBySlug, batchEntryCounts, type ListFilter, type ListPaging } from '../../src/store/queries/public-lists.ts';
import { listedPerIndustryDivision, listedPerProvince } from '../../src/store/queries/site-figures.ts';
import { findEnterpriseProfile } from '../../src/store/queries/enterprise-profile.ts';
import { listObjectionOutcomes, listPublicNotices } from '../../src/store/queries/public-notices.ts';
import { openDataRows } from '../../src/store/queries/open-data-rows.ts';
import { readDataVersion } from '../../src/store/queries/data-version.ts';
import { loadPublicFixture, type PublicFixture } from './fixture.ts';

const paging = (overrides: Partial<ListPaging> = {}): ListPaging => ({ page: 1, pageSize: 50, sort: 'name', direction: 'asc', ...overrides });

for (const dialect of DIALECTS) {
  describe(`public read models on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: TestStore;
    let fixture: PublicFixture;
    const names = async (filter: ListFilter, p: Partial<ListPaging> = {}) => (await listEntries(store.db, filter, paging(p))).items.map((i) => i.nameZh);
    before(async () => {
      store = await dialect.open();
      fixture = await loadPublicFixture(store, { today: '2026-11-30' });
    });
    after(() => store?.dispose());

    test('the current list holds listed and renamed entries, not removed ones', async () => {
      // e1, e3, e4, e5, e6 (e2 was removed): five rows, the plant twice (national and provincial).
      const result = await listEntries(store.db, {}, paging());
      assert.equal(result.total, 5);
      assert.equal(result.pageCount, 1);
      // Sorted by name_zh in code-point order: 九(4E5D) 南(5357) 武(6B66) 江(6C5F) 江.
      assert.deepEqual(result.items.map((i) => i.nameZh), ['九江丁涂料有限公司', '南昌丙纸业股份有限公司', '武汉乙电机有限公司', '江西蓝星星火有机硅有限公司', '江西蓝星星火有机硅有限公司']);
      assert.equal(result.items.find((i) => i.nameZh.startsWith('南昌'))?.renamedFrom, '南昌丙纸业有限公司');
    });

    test('filters: province, city, industry section/division/class, programme, year, tier, batch', async () => {
      assert.deepEqual(await names({ provinceCode: '420000' }), ['武汉乙电机有限公司']);
      assert.deepEqual(await names({ cityCode: '360400' }), ['九江丁涂料有限公司', '江西蓝星星火有机硅有限公司', '江西蓝星星火有机硅有限公司']);
      assert.deepEqual(await names({ industryCode: '26' }), ['九江丁涂料有限公司', '江西蓝星星火有机硅有限公司', '江西蓝星星火有机硅有限公司']);
      assert.deepEqual(await names({ industryCode: '2614' }), ['江西蓝星星火有机硅有限公司', '江西蓝星星火有机硅有限公司']);
      assert.equal((await names({ industryCode: 'C' })).length, 5, 'every fixture industry is manufacturing (13–43)');
      assert.deepEqual(await names({ industryCode: 'D' }), []);
      assert.equal((await names({ programmeCode: 'green_factory' })).length, 5);
      assert.deepEqual(await names({ programmeCode: 'green_park' }), []);
      assert.deepEqual(await names({ year: 2025 }), ['南昌丙纸业股份有限公司', '武汉乙电机有限公司']);
      assert.deepEqual(await names({ tier: 'province' }), ['九江丁涂料有限公司', '江西蓝星星火有机硅有限公司']);
      assert.deepEqual(await names({ provinceCode: '360000', tier: 'national' }), ['南昌丙纸业股份有限公司', '江西蓝星星火有机硅有限公司']);
      // A batch's page shows its removed entries too.
      assert.deepEqual(await names({ batchSlug: 'nat-2019', includeRemoved: true }), ['九江甲化工有限公司', '江西蓝星星火有机硅有限公司']);
    });

    test('sorting by listing date, region and industry, both directions, with stable ties', async () => {
      const byDate = (await listEntries(store.db, {}, paging({ sort: 'listed', direction: 'desc' }))).items.map((i) => i.listedOn);
      assert.deepEqual(byDate, ['2025-03-18', '2025-03-18', '2020-12-20', '2020-12-20', '2019-09-17']);
      const byRegion = (await listEntries(store.db, {}, paging({ sort: 'region', direction: 'asc' }))).items.map((i) => i.cityCode);
      assert.deepEqual(byRegion, ['360100', '360400', '360400', '360400', '420100']);
      const byIndustry = (await listEntries(store.db, {}, paging({ sort: 'industry', direction: 'desc' }))).items.map((i) => i.industryCode);
      assert.deepEqual(byIndustry, ['3811', '2641', '2614', '2614', '2221']);
    });

    test('pages: two per page gives three pages, and the count is exact below the cap', async () => {
      const first = await listEntries(store.db, {}, paging({ pageSize: 2 }));
      const third = await listEntries(store.db, {}, paging({ pageSize: 2, page: 3 }));
      assert.deepEqual([first.total, first.pageCount, first.items.length, third.items.length], [5, 3, 2, 1]);
      assert.equal(first.totalCapped, false);
    });

    test('published batches, their counts, the province view and the previous batch', async () => {
      assert.deepEqual((await listPublishedBatches(store.db)).map((b) => b.slug), ['nat-2025', 'jx-2020', 'nat-2019']);
      // Hubei sees national batches only; Jiangxi also its own.
      assert.deepEqual((await listPublishedBatches(store.db, { provinceCode: '420000' })).map((b) => b.slug), ['nat-2025', 'nat-2019']);
      assert.deepEqual((await listPublishedBatches(store.db, { provinceCode: '360000' })).map((b) => b.slug), ['nat-2025', 'jx-2020', 'nat-2019']);
      const counts = await batchEntryCounts(store.db, Object.values(fixture.batches));
      assert.deepEqual(counts.get(fixture.batches.national2019), { all: 2, current: 1 });
      assert.deepEqual(counts.get(fixture.batches.national2025), { all: 2, current: 2 });
      const latest = (await findBatchBySlug(store.db, 'nat-2025'))!;
      assert.equal((await findPreviousBatch(store.db, latest))?.slug, 'nat-2019');
      assert.equal(await findPreviousBatch(store.db, (await findBatchBySlug(store.db, 'jx-2020'))!), undefined);
    });

    test('figures per province and per industry division count the current list', async () => {
      assert.deepEqual(await listedPerProvince(store.db), [{ code: '360000', count: 4 }, { code: '420000', count: 1 }]);
      assert.deepEqual(await listedPerIndustryDivision(store.db), [{ code: '26', count: 3 }, { code: '22', count: 1 }, { code: '38', count: 1 }]);
    });

    test('the enterprise profile gathers listings and notices; outcomes hide the pending case', async () => {
      const profile = (await findEnterpriseProfile(store.db, fixture.enterprises.plant))!;
      assert.deepEqual(profile.listings.map((l) => l.batchSlug), ['jx-2020', 'nat-2019']);
      assert.deepEqual(profile.certificates, []);
      assert.equal(await findEnterpriseProfile(store.db, 999_999), undefined);
      assert.deepEqual((await listPublicNotices(store.db, 'open')).map((n) => [n.id, n.entries]), [[fixture.openNoticeId, 2]]);
      const outcomes = await listObjectionOutcomes(store.db, fixture.closedNoticeId);
      assert.deepEqual(outcomes.map((o) => [o.caseNumber, o.status, o.filedOn]), [['OBJ-2025-0002-0001', 'dismissed', '2025-02-03'], ['OBJ-2025-0002-0002', 'upheld', '2025-02-03']]);
    });

    test('open-data rows stream the current list or a whole batch with credit codes', async () => {
      const current = [];
      for await (const row of openDataRows(store.db, { kind: 'current' })) current.push(row);
      assert.equal(current.length, 5);
      const batch = [];
      for await (const row of openDataRows(store.db, { kind: 'batch', batchId: fixture.batches.national2019 })) batch.push(row);
      assert.deepEqual(batch.map((r) => r.status), ['listed', 'removed']);
      assert.match(batch[0]!.creditCode, /^[0-9A-Z]{18}$/);
    });

    test('the data version is the head of the audit log', async () => {
      // The fixture writes no audit events.
      assert.deepEqual(await readDataVersion(store.db), { id: 0, at: undefined });
    });

    if (dialect.name === 'sqlite') {
      test('the national list pages from the partial index, without sorting the table', async () => {
        const plan = await sql<{ detail: string }>`explain query plan select e.id from list_entries as e where ${CURRENT_LIST_PREDICATE} order by e.listed_on desc, e.id desc limit 50`.execute(store.db);
        const details = plan.rows.map((r) => r.detail).join(' | ');
        assert.match(details, /list_entries_current_listed/);
        assert.doesNotMatch(details, /TEMP B-TREE/);
      });
    }
  });
}
