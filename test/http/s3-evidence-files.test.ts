/**
 * Evidence files in an S3-compatible bucket (s3rver on loopback), on both databases: an
 * app configured with GREENLIST_S3_* puts an objection's evidence and an EHS evidence
 * file in the bucket, none on its data directory, and serves the EHS file back from it.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../src/config/env.ts';
import { todayInShanghai } from '../../src/domain/calendar/plain-date.ts';
import { createS3ObjectStore } from '../../src/store/files/s3-object-store.ts';
import type { ObjectStore } from '../../src/store/files/object-store.ts';
import { now } from '../../src/store/store.ts';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { loadPublicFixture } from '../public/fixture.ts';
import { bearer, EMAILS, ehsUsers } from '../ehs/ehs-http-fixtures.ts';
import type { EhsWorld } from '../ehs/ehs-fixtures.ts';

/** A PDF of its own per test, so no other test (or database) has already put its object. */
const uniquePdf = () => Buffer.from(`%PDF-1.4\n% greenlist bucket evidence ${randomUUID()}\n%%EOF\n`);

describe('evidence files in an S3-compatible bucket', () => {
  let server: S3rver;
  let serverDirectory: string;
  let s3: S3Settings;
  let bucket: ObjectStore;
  before(async () => {
    serverDirectory = mkdtempSync(join(tmpdir(), 'greenlist-s3rver-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: serverDirectory, configureBuckets: [{ name: 'evidence', configs: [] }] });
    const { port } = await server.run();
    s3 = { endpoint: `http://127.0.0.1:${port}`, bucket: 'evidence', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    bucket = createS3ObjectStore(s3);
  });
  after(async () => {
    await server?.close();
    rmSync(serverDirectory, { recursive: true, force: true });
  });

  for (const dialect of DIALECTS) {
    describe(`on ${dialect.name}`, { skip: dialect.skip }, () => {
      let dataDirectory: string;
      let t: TestApp | undefined;
      before(() => {
        dataDirectory = mkdtempSync(join(tmpdir(), 'greenlist-s3-app-'));
      });
      after(async () => {
        await t?.close();
        rmSync(dataDirectory, { recursive: true, force: true });
      });

      test("an objection's evidence goes to the bucket, not to the data directory", async () => {
        let fixture: Awaited<ReturnType<typeof loadPublicFixture>> | undefined;
        t = await startTestApp(dialect, { prepare: async (store) => void (fixture = await loadPublicFixture(store, { today: todayInShanghai() })), config: { dataDirectory, s3 } });
        const pdf = uniquePdf();
        const filed = await t.app.inject({
          method: 'POST',
          url: `/api/v1/notices/${fixture!.openNoticeId}/objections`,
          payload: { entryId: fixture!.candidates.paint, fullName: '张三', contact: 'zhangsan@example.org', reason: '该企业2026年发生环境违法行为，已被处罚。', evidence: { fileName: '处罚决定书.pdf', contentBase64: pdf.toString('base64') } },
        });
        assert.equal(filed.statusCode, 201, filed.body);
        assert.deepEqual(filed.json().evidence, { mediaType: 'application/pdf', size: pdf.byteLength });
        const objection = await t.store.db.selectFrom('objections').select('evidence_file_id').where('case_number', '=', filed.json().caseNumber).executeTakeFirstOrThrow();
        const file = await t.store.db.selectFrom('files').selectAll().where('id', '=', objection.evidence_file_id!).executeTakeFirstOrThrow();
        assert.equal(await bucket.exists(file.storage_key), true);
        assert.deepEqual(await bucket.get(file.storage_key), pdf);
        assert.equal(existsSync(join(dataDirectory, file.storage_key)), false);
        assert.equal(existsSync(join(dataDirectory, 'files')), false, 'nothing was written under the data directory');
        await t.close();
        t = undefined;
      });

      test('an EHS evidence file goes to the bucket and is downloaded from it; a missing object answers 404', async () => {
        let world: EhsWorld | undefined;
        t = await startTestApp(dialect, { prepare: async (store) => void (world = await ehsUsers(store)), config: { dataDirectory, s3 } });
        const plant = await bearer(t.app, EMAILS.plant);
        const base = `/api/v1/ehs/${world!.plantId}/evidence-files`;
        const pdf = uniquePdf();
        const upload = await t.app.inject({ method: 'POST', url: base, headers: { ...plant, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('标定记录.pdf') }, payload: pdf });
        assert.equal(upload.statusCode, 201, upload.body);
        const file = await t.store.db.selectFrom('files').selectAll().where('id', '=', upload.json().id).executeTakeFirstOrThrow();
        assert.deepEqual(await bucket.get(file.storage_key), pdf);
        assert.equal(existsSync(join(dataDirectory, 'files')), false, 'nothing was written under the data directory');

        const again = await t.app.inject({ method: 'POST', url: base, headers: { ...plant, 'content-type': 'application/pdf', 'x-file-name': 'copy.pdf' }, payload: pdf });
        assert.equal(again.statusCode, 201, again.body);
        const copy = await t.store.db.selectFrom('files').select('storage_key').where('id', '=', again.json().id).executeTakeFirstOrThrow();
        assert.equal(copy.storage_key, file.storage_key, 'the same content is one object');

        const download = await t.app.inject({ method: 'GET', url: `${base}/${file.id}`, headers: plant });
        assert.equal(download.statusCode, 200, download.body);
        assert.equal(download.headers['content-type'], 'application/pdf');
        assert.ok(download.rawPayload.equals(pdf));

        const missing = await t.store.db.insertInto('files').values({ enterprise_id: world!.plantId, sha256: '0'.repeat(64), original_name: 'gone.pdf', media_type: 'application/pdf', size: 1, storage_key: `files/00/00/${'0'.repeat(64)}`, created_at: now() }).returning('id').executeTakeFirstOrThrow();
        const gone = await t.app.inject({ method: 'GET', url: `${base}/${missing.id}`, headers: plant });
        assert.equal(gone.statusCode, 404, gone.body);
      });
    });
  }
});
