import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { createRandom } from '../demo/random.ts';
import { creditCodeParts, validateCreditCode } from './credit-code.ts';
import { composeCreditCode, makeCreditCode } from './make-credit-code.ts';

test('generated codes are valid under both check characters and carry the region', () => {
  const random = createRandom(2024);
  for (let i = 0; i < 2000; i += 1) {
    const code = makeCreditCode(random, '360425');
    assert.equal(validateCreditCode(code).ok, true, code);
    const parts = creditCodeParts(code);
    assert.equal(parts?.organizationCodeValid, true, code);
    assert.equal(parts?.regionCode, '360425');
    assert.equal(code.slice(0, 2), '91');
  }
});

test('the same seed gives the same code', () => {
  assert.equal(makeCreditCode(99, '420100'), makeCreditCode(99, '420100'));
  assert.notEqual(makeCreditCode(99, '420100'), makeCreditCode(100, '420100'));
});

test('composeCreditCode computes both check characters', () => {
  // Organisation body 19220382 → check 1 (see credit-code.test.ts), then the GB 32100 check 6.
  assert.equal(composeCreditCode({ regionCode: '440300', organizationBody: '19220382' }), '914403001922038216');
});

test('composeCreditCode refuses bodies and regions it cannot encode', () => {
  assert.throws(() => composeCreditCode({ regionCode: '4403', organizationBody: '19220382' }), (e) => AppError.is(e, 'VALIDATION'));
  assert.throws(() => composeCreditCode({ regionCode: '440300', organizationBody: 'SO220382' }), (e) => AppError.is(e, 'VALIDATION'));
});
