import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature.ts';

const secret = 'whsec_test';
const body = '{"event":"batch.published","data":{"batchId":7}}';

test('the signature is HMAC-SHA256 of "<timestamp>.<body>" in hex, prefixed sha256=', () => {
  // Worked with the standard library, independently of the helper:
  const expected = 'sha256=' + createHmac('sha256', secret).update('1767225600.' + body).digest('hex');
  assert.equal(webhookSignature(secret, 1767225600, body), expected);
});

test('a receiver accepts the genuine delivery and refuses an altered body, a wrong secret and a replay', () => {
  const signature = webhookSignature(secret, '1767225600', body);
  assert.deepEqual(verifyWebhookSignature({ secret, body, timestamp: '1767225600', signature, nowSeconds: 1767225600 + 299 }), { ok: true });
  assert.deepEqual(verifyWebhookSignature({ secret, body: body.replace('7', '8'), timestamp: '1767225600', signature, nowSeconds: 1767225600 }), { ok: false, reason: 'bad-signature' });
  assert.deepEqual(verifyWebhookSignature({ secret: 'whsec_other', body, timestamp: '1767225600', signature, nowSeconds: 1767225600 }), { ok: false, reason: 'bad-signature' });
  assert.deepEqual(verifyWebhookSignature({ secret, body, timestamp: '1767225601', signature, nowSeconds: 1767225601 }), { ok: false, reason: 'bad-signature' }, 'the timestamp is signed');
  assert.deepEqual(verifyWebhookSignature({ secret, body, timestamp: '1767225600', signature, nowSeconds: 1767225600 + 301 }), { ok: false, reason: 'outside-replay-window' });
  assert.deepEqual(verifyWebhookSignature({ secret, body, timestamp: undefined, signature, nowSeconds: 0 }), { ok: false, reason: 'missing-header' });
});
