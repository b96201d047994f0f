/** The PDF on its own: the same certificate renders the same bytes, and its attachment reads back exactly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { readCertificateAttachment, readPdfAttachment } from './read-certificate-attachment.ts';
import { CERTIFICATE_FORMAT, type CertificatePayload } from '../../domain/certificates/certificate-payload.ts';
import { certificateDocument } from '../../domain/certificates/certificate-document.ts';
import { AppError } from '../../domain/errors.ts';

const payload: CertificatePayload = {
  format: CERTIFICATE_FORMAT,
  number: 'GP-P-2025-360000-000042',
  enterprise: { nameZh: '九江经济技术开发区', nameEn: 'Jiujiang Economic and Technological Development Zone', creditCode: '11360400MB1234567X' },
  factory: null,
  programme: { code: 'green_park', nameZh: '绿色工业园区', nameEn: 'Green industrial parks' },
  tier: 'province',
  batch: { slug: 'jiangxi-park-2025', nameZh: '江西省2025年度绿色工业园区名单', nameEn: 'Jiangxi green parks, 2025 list', year: 2025, noticeNumber: null, publishedOn: '2025-12-26' },
  framework: null,
  issuer: { code: '360000', level: 'province', regionCode: '360000', nameZh: '江西省工业和信息化厅', nameEn: 'Jiangxi Department of Industry and Information Technology' },
  issuedOn: '2025-12-26',
  validity: { from: '2025-12-26', until: null, condition: 'while-listed' },
  keyId: '360000-0123456789ab',
};
const document = certificateDocument(payload, 'A'.repeat(86));

test('the same certificate renders the same bytes, and carries its signed document as an attachment', async () => {
  const first = await renderCertificatePdf(document, { publicUrl: 'https://greenlist.example', demo: false });
  const second = await renderCertificatePdf(document, { publicUrl: 'https://greenlist.example', demo: false });
  assert.equal(first.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(first.equals(second), 'deterministic bytes');
  const attached = readCertificateAttachment(first) as typeof document & { links: { verify: string; keys: string } };
  assert.deepEqual(attached.payload, payload);
  assert.deepEqual(attached.signature, document.signature);
  assert.equal(attached.links.verify, `https://greenlist.example/verify/${payload.number}?sig=${'A'.repeat(86)}`);
  assert.equal(attached.links.keys, 'https://greenlist.example/.well-known/greenlist-keys.json');
  const demo = await renderCertificatePdf(document, { publicUrl: 'https://greenlist.example', demo: true });
  assert.ok(!demo.equals(first), 'the demo mark changes the page');
});

test('the attachment reader reads plain and compressed streams, and says what is missing', () => {
  const json = '{"a":1}';
  const plain = Buffer.from(`%PDF-1.7\n4 0 obj\n<<\n/Type /EmbeddedFile\n/Length ${json.length}\n>>\nstream\n${json}\nendstream\nendobj\n5 0 obj\n<<\n/Type /Filespec\n/F (x.json)\n/EF <<\n/F 4 0 R\n>>\n>>\nendobj\n`, 'latin1');
  assert.equal(readPdfAttachment(plain, 'x.json')?.toString(), json);
  const packed = deflateSync(json);
  const compressed = Buffer.concat([Buffer.from(`%PDF-1.7\n9 0 obj\n<<\n/Length ${packed.length}\n/Filter /FlateDecode\n>>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream\nendobj\n10 0 obj\n<<\n/F (x.json)\n/EF <<\n/F 9 0 R\n>>\n>>\nendobj\n', 'latin1')]);
  assert.equal(readPdfAttachment(compressed, 'x.json')?.toString(), json);
  assert.equal(readPdfAttachment(plain, 'other.json'), undefined);
  assert.throws(() => readCertificateAttachment(plain), (e) => AppError.is(e, 'VALIDATION'));
  assert.throws(() => readPdfAttachment(Buffer.from('{"not":"a pdf"}'), 'x.json'), (e) => AppError.is(e, 'UNSUPPORTED_MEDIA_TYPE'));
});
