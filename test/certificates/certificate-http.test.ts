/**
 * Certificates over HTTP and on paper, on both databases: the published keys, the signed
 * JSON, the PDF (its text read back holds the Chinese name and number, its QR code decodes
 * to the verify URL, its attachment verifies offline with the CLI), verification by number
 * and by upload, and the /verify pages in both languages — "revoked" once the entry is removed.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import jsQRModule from 'jsqr';
import { DIALECTS } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { insertPublishedBatch, raiseBatchPublished, removeEntry, seedProgramme } from './certificate-fixtures.ts';
import { verifyCertificateFile } from '../../src/cli/commands/verify-certificate.ts';
import { readCertificateAttachment } from '../../src/output/pdf/read-certificate-attachment.ts';

// jsqr is CommonJS typed as an ES default export: take the function whichever way it loads.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

const NUMBER = 'GF-N-2025-000000-000001';
const PUBLIC_URL = 'https://greenlist.example';
const root = new URL('../../', import.meta.url).pathname;

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function pdfQrCode(pdf: Buffer): Promise<string | undefined> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const shot = await parser.getScreenshot({ scale: 2 });
    const png = PNG.sync.read(Buffer.from(shot.pages[0]!.data));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  } finally {
    await parser.destroy();
  }
}

for (const dialect of DIALECTS) {
  describe(`certificates over HTTP on ${dialect.name}`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let entryIds: number[] = [];
    let folder: string;
    before(async () => {
      folder = mkdtempSync(join(tmpdir(), 'greenlist-certificates-'));
      t = await startTestApp(dialect, {
        config: { publicUrl: PUBLIC_URL },
        prepare: async (store) => {
          const programme = await seedProgramme(store, 2);
          const batch = await insertPublishedBatch(store, programme, { slug: 'national-factory-2025', year: 2025, publishedOn: '2026-03-18', enterpriseIds: programme.enterpriseIds });
          await raiseBatchPublished(store, batch.batchId, batch.entryIds, '2026-03-18');
          entryIds = batch.entryIds;
        },
      });
    });
    after(async () => {
      await t?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    test('the key set and the signed certificate are public, and verify together', async () => {
      const keys = await t.app.inject({ method: 'GET', url: '/.well-known/greenlist-keys.json' });
      assert.equal(keys.statusCode, 200);
      assert.equal(keys.json().format, 'greenlist-keys/1');
      assert.equal(keys.json().issuer, PUBLIC_URL);
      assert.equal(keys.json().keys.length, 1);
      assert.equal(keys.json().keys[0].status, 'current');
      assert.match(keys.headers['cache-control'] as string, /max-age/);
      const certificate = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${NUMBER}` });
      assert.equal(certificate.statusCode, 200);
      const document = certificate.json();
      assert.equal(document.payload.number, NUMBER);
      assert.equal(document.signature.keyId, keys.json().keys[0].kid);
      assert.equal(document.links.verify, `${PUBLIC_URL}/verify/${NUMBER}?sig=${document.signature.value}`);
      const upload = await t.app.inject({ method: 'POST', url: '/api/v1/certificates/verify', payload: document });
      assert.equal(upload.statusCode, 200);
      assert.equal(upload.json().valid, true);
      assert.equal(upload.json().presentedSignature, 'matches');
      document.payload.tier = 'city';
      const altered = await t.app.inject({ method: 'POST', url: '/api/v1/certificates/verify', payload: document });
      assert.equal(altered.json().valid, false);
      assert.equal(altered.json().signature.failure, 'bad-signature');
      const garbage = await t.app.inject({ method: 'POST', url: '/api/v1/certificates/verify', payload: { format: 'greenlist-certificate/1', payload: {} } });
      assert.equal(garbage.statusCode, 400);
      assert.equal(garbage.json().error.code, 'VALIDATION');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/certificates/GF-N-2025-000000-000099' })).statusCode, 404);
    });

    test('the PDF holds the Chinese name and the number, its QR code opens the verify URL, and its attachment verifies offline', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${NUMBER}.pdf` });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      const pdf = response.rawPayload;
      const text = await pdfText(pdf);
      assert.match(text, /江西蓝星星火有机硅有限公司/);
      assert.match(text, new RegExp(NUMBER));
      assert.match(text, /绿\s*色\s*工\s*厂\s*证\s*书/);
      const document = (await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${NUMBER}` })).json();
      assert.equal(await pdfQrCode(pdf), `${PUBLIC_URL}/verify/${NUMBER}?sig=${document.signature.value}`);
      assert.deepEqual((readCertificateAttachment(pdf) as { payload: unknown }).payload, document.payload);

      const pdfPath = join(folder, `${dialect.name}.pdf`);
      const keysPath = join(folder, `${dialect.name}-keys.json`);
      writeFileSync(pdfPath, pdf);
      writeFileSync(keysPath, (await t.app.inject({ method: 'GET', url: '/.well-known/greenlist-keys.json' })).body);
      const offline = await verifyCertificateFile(pdfPath, { keys: keysPath });
      assert.equal(offline.check.valid, true);
      assert.equal(offline.keysNamedByCertificate, false);
      const jsonPath = join(folder, `${dialect.name}-forged.json`);
      writeFileSync(jsonPath, JSON.stringify({ ...document, payload: { ...document.payload, enterprise: { ...document.payload.enterprise, nameZh: '冒名有限公司' } } }));
      const forged = await verifyCertificateFile(jsonPath, { keys: keysPath });
      assert.deepEqual([forged.check.valid, forged.check.valid ? null : forged.check.reason], [false, 'bad-signature']);
      if (dialect.name === 'sqlite') {
        // The command itself, as a user runs it: exit 0 for the genuine PDF, 5 for the forged JSON.
        const run = (file: string) => spawnSync(process.execPath, ['bin/greenlist.js', 'verify-certificate', file, '--keys', keysPath], { cwd: root, encoding: 'utf8', env: { ...process.env, GREENLIST_DATA_DIR: folder } });
        const genuine = run(pdfPath);
        assert.equal(genuine.status, 0, genuine.stderr);
        assert.match(genuine.stdout, /signature\s+VALID/);
        const fake = run(jsonPath);
        assert.equal(fake.status, 5, fake.stderr);
        assert.match(fake.stdout, /INVALID/);
      }
    });

    test('the verify pages say valid in Chinese and English, and not found plainly', async () => {
      const form = await t.app.inject({ method: 'GET', url: '/verify' });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<form[^>]+action="\/verify"/);
      const redirect = await t.app.inject({ method: 'GET', url: `/verify?number=${NUMBER.toLowerCase()}` });
      assert.equal(redirect.statusCode, 303);
      assert.equal(redirect.headers.location, `/verify/${NUMBER}`);
      const zh = await t.app.inject({ method: 'GET', url: `/verify/${NUMBER}` });
      assert.equal(zh.statusCode, 200);
      assert.match(zh.body, /有效：签名真实，企业仍在名单之中/);
      assert.match(zh.body, /江西蓝星星火有机硅有限公司/);
      const en = await t.app.inject({ method: 'GET', url: `/en/verify/${NUMBER}` });
      assert.match(en.body, /Valid: the signature is genuine/);
      const forgedQr = await t.app.inject({ method: 'GET', url: `/verify/${NUMBER}?sig=${'A'.repeat(86)}` });
      assert.match(forgedQr.body, /不符/);
      const missing = await t.app.inject({ method: 'GET', url: '/verify/GF-N-2025-000000-000777' });
      assert.equal(missing.statusCode, 404);
      assert.match(missing.body, /未找到/);
      assert.doesNotMatch(missing.body, /<script>/);
    });

    test('removal makes the certificate say revoked, with date and reason, on the API and the page', async () => {
      await removeEntry(t.store, entryIds[0]!, '未按期填报动态管理表 / dynamic-management table not filed', '2026-05-01');
      const api = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${NUMBER}/verify` });
      assert.equal(api.statusCode, 200);
      assert.equal(api.json().status, 'removed');
      assert.equal(api.json().revoked, true);
      assert.equal(api.json().valid, false);
      assert.deepEqual(api.json().removal, { on: '2026-05-01', reason: '未按期填报动态管理表 / dynamic-management table not filed', mode: 'immediate' });
      const page = await t.app.inject({ method: 'GET', url: `/verify/${NUMBER}` });
      assert.match(page.body, /已撤销：企业已于 2026-05-01 移出名单/);
      assert.match(page.body, /未按期填报动态管理表/);
      const en = await t.app.inject({ method: 'GET', url: `/verify/${NUMBER}?lang=en` });
      assert.match(en.body, /Revoked: the enterprise was removed from the list on 2026-05-01/);
    });

    test('revoking and rotating keys need a signed-in authority', async () => {
      const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/certificates/GF-N-2025-000000-000002/revoke`, payload: { reason: 'forged documents' } });
      assert.equal(revoke.statusCode, 401);
      const rotate = await t.app.inject({ method: 'POST', url: '/api/v1/signing-keys', payload: { authorityCode: 'MIIT' } });
      assert.equal(rotate.statusCode, 401);
    });
  });
}
