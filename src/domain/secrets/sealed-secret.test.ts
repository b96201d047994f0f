import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSealedSecret, sealSecret, SealedSecretError } from './sealed-secret.ts';

const SECRET = 'server-secret-server-secret-0123456789';

test('a sealed secret opens with the same server secret, purpose and binding only', () => {
  const plaintext = Buffer.from('private key bytes');
  const sealed = sealSecret(plaintext, SECRET, { purpose: 'signing-key', binding: 'MIIT-abc' });
  assert.match(sealed, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  assert.ok(!sealed.includes(plaintext.toString('base64url')), 'the plaintext does not show');
  assert.deepEqual(openSealedSecret(sealed, SECRET, { purpose: 'signing-key', binding: 'MIIT-abc' }), plaintext);
  assert.throws(() => openSealedSecret(sealed, SECRET + 'x', { purpose: 'signing-key', binding: 'MIIT-abc' }), SealedSecretError);
  assert.throws(() => openSealedSecret(sealed, SECRET, { purpose: 'signing-key', binding: 'MIIT-abd' }), SealedSecretError, 'moved to another key id');
  assert.throws(() => openSealedSecret(sealed, SECRET, { purpose: 'webhook-secret', binding: 'MIIT-abc' }), SealedSecretError, 'used for another purpose');
  const parts = sealed.split('.');
  const ciphertext = Buffer.from(parts[3]!, 'base64url');
  ciphertext[0] = ciphertext[0]! ^ 1;
  assert.throws(() => openSealedSecret([parts[0], parts[1], parts[2], ciphertext.toString('base64url')].join('.'), SECRET, { purpose: 'signing-key', binding: 'MIIT-abc' }), SealedSecretError, 'an altered ciphertext');
});

test('sealing the same secret twice gives different texts (fresh nonce)', () => {
  const a = sealSecret(Buffer.from('x'), SECRET, { purpose: 'p' });
  const b = sealSecret(Buffer.from('x'), SECRET, { purpose: 'p' });
  assert.notEqual(a, b);
});
