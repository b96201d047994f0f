/**
 * The store on both databases: migrations, the search index (three-character trigram
 * and the short-query path), transactions that roll back whole, and the audit chain.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore, sql } from '../support/stores.ts';
import { migrate } from '../../src/store/migrate.ts';
import { registerEnterprise } from '../../src/commands/enterprises/register-enterprise.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { searchEnterprises } from '../../src/store/queries/search-enterprises.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/domain/actors/actor.ts';

const system: Actor = { kind: 'system', label: 'test' };

// Valid credit codes come from composeCreditCode, whose check characters are worked by
// hand in src/domain/credit-code/credit-code.test.ts.
import { composeCreditCode } from '../../src/domain/credit-code/make-credit-code.ts';

for (const dialect of DIALECTS) {
  describe(`store on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('migrations apply once and are idempotent', async () => {
      await withTestStore(dialect, async (store) => {
        const again = await migrate(store);
        assert.deepEqual(again.applied, []);
        const tables = ['enterprises', 'applications', 'list_entries', 'certificates', 'audit_events', 'jobs', 'ehs_events', 'news_items'];
        for (const table of tables) {
          const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(store.db);
          assert.equal(Number(result.rows[0]!.n), 0, table);
        }
      });
    });

    test('search finds Chinese substrings of one, two and three characters, pinyin and English', async () => {
      await withTestStore(dialect, async (store) => {
        const xinghuo = await registerEnterprise(store, system, {
          creditCode: composeCreditCode({ regionCode: '360425', organizationBody: '15871234' }),
          nameZh: '江西蓝星星火有机硅有限公司',
          nameEn: 'Jiangxi Bluestar Xinghuo Organic Silicone Co., Ltd.',
          industryCode: '2614',
          regionCode: '360425',
        });
        await registerEnterprise(store, system, {
          creditCode: composeCreditCode({ regionCode: '420100', organizationBody: '30000001' }),
          nameZh: '武汉示例化工有限公司',
          nameEn: 'Wuhan Example Chemicals Co., Ltd.',
          industryCode: '2614',
          regionCode: '420100',
        });
        const ids = async (q: string) => (await searchEnterprises(store, q, { limit: 10 })).items.map((i) => i.id);
        assert.deepEqual(await ids('星火'), [xinghuo.id]);
        assert.deepEqual(await ids('有机硅'), [xinghuo.id]);
        assert.deepEqual(await ids('硅'), [xinghuo.id]);
        assert.deepEqual(await ids('xinghuo'), [xinghuo.id]);
        assert.deepEqual(await ids('BLUESTAR'), [xinghuo.id]);
        assert.deepEqual(await ids(xinghuo.credit_code.slice(2, 10)), [xinghuo.id]);
        assert.equal((await ids('有限公司')).length, 2);
        assert.deepEqual(await ids('不存在的名字'), []);
        // LIKE wildcards in the query are literal characters, not patterns.
        assert.deepEqual(await ids('%'), []);
        assert.deepEqual(await ids('_'), []);
      });
    });

    test('a transaction that fails leaves nothing behind, audit included', async () => {
      await withTestStore(dialect, async (store) => {
        const code = composeCreditCode({ regionCode: '360400', organizationBody: '20000002' });
        await assert.rejects(
          store.transaction(async (trx) => {
            await trx.insertInto('meta').values({ key: 'half', value: 'written' }).execute();
            throw new Error('boom');
          }),
          /boom/,
        );
        assert.equal(await store.db.selectFrom('meta').selectAll().where('key', '=', 'half').executeTakeFirst(), undefined);
        await registerEnterprise(store, system, { creditCode: code, nameZh: '九江示例有限公司', industryCode: '2614', regionCode: '360400' });
        const duplicate = registerEnterprise(store, system, { creditCode: code, nameZh: '重复企业', industryCode: '2614', regionCode: '360400' });
        await assert.rejects(duplicate, (e) => AppError.is(e, 'CONFLICT'));
        const counts = await store.db.selectFrom('audit_events').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
        assert.equal(Number(counts.n), 1);
      });
    });

    test('a wrong credit code is refused with the field path and the expected check character', async () => {
      await withTestStore(dialect, async (store) => {
        const good = composeCreditCode({ regionCode: '360400', organizationBody: '20000003' });
        const last = good.at(-1)!;
        const bad = good.slice(0, 17) + (last === '0' ? '1' : '0');
        await assert.rejects(
          registerEnterprise(store, system, { creditCode: bad, nameZh: '九江错误代码有限公司', industryCode: '2614', regionCode: '360400' }),
          (e) => AppError.is(e, 'VALIDATION') && e.path === 'creditCode' && e.message.includes(`expected ${last}`),
        );
        const rows = await store.db.selectFrom('enterprises').select('id').execute();
        assert.equal(rows.length, 0);
      });
    });

    test('the audit chain verifies, and an edited row is named', async () => {
      await withTestStore(dialect, async (store) => {
        for (let i = 0; i < 3; i++) {
          await registerEnterprise(store, system, { creditCode: composeCreditCode({ regionCode: '360400', organizationBody: `2100000${i}` }), nameZh: `九江审计${i}有限公司`, industryCode: '2614', regionCode: '360400' });
        }
        const before = await verifyAuditChain(store);
        assert.equal(before.ok, true);
        assert.equal(before.events, 3);
        const second = await store.db.selectFrom('audit_events').selectAll().orderBy('id').offset(1).limit(1).executeTakeFirstOrThrow();
        await store.db.updateTable('audit_events').set({ data: second.data.replace('九江审计1', '九江审计X') }).where('id', '=', second.id).execute();
        const after = await verifyAuditChain(store);
        assert.equal(after.ok, false);
        assert.equal(after.firstProblem?.eventId, second.id);
        assert.equal(after.firstProblem?.problem, 'edited');
      });
    });
  });
}

describe('short-query grams', () => {
  test('one- and two-character Chinese grams, each once, Chinese runs only', async () => {
    const { shortGramsOf, isShortHanQuery } = await import('../../src/domain/enterprises/search-text.ts');
    assert.deepEqual(shortGramsOf('星火星火A公司'), ['星', '星火', '火', '火星', '公', '公司', '司']);
    assert.equal(isShortHanQuery('星火'), true);
    assert.equal(isShortHanQuery('硅'), true);
    assert.equal(isShortHanQuery('xh'), false);
    assert.equal(isShortHanQuery('有机硅'), false);
  });
});

for (const dialect of DIALECTS) {
  describe(`rename on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a renamed enterprise is found by its new name and no longer by the old one', async () => {
      const { renameEnterprise } = await import('../../src/store/repositories/enterprises.ts');
      await withTestStore(dialect, async (store) => {
        const e = await registerEnterprise(store, system, { creditCode: composeCreditCode({ regionCode: '360400', organizationBody: '22000001' }), nameZh: '九江旧名化工有限公司', industryCode: '2614', regionCode: '360400' });
        await store.transaction((trx) => renameEnterprise(trx, e.id, { nameZh: '九江新称化工有限公司' }));
        const ids = async (q: string) => (await searchEnterprises(store, q)).items.map((i) => i.id);
        assert.deepEqual(await ids('新称'), [e.id]);
        assert.deepEqual(await ids('旧名'), []);
        assert.deepEqual(await ids('新称化工'), [e.id]);
        assert.deepEqual(await ids('xinchen'), [e.id]);
      });
    });
  });
}
