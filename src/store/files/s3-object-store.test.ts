import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { createS3ObjectStore, s3Signer } from './s3-object-store.ts';

test('requests are signed exactly as AWS documents (GET Object example, Signature Version 4)', async () => {
  // AWS S3 API reference, "Signature Calculations for the Authorization Header: Transferring
  // Payload in a Single Chunk", example GET Object: the documented signature is
  // f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41.
  const signer = s3Signer({ region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
  const signed = await signer.sign(
    { method: 'GET', protocol: 'https:', hostname: 'examplebucket.s3.amazonaws.com', path: '/test.txt', headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } },
    { signingDate: new Date('2013-05-24T00:00:00Z') },
  );
  assert.equal(
    signed.headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  );
});

test('files round-trip through an S3-compatible server on loopback', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'evidence', configs: [] }] });
  const { port } = await server.run();
  try {
    const store = createS3ObjectStore({ endpoint: `http://127.0.0.1:${port}`, bucket: 'evidence', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    const bytes = Buffer.from('%PDF-1.7 证明材料', 'utf8');
    await store.put('files/ab/cd/abcd', bytes, 'application/pdf');
    assert.deepEqual(await store.get('files/ab/cd/abcd'), bytes);
    assert.equal(await store.exists('files/ab/cd/abcd'), true);
    assert.equal(await store.exists('files/ab/cd/other'), false);
    await assert.rejects(store.get('files/ab/cd/other'), /not found/);
  } finally {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  }
});
