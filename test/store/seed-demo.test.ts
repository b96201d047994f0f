/** The demo data set loads on both databases, deterministically, and only into an empty database. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore, sql } from '../support/stores.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { programmeFigures } from '../../src/store/queries/programme-figures.ts';
import { searchEnterprises } from '../../src/store/queries/search-enterprises.ts';
import { validateCreditCode } from '../../src/domain/credit-code/credit-code.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { AppError } from '../../src/domain/errors.ts';

const count = async (db: any, table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);

for (const dialect of DIALECTS) {
  describe(`demo data on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('loads the story: authorities, users of every role, ≥ 200 valid enterprises, lists, an open notice, news', async () => {
      await withTestStore(dialect, async (store) => {
        const report = await seedDemo(store, { today: '2026-11-30' });
        assert.ok(report.enterprises >= 200);
        assert.equal(await count(store.db, 'enterprises'), report.enterprises);
        assert.equal(await count(store.db, 'annual_data'), report.factories * 3);
        const codes = await store.db.selectFrom('enterprises').select('credit_code').execute();
        assert.ok(codes.every((c) => validateCreditCode(c.credit_code).ok), 'every demo credit code passes its check character');
        const emails = (await store.db.selectFrom('users').select('email').orderBy('email').execute()).map((u) => u.email);
        for (const email of ['admin@demo', 'national@demo', 'province@demo', 'city@demo', 'evaluator@demo', 'expert@demo', 'enterprise@demo']) assert.ok(emails.includes(email), email);

        const plant = (await searchEnterprises(store, '星火')).items;
        assert.equal(plant.length, 1);
        assert.equal(plant[0]!.nameZh, '江西蓝星星火有机硅有限公司');
        const listings = await store.db
          .selectFrom('list_entries as e')
          .innerJoin('batches as b', 'b.id', 'e.batch_id')
          .select(['b.slug'])
          .where('e.enterprise_id', '=', plant[0]!.id)
          .orderBy('b.slug')
          .execute();
        assert.deepEqual(listings.map((l) => l.slug), ['jiangxi-factory-2', 'national-factory-4']);

        const figures = await programmeFigures(store.db);
        assert.ok(figures.batches.length >= 2, 'at least two published batches');
        assert.ok((figures.listedByTier.national ?? 0) > 0);
        const open = await store.db.selectFrom('notices').selectAll().where('status', '=', 'open').execute();
        assert.equal(open.length, 1);
        assert.ok(open[0]!.opens_on <= '2026-11-30' && open[0]!.closes_on >= '2026-11-30', 'the notice is open on the seeding day');
        const languages = (await store.db.selectFrom('news_items').select('lang').distinct().execute()).map((r) => r.lang).sort();
        assert.deepEqual(languages, ['en', 'zh-CN']);
        assert.equal((await verifyAuditChain(store)).ok, true);
      });
    });

    test('refuses a database that already holds enterprises, and changes nothing', async () => {
      await withTestStore(dialect, async (store) => {
        await seedDemo(store, { today: '2026-11-30' });
        const before = await count(store.db, 'enterprises');
        await assert.rejects(seedDemo(store, { today: '2026-11-30' }), (e) => AppError.is(e, 'CONFLICT'));
        assert.equal(await count(store.db, 'enterprises'), before);
      });
    });
  });
}

test('the demo data set is deterministic: two loads give the same rows', async () => {
  const snapshot = async () =>
    withTestStore(DIALECTS[0]!, async (store) => {
      await seedDemo(store, { today: '2026-11-30' });
      const enterprises = await store.db.selectFrom('enterprises').select(['id', 'credit_code', 'name_zh', 'industry_code', 'region_code']).orderBy('id').execute();
      const entries = await store.db.selectFrom('list_entries').select(['batch_id', 'enterprise_id', 'status', 'name_zh']).orderBy('id').execute();
      const data = await store.db.selectFrom('annual_data').select(['factory_id', 'year', 'document']).orderBy('id').execute();
      return JSON.stringify({ enterprises, entries, data });
    });
  assert.equal(await snapshot(), await snapshot());
});
