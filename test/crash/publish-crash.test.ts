/**
 * Crash safety of a batch publication, on both databases: a national batch whose notice
 * has closed with 2,000 passed entries is published through the API, and `greenlist
 * serve` is killed with SIGKILL while the publication's one transaction is open (seen
 * from outside: SQLite's write lock, the batch row's lock on PostgreSQL). The database
 * then holds all of the list entries and certificates or none; published again after a
 * restart, the batch gets each entry and each certificate exactly once, and a third
 * publication changes nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { composeCreditCode } from '../../src/domain/credit-code/make-credit-code.ts';
import { searchTextOf } from '../../src/domain/enterprises/search-text.ts';
import { seedAuthorities, seedProgrammes } from '../../src/commands/seed/demo-organisation.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { migrate } from '../../src/store/migrate.ts';
import { now, openStore, type Store } from '../../src/store/store.ts';
import { DIALECTS } from '../support/stores.ts';
import { tempFolder } from '../imports/import-fixtures.ts';
import { addReviewer, signIn, sleep, startServer, waitFor, writeProbe } from './crash-support.ts';

const ENTRIES = 2000;

/** Authorities, and a national batch under a closed notice with ENTRIES passed entries (bulk inserts). */
async function prepareBatch(store: Store): Promise<number> {
  return store.transaction(async (trx) => {
    const at = now();
    const authorities = await seedAuthorities(trx);
    const programmes = await seedProgrammes(trx);
    const batch = await trx.insertInto('batches').values({ programme_id: programmes.get('green_factory')!, authority_id: authorities.national, tier: 'national', slug: 'crash-national-2026', name_zh: '2026年度绿色工厂名单', name_en: 'Green factories, 2026 list', ordinal: null, year: 2026, notice_number: '工信厅节函〔2027〕1号', framework_id: null, status: 'notice', recommend_deadline: null, published_on: null, timeline: '{}', created_at: at }).returning('id').executeTakeFirstOrThrow();
    const notice = await trx.insertInto('notices').values({ batch_id: batch.id, authority_id: authorities.national, title_zh: '公示', title_en: 'Notice', opens_on: '2027-01-04', closes_on: '2027-01-18', day_kind: 'calendar', days: 15, status: 'closed', closed_at: at, created_at: at }).returning('id').executeTakeFirstOrThrow();
    for (let from = 0; from < ENTRIES; from += 500) {
      const ids = Array.from({ length: Math.min(500, ENTRIES - from) }, (_, k) => from + k + 1);
      await trx.insertInto('enterprises').values(ids.map((id) => {
        const creditCode = composeCreditCode({ regionCode: '360400', organizationBody: `MA${String(id).padStart(6, '0')}` });
        const nameZh = `九江测试${id}新材料有限公司`;
        const nameEn = `Jiujiang Test ${id} New Materials Co., Ltd.`;
        return { id, credit_code: creditCode, name_zh: nameZh, name_en: nameEn, industry_code: '2614', province_code: '360000', city_code: '360400', region_code: '360425', address: '', legal_representative: '', search_text: searchTextOf({ nameZh, nameEn, creditCode }), is_demo: 0, created_at: at, updated_at: at };
      })).execute();
      await trx.insertInto('factories').values(ids.map((id) => ({ id, enterprise_id: id, name_zh: `九江测试${id}一厂`, name_en: 'Plant 1', region_code: '360425', address: '', site_area_m2: null, created_at: at }))).execute();
      await trx.insertInto('notice_entries').values(ids.map((id) => ({ notice_id: notice.id, application_id: null, enterprise_id: id, factory_id: id, name_zh: `九江测试${id}新材料有限公司`, status: 'passed', position: id }))).execute();
    }
    for (const table of ['enterprises', 'factories']) await store.capabilities.resetIdentity(trx, table);
    return batch.id;
  });
}

async function published(store: Store, batchId: number) {
  const entries = await store.db.selectFrom('list_entries').select(['id', 'enterprise_id']).where('batch_id', '=', batchId).execute();
  const certificates = await store.db.selectFrom('certificates').select(['number', 'list_entry_id']).execute();
  const batch = await store.db.selectFrom('batches').select('status').where('id', '=', batchId).executeTakeFirstOrThrow();
  return { status: batch.status, entries: entries.length, enterprises: new Set(entries.map((e) => e.enterprise_id)).size, certificates: certificates.length, numbers: new Set(certificates.map((c) => c.number)).size, certifiedEntries: new Set(certificates.map((c) => c.list_entry_id)).size };
}

for (const dialect of DIALECTS) {
  describe(`a batch publication killed mid-way on ${dialect.name}`, { skip: dialect.skip, timeout: 240_000 }, () => {
    test('leaves all entries and certificates or none; publishing again completes it once', async () => {
      const { config, drop } = await dialect.freshConfig();
      const folder = tempFolder();
      const store = openStore(config);
      try {
        await migrate(store);
        const batchId = await prepareBatch(store);
        const national = (await store.db.selectFrom('authorities').select('id').where('level', '=', 'national').executeTakeFirstOrThrow()).id;
        await addReviewer(store, 'national@crash', 'national', national);

        let server = await startServer(config, folder.path);
        const headers = await signIn(server.url, 'national@crash');
        const probe = writeProbe(config, { table: 'batches', id: batchId });
        // The answer never comes: the server dies first.
        const pending = fetch(`${server.url}/api/v1/batches/${batchId}/publish`, { method: 'POST', headers }).catch(() => undefined);
        try {
          await waitFor('the publication’s transaction', () => probe.busy());
        } finally {
          await probe.close();
        }
        // Well inside the transaction: it lasts about 1.3 s on SQLite and 6 s on PostgreSQL here (bench/publish-certificates.ts).
        await sleep(100);
        await server.kill();
        await pending;

        const afterKill = await published(store, batchId);
        assert.ok([0, ENTRIES].includes(afterKill.entries) && afterKill.certificates === afterKill.entries, `all or nothing: ${JSON.stringify(afterKill)}`);
        assert.deepEqual([afterKill.status, afterKill.entries, afterKill.certificates], ['notice', 0, 0], 'killed inside the transaction: nothing published');

        server = await startServer(config, folder.path);
        try {
          const again = await fetch(`${server.url}/api/v1/batches/${batchId}/publish`, { method: 'POST', headers: await signIn(server.url, 'national@crash') });
          assert.equal(again.status, 200, await again.clone().text());
          assert.equal(((await again.json()) as { added: number[] }).added.length, ENTRIES);
          const third = await fetch(`${server.url}/api/v1/batches/${batchId}/publish`, { method: 'POST', headers: await signIn(server.url, 'national@crash') });
          assert.equal(((await third.json()) as { alreadyPublished: boolean }).alreadyPublished, true);
        } finally {
          await server.stop();
        }
        assert.deepEqual(await published(store, batchId), { status: 'published', entries: ENTRIES, enterprises: ENTRIES, certificates: ENTRIES, numbers: ENTRIES, certifiedEntries: ENTRIES });
        assert.equal((await verifyAuditChain(store)).ok, true);
      } finally {
        await store.close();
        folder.remove();
        await drop();
      }
    });
  });
}
