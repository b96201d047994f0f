import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffMediaType } from './media-type.ts';
import { cleanFileName, storageKeyOf } from './file-store.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

test('the type is read from the first bytes, whatever the name says', () => {
  assert.equal(sniffMediaType(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ')), 'application/pdf');
  assert.equal(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)), 'image/png');
  assert.equal(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16)), 'image/jpeg');
  // An executable (MZ), a ZIP (PK) and HTML are refused even when named .pdf.
  assert.equal(sniffMediaType(bytes(0x4d, 0x5a, 0x90, 0)), undefined);
  assert.equal(sniffMediaType(bytes(0x50, 0x4b, 0x03, 0x04)), undefined);
  assert.equal(sniffMediaType(new TextEncoder().encode('<html><script>')), undefined);
  // Too short to hold a whole signature, and a PNG signature with one wrong byte.
  assert.equal(sniffMediaType(bytes(0x89, 0x50)), undefined);
  assert.equal(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b)), undefined);
  assert.equal(sniffMediaType(new Uint8Array(0)), undefined);
});

test('stored names lose their path and control characters; keys fan out by hash', () => {
  assert.equal(cleanFileName('C:\\Users\\张三\\证明.pdf'), '证明.pdf');
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('a\u0000b\nc.png'), 'abc.png');
  assert.equal(cleanFileName('   '), 'file');
  assert.equal(storageKeyOf('abcdef0123'), 'files/ab/cd/abcdef0123');
});
