/** The demo's certificates, on both databases: every listed entry has one; removals show revoked, renames renamed; the national key rotated. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { TEST_SECRET } from './certificate-fixtures.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { bindServerSecret } from '../../src/commands/certificates/server-secret.ts';
import { verifyCertificate } from '../../src/commands/certificates/verify-certificate.ts';
import { publishedKeys } from '../../src/store/queries/certificate-status.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import type { Store } from '../../src/store/store.ts';

async function seeded(store: Store): Promise<void> {
  bindServerSecret(store, TEST_SECRET);
  await seedDemo(store, { today: '2026-11-30' });
}

const certificateRows = (store: Store) =>
  store.db
    .selectFrom('certificates as c')
    .innerJoin('list_entries as e', 'e.id', 'c.list_entry_id')
    .innerJoin('batches as b', 'b.id', 'e.batch_id')
    .select(['c.number', 'c.status', 'c.issued_on', 'c.revoked_on', 'e.status as entry_status', 'e.enterprise_id', 'b.slug'])
    .orderBy('c.number')
    .execute();

for (const dialect of DIALECTS) {
  describe(`demo certificates on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('every entry of a published batch has a certificate that verifies as the list says', async () => {
      await withTestStore(dialect, async (store) => {
        await seeded(store);
        const entries = await store.db.selectFrom('list_entries as e').innerJoin('batches as b', 'b.id', 'e.batch_id').select('e.id').where('b.status', '=', 'published').execute();
        const rows = await certificateRows(store);
        assert.equal(rows.length, entries.length);
        assert.ok(rows.length > 100);
        for (const row of rows) assert.equal(row.status, row.entry_status === 'removed' ? 'revoked' : row.entry_status === 'renamed' ? 'renamed' : 'valid', row.number);
        assert.equal(rows.filter((r) => r.status === 'revoked').length, 2, 'the demo removed two entries of the 4th batch');

        // The silicone plant is the first entry of the national 4th batch (2019), signed by the national key of that day, since retired.
        const plant = await verifyCertificate(store, { number: 'GF-N-2019-000000-000001' });
        assert.equal(plant.status, 'valid');
        assert.equal(plant.valid, true);
        assert.equal(plant.certificate?.payload.enterprise.nameZh, '江西蓝星星火有机硅有限公司');
        assert.equal(plant.certificate?.payload.issuedOn, '2019-09-17');
        assert.equal(plant.signature?.keyStatus, 'retired');
        const provincial = await verifyCertificate(store, { number: 'GF-P-2019-360000-000001' });
        assert.equal(provincial.certificate?.payload.enterprise.nameZh, '江西蓝星星火有机硅有限公司');
        assert.equal(provincial.valid, true);

        const revoked = rows.find((r) => r.status === 'revoked')!;
        const removed = await verifyCertificate(store, { number: revoked.number });
        assert.equal(removed.status, 'removed');
        assert.equal(removed.revoked, true);
        assert.equal(removed.removal?.on, '2026-03-18');
        const renamed = await verifyCertificate(store, { number: rows.find((r) => r.status === 'renamed')!.number });
        assert.equal(renamed.status, 'renamed');
        assert.match(renamed.certificate!.payload.enterprise.nameZh, /有限公司$/);
        assert.equal(renamed.rename?.to, renamed.rename!.from.replace('有限公司', '股份有限公司'));

        const keys = await publishedKeys(store.db);
        assert.deepEqual(keys.map((k) => `${k.authority.code}:${k.status}`).sort(), ['360000:current', '360400:current', 'MIIT:current', 'MIIT:retired']);
        assert.equal(keys.find((k) => k.status === 'retired')?.validUntil, '2024-12-31');
        const national2025 = await verifyCertificate(store, { number: 'GF-N-2025-000000-000001' });
        assert.equal(national2025.signature?.keyStatus, 'current');
        assert.equal((await verifyAuditChain(store)).ok, true);
      });
    });
  });
}

test('demo certificate numbers, dates and statuses are the same on every load (only keys and signatures differ)', async () => {
  const snapshot = () =>
    withTestStore(DIALECTS[0]!, async (store) => {
      await seeded(store);
      return JSON.stringify(await certificateRows(store));
    });
  assert.equal(await snapshot(), await snapshot());
});
