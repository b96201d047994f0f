/**
 * The signature, offline: any changed byte of the signed payload or of the signature
 * fails (property tests over every byte position), a retired key still verifies what it
 * signed before retirement, and the number scheme reads back what it wrote.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { certificateNumberPrefix, formatCertificateNumber, parseCertificateNumber } from '../../src/domain/certificates/certificate-number.ts';
import { CERTIFICATE_FORMAT, certificatePayloadBytes, parseCertificatePayload, type CertificatePayload } from '../../src/domain/certificates/certificate-payload.ts';
import { generateSigningKeyPair, privateKeyFromPkcs8, signBytes, signingKeyId, verifyBytes } from '../../src/domain/certificates/certificate-signature.ts';
import { certificateDocument, parseCertificateDocument, verifyCertificateSignature } from '../../src/domain/certificates/certificate-document.ts';
import type { PublishedKey } from '../../src/domain/certificates/published-keys.ts';
import { AppError } from '../../src/domain/errors.ts';

const pair = generateSigningKeyPair();
const keyId = signingKeyId('MIIT', pair.publicKey);
const privateKey = privateKeyFromPkcs8(pair.privateKeyPkcs8);

function payload(overrides: Partial<CertificatePayload> = {}): CertificatePayload {
  return {
    format: CERTIFICATE_FORMAT,
    number: 'GF-N-2019-000000-000001',
    enterprise: { nameZh: '江西蓝星星火有机硅有限公司', nameEn: 'Jiangxi Bluestar Xinghuo Silicones Co., Ltd.', creditCode: '91360400705511311X' },
    factory: { nameZh: '星火厂区', nameEn: 'Xinghuo site' },
    programme: { code: 'green_factory', nameZh: '绿色工厂', nameEn: 'Green factories' },
    tier: 'national',
    batch: { slug: 'national-factory-4', nameZh: '第四批绿色工厂名单', nameEn: 'Green factories, 4th batch', year: 2019, noticeNumber: null, publishedOn: '2019-09-17' },
    framework: null,
    issuer: { code: 'MIIT', level: 'national', regionCode: '000000', nameZh: '工业和信息化部', nameEn: 'Ministry of Industry and Information Technology' },
    issuedOn: '2019-09-17',
    validity: { from: '2019-09-17', until: null, condition: 'while-listed' },
    keyId,
    ...overrides,
  };
}

function publishedKey(overrides: Partial<PublishedKey> = {}): PublishedKey {
  return { kid: keyId, kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', x: pair.publicKey, authority: { code: 'MIIT', level: 'national', regionCode: '000000', nameZh: '工业和信息化部', nameEn: '' }, validFrom: '2019-01-01', validUntil: null, status: 'current', ...overrides };
}

const signed = payload();
const bytes = certificatePayloadBytes(signed);
const signature = signBytes(bytes, privateKey);
const document = certificateDocument(signed, signature);

/** Verifies a certificate file given as bytes: unreadable or altered both count as not verified. */
function fileVerifies(text: Buffer, keys: PublishedKey[] = [publishedKey()]): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.toString('utf8'));
    return verifyCertificateSignature(parseCertificateDocument({ format: CERTIFICATE_FORMAT, payload: parsed, signature: document.signature }), keys).valid;
  } catch (error) {
    if (error instanceof SyntaxError || AppError.is(error, 'VALIDATION')) return false;
    throw error;
  }
}

test('the genuine payload and signature verify, as bytes and as a file', () => {
  assert.equal(verifyBytes(bytes, signature, pair.publicKey), true);
  assert.equal(fileVerifies(bytes), true);
  assert.equal(signature.length, 86, '64 bytes in base64url without padding');
});

test('changing any byte of the signed payload fails verification', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (position, flip) => {
      const altered = Buffer.from(bytes);
      altered[position] = altered[position]! ^ flip;
      assert.equal(verifyBytes(altered, signature, pair.publicKey), false, `byte ${position} ^ ${flip}`);
      assert.equal(fileVerifies(altered), false, `file with byte ${position} ^ ${flip}`);
    }),
    { numRuns: 600 },
  );
});

test('changing any byte of the signature, or any character of its text, fails verification', () => {
  const raw = Buffer.from(signature, 'base64url');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: raw.length - 1 }), fc.integer({ min: 1, max: 255 }), (position, flip) => {
      const altered = Buffer.from(raw);
      altered[position] = altered[position]! ^ flip;
      assert.equal(verifyBytes(bytes, altered.toString('base64url'), pair.publicKey), false, `signature byte ${position} ^ ${flip}`);
    }),
    { numRuns: 400 },
  );
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  fc.assert(
    fc.property(fc.integer({ min: 0, max: signature.length - 1 }), fc.integer({ min: 1, max: 63 }), (position, shift) => {
      // Every other base64url character at this position, including the last one whose
      // low bits are padding: a non-canonical spelling is refused, not decoded alike.
      const replaced = alphabet[(alphabet.indexOf(signature[position]!) + shift) % 64]!;
      const altered = signature.slice(0, position) + replaced + signature.slice(position + 1);
      assert.equal(verifyBytes(bytes, altered, pair.publicKey), false, `character ${position} → ${replaced}`);
    }),
    { numRuns: 400 },
  );
});

test('a retired key verifies what it signed before retirement, and nothing dated after', () => {
  const retired = publishedKey({ validUntil: '2024-12-31', status: 'retired' });
  assert.deepEqual(verifyCertificateSignature(document, [retired]), { valid: true, key: retired });
  const late = payload({ issuedOn: '2025-02-01', validity: { from: '2025-02-01', until: null, condition: 'while-listed' } });
  const lateDocument = certificateDocument(late, signBytes(certificatePayloadBytes(late), privateKey));
  assert.equal(verifyCertificateSignature(lateDocument, [publishedKey()]).valid, true);
  assert.deepEqual(verifyCertificateSignature(lateDocument, [retired]), { valid: false, reason: 'issued-after-key-retired', key: retired });
});

test('an unknown key, or a key of another authority, does not verify', () => {
  const other = generateSigningKeyPair();
  assert.deepEqual(verifyCertificateSignature(document, [publishedKey({ kid: signingKeyId('MIIT', other.publicKey), x: other.publicKey })]), { valid: false, reason: 'unknown-key' });
  const jiangxi = publishedKey({ authority: { code: '360000', level: 'province', regionCode: '360000', nameZh: '江西省工业和信息化厅', nameEn: '' } });
  assert.equal(verifyCertificateSignature(document, [jiangxi]).valid, false);
  const impostor = publishedKey({ x: other.publicKey });
  assert.equal(verifyCertificateSignature(document, [impostor]).valid, false, 'the right key id with another public key');
});

test('a payload with a field the format does not know is refused, not silently dropped', () => {
  assert.throws(() => parseCertificatePayload({ ...signed, note: 'extra' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'payload.note');
  assert.throws(() => parseCertificatePayload({ ...signed, enterprise: { ...signed.enterprise, rating: 'A' } }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'payload.enterprise.rating');
  assert.throws(() => parseCertificatePayload({ ...signed, factory: undefined }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'payload.factory');
  assert.deepEqual(parseCertificatePayload(JSON.parse(JSON.stringify(signed))), signed);
});

test('certificate numbers: programme, tier, year, region, sequence — written and read back', () => {
  const parts = { programme: 'green_factory', tier: 'province', year: 2025, regionCode: '360000', sequence: 123 } as const;
  assert.equal(formatCertificateNumber(parts), 'GF-P-2025-360000-000123');
  assert.deepEqual(parseCertificateNumber('GF-P-2025-360000-000123'), parts);
  assert.deepEqual(parseCertificateNumber(' gf-p-2025-360000-000123 '), parts);
  assert.equal(certificateNumberPrefix({ programme: 'green_park', tier: 'national', year: 2025, regionCode: '000000' }), 'GP-N-2025-000000-');
  for (const bad of ['GF-X-2025-360000-000123', 'GF-P-2025-36000-000123', 'GF-P-2025-360000-000000', 'XX-P-2025-360000-000001', 'GF-P-2025-360000-000123-1', '']) {
    assert.equal(parseCertificateNumber(bad), undefined, bad);
  }
  fc.assert(
    fc.property(fc.constantFrom('green_factory', 'green_park', 'green_supply_chain', 'green_design_product', 'system_integration' as const), fc.constantFrom('national', 'province', 'city' as const), fc.integer({ min: 1000, max: 9999 }), fc.stringMatching(/^\d{6}$/), fc.integer({ min: 1, max: 999_999 }), (programme, tier, year, regionCode, sequence) => {
      const number = formatCertificateNumber({ programme, tier, year, regionCode, sequence });
      assert.deepEqual(parseCertificateNumber(number), { programme, tier, year, regionCode, sequence });
    }),
  );
});
