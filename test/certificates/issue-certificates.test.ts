/**
 * Certificates follow the list on both databases: publication issues them in its own
 * transaction, re-publishing issues none twice, removal revokes, a rename is reported,
 * and key rotation (or a changed server secret) keeps every old certificate verifiable.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { insertPublishedBatch, PUBLISHER, raiseBatchPublished, removeEntry, renameEntry, seedProgramme, TEST_SECRET } from './certificate-fixtures.ts';
import { onDomainEvent, raiseDomainEvent, type DomainEvents } from '../../src/commands/events/domain-events.ts';
import { issueCertificates } from '../../src/commands/certificates/issue-certificates.ts';
import { rotateSigningKey } from '../../src/commands/certificates/rotate-signing-key.ts';
import { bindServerSecret } from '../../src/commands/certificates/server-secret.ts';
import { verifyCertificate, verifyCertificateDocument } from '../../src/commands/certificates/verify-certificate.ts';
import { publishedKeys } from '../../src/store/queries/certificate-status.ts';
import { verifyCertificateSignature } from '../../src/domain/certificates/certificate-document.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Store } from '../../src/store/store.ts';

const revokedEvents: DomainEvents['certificate.revoked'][] = [];
onDomainEvent('certificate.revoked', async (_context, event) => {
  revokedEvents.push(event);
});

const certificates = (store: Store) => store.db.selectFrom('certificates').selectAll().orderBy('number').execute();

for (const dialect of DIALECTS) {
  describe(`certificates on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('publication issues one signed certificate per listed entry, numbered under the batch prefix, in its transaction', async () => {
      await withTestStore(dialect, async (store) => {
        const programme = await seedProgramme(store, 3);
        const batch = await insertPublishedBatch(store, programme, { slug: 'national-factory-2025', year: 2025, publishedOn: '2026-03-18', enterpriseIds: programme.enterpriseIds });
        await raiseBatchPublished(store, batch.batchId, batch.entryIds, '2026-03-18');

        const rows = await certificates(store);
        // GF green factory, N national, 2025 list year, 000000 MIIT's region, sequence from 1
        assert.deepEqual(rows.map((r) => r.number), ['GF-N-2025-000000-000001', 'GF-N-2025-000000-000002', 'GF-N-2025-000000-000003']);
        assert.deepEqual(rows.map((r) => r.list_entry_id).sort(), [...batch.entryIds].sort());
        const keys = await publishedKeys(store.db);
        assert.equal(keys.length, 1, 'the authority’s first key was created on first issue');
        assert.match(keys[0]!.kid, /^MIIT-[0-9a-f]{12}$/);
        const first = await verifyCertificate(store, { number: 'GF-N-2025-000000-000001' });
        assert.equal(first.status, 'valid');
        assert.equal(first.valid, true);
        assert.equal(first.signature?.valid, true);
        assert.equal(first.certificate?.payload.enterprise.nameZh, '江西蓝星星火有机硅有限公司');
        assert.equal(first.certificate?.payload.issuedOn, '2026-03-18');
        assert.equal(first.certificate?.payload.issuer.code, 'MIIT');
        assert.equal(verifyCertificateSignature(first.certificate!, keys).valid, true);
        const audit = await store.db.selectFrom('audit_events').select('action').where('action', '=', 'certificate.issued').execute();
        assert.equal(audit.length, 3);
        assert.equal((await verifyAuditChain(store)).ok, true);
      });
    });

    test('re-publishing issues nothing twice; a failed publication issues nothing at all', async () => {
      await withTestStore(dialect, async (store) => {
        const programme = await seedProgramme(store, 3);
        const batch = await insertPublishedBatch(store, programme, { slug: 'b1', year: 2025, publishedOn: '2026-03-18', enterpriseIds: programme.enterpriseIds });
        await raiseBatchPublished(store, batch.batchId, batch.entryIds, '2026-03-18');
        await raiseBatchPublished(store, batch.batchId, batch.entryIds, '2026-03-18');
        const again = await issueCertificates(store, PUBLISHER, { batchSlug: 'b1' });
        assert.deepEqual(again.issued, []);
        assert.equal((await certificates(store)).length, 3);

        const second = await insertPublishedBatch(store, programme, { slug: 'b2', year: 2026, publishedOn: '2027-03-01', enterpriseIds: programme.enterpriseIds.slice(0, 2) });
        await assert.rejects(
          store.transaction(async (trx) => {
            await raiseDomainEvent({ trx, store, actor: PUBLISHER }, 'batch.published', { batchId: second.batchId, entryIds: second.entryIds, publishedOn: '2027-03-01' });
            throw new Error('publication failed after the event');
          }),
          /publication failed/,
        );
        assert.equal((await certificates(store)).length, 3, 'the rolled-back publication left no certificate');
        assert.equal((await issueCertificates(store, PUBLISHER, { batchSlug: 'b2' })).issued.length, 2, 'issuing later still works, from sequence 1 of its prefix');
        assert.deepEqual((await certificates(store)).map((r) => r.number).filter((n) => n.startsWith('GF-N-2026')), ['GF-N-2026-000000-000001', 'GF-N-2026-000000-000002']);
      });
    });

    test('removal revokes the certificate in the same transaction and raises certificate.revoked', async () => {
      await withTestStore(dialect, async (store) => {
        const programme = await seedProgramme(store, 2);
        const batch = await insertPublishedBatch(store, programme, { slug: 'b1', year: 2025, publishedOn: '2026-03-18', enterpriseIds: programme.enterpriseIds });
        await raiseBatchPublished(store, batch.batchId, batch.entryIds, '2026-03-18');
        const before = revokedEvents.length;
        await removeEntry(store, batch.entryIds[1]!, '发生较大及以上安全事故 / a major safety accident', '2026-06-01');

        const removed = await verifyCertificate(store, { number: 'GF-N-2025-000000-000002' });
        assert.equal(removed.status, 'removed');
        assert.equal(removed.revoked, true);
        assert.equal(removed.valid, false);
        assert.equal(removed.signature?.valid, true, 'the signature itself is still genuine');
        assert.deepEqual(removed.removal, { on: '2026-06-01', reason: '发生较大及以上安全事故 / a major safety accident', mode: 'immediate' });
        assert.deepEqual(removed.revocation, { on: '2026-06-01', reason: '发生较大及以上安全事故 / a major safety accident' });
        const row = await store.db.selectFrom('certificates').selectAll().where('number', '=', 'GF-N-2025-000000-000002').executeTakeFirstOrThrow();
        assert.equal(row.status, 'revoked');
        assert.equal(revokedEvents.length, before + 1);
        assert.equal(revokedEvents.at(-1)!.number, 'GF-N-2025-000000-000002');
        assert.equal((await verifyCertificate(store, { number: 'GF-N-2025-000000-000001' })).status, 'valid', 'the other entry is untouched');
      });
    });

    test('a rename keeps the signed name and verifies as renamed; an unknown number is not found', async () => {
      await withTestStore(dialect, async (store) => {
        const programme = await seedProgramme(store, 1);
        const batch = await insertPublishedBatch(store, programme, { slug: 'b1', year: 2025, publishedOn: '2026-03-18', enterpriseIds: programme.enterpriseIds });
        await raiseBatchPublished(store, batch.batchId, batch.entryIds, '2026-03-18');
        await renameEntry(store, batch.entryIds[0]!, '江西蓝星星火有机硅股份有限公司', '2026-09-01');
        const renamed = await verifyCertificate(store, { number: 'gf-n-2025-000000-000001 ' });
        assert.equal(renamed.status, 'renamed');
        assert.equal(renamed.valid, true);
        assert.equal(renamed.certificate?.payload.enterprise.nameZh, '江西蓝星星火有机硅有限公司');
        assert.deepEqual(renamed.rename, { from: '江西蓝星星火有机硅有限公司', to: '江西蓝星星火有机硅股份有限公司', on: '2026-09-01' });
        assert.equal((await verifyCertificate(store, { number: 'GF-N-2025-000000-000009' })).status, 'not_found');
        assert.equal((await verifyCertificate(store, { number: 'not a number' })).status, 'not_found');
      });
    });

    test('a presented signature must match the record; a tampered record fails its signature', async () => {
      await withTestStore(dialect, async (store) => {
        const programme = await seedProgramme(store, 1);
        const batch = await insertPublishedBatch(store, programme, { slug: 'b1', year: 2025, publishedOn: '2026-03-18', enterpriseIds: programme.enterpriseIds });
        await raiseBatchPublished(store, batch.batchId, batch.entryIds, '2026-03-18');
        const number = 'GF-N-2025-000000-000001';
        const genuine = await verifyCertificate(store, { number });
        assert.equal((await verifyCertificate(store, { number, presentedSignature: genuine.certificate!.signature.value })).presentedSignature, 'matches');
        const forged = await verifyCertificate(store, { number, presentedSignature: 'A'.repeat(86) });
        assert.equal(forged.presentedSignature, 'differs');
        assert.equal(forged.valid, false);

        const upload = await verifyCertificateDocument(store, genuine.certificate!);
        assert.equal(upload.valid, true);
        const altered = structuredClone(genuine.certificate!);
        altered.payload.enterprise.nameZh = '冒名顶替有限公司';
        const uploadAltered = await verifyCertificateDocument(store, altered);
        assert.equal(uploadAltered.signature?.failure, 'bad-signature');
        assert.equal(uploadAltered.valid, false);

        await store.db.updateTable('certificates').set({ payload: JSON.stringify({ ...genuine.certificate!.payload, tier: 'province' }) }).where('number', '=', number).execute();
        const tampered = await verifyCertificate(store, { number });
        assert.equal(tampered.signature?.valid, false);
        assert.equal(tampered.valid, false);
      });
    });

    test('key rotation: the retired key stays published and its certificates still verify; new ones use the new key', async () => {
      await withTestStore(dialect, async (store) => {
        const programme = await seedProgramme(store, 2);
        const first = await insertPublishedBatch(store, programme, { slug: 'b1', year: 2024, publishedOn: '2025-01-22', enterpriseIds: programme.enterpriseIds });
        await raiseBatchPublished(store, first.batchId, first.entryIds, '2025-01-22');
        const rotation = await rotateSigningKey(store, PUBLISHER, { authorityCode: 'MIIT' });
        const second = await insertPublishedBatch(store, programme, { slug: 'b2', year: 2025, publishedOn: '2026-03-18', enterpriseIds: programme.enterpriseIds });
        await raiseBatchPublished(store, second.batchId, second.entryIds, '2026-03-18');

        const keys = await publishedKeys(store.db);
        assert.equal(keys.length, 2);
        assert.deepEqual(keys.map((k) => k.status), ['retired', 'current']);
        assert.equal(keys[0]!.kid, rotation.retiredKeyId);
        const old = await verifyCertificate(store, { number: 'GF-N-2024-000000-000001' });
        assert.equal(old.valid, true);
        assert.equal(old.signature?.keyStatus, 'retired');
        const fresh = await verifyCertificate(store, { number: 'GF-N-2025-000000-000001' });
        assert.equal(fresh.signature?.keyId, rotation.currentKeyId);
        assert.equal(fresh.signature?.keyStatus, 'current');
        await assert.rejects(rotateSigningKey(store, { kind: 'public', clientKey: 'k' }, { authorityCode: 'MIIT' }), (e) => AppError.is(e, 'UNAUTHENTICATED'));
      });
    });

    test('a changed server secret retires the key it cannot open, and what that key signed still verifies', async () => {
      await withTestStore(dialect, async (store) => {
        const programme = await seedProgramme(store, 1);
        const first = await insertPublishedBatch(store, programme, { slug: 'b1', year: 2024, publishedOn: '2025-01-22', enterpriseIds: programme.enterpriseIds });
        await raiseBatchPublished(store, first.batchId, first.entryIds, '2025-01-22');
        bindServerSecret(store, TEST_SECRET.split('').reverse().join(''));
        const second = await insertPublishedBatch(store, programme, { slug: 'b2', year: 2025, publishedOn: '2026-03-18', enterpriseIds: programme.enterpriseIds });
        await raiseBatchPublished(store, second.batchId, second.entryIds, '2026-03-18');
        const keys = await publishedKeys(store.db);
        assert.deepEqual(keys.map((k) => k.status), ['retired', 'current']);
        assert.equal((await verifyCertificate(store, { number: 'GF-N-2024-000000-000001' })).valid, true);
        assert.equal((await verifyCertificate(store, { number: 'GF-N-2025-000000-000001' })).valid, true);
      });
    });

    test('a provincial batch is numbered under its province and signed by its own key', async () => {
      await withTestStore(dialect, async (store) => {
        const programme = await seedProgramme(store, 2);
        const batch = await insertPublishedBatch(store, programme, { slug: 'jiangxi-2025', year: 2025, publishedOn: '2025-12-26', enterpriseIds: programme.enterpriseIds, authority: 'jiangxi' });
        await raiseBatchPublished(store, batch.batchId, batch.entryIds, '2025-12-26');
        const result = await verifyCertificate(store, { number: 'GF-P-2025-360000-000002' });
        assert.equal(result.valid, true);
        assert.equal(result.certificate?.payload.tier, 'province');
        assert.match(result.signature!.keyId, /^360000-/);
      });
    });
  });
}
