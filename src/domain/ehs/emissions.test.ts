import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { assertExplanation, assertPermitLimit, isExceedance } from './emissions.ts';

test('an exceedance is strictly over the upper limit or under the lower one', () => {
  // 颗粒物 limit 20 mg/m³: 20 complies, 20.01 exceeds.
  assert.equal(isExceedance(20, { limitMax: 20, limitMin: null }), false);
  assert.equal(isExceedance(20.01, { limitMax: 20, limitMin: null }), true);
  // pH 6–9: 5.9 and 9.1 exceed, 6 and 9 comply.
  const ph = { limitMax: 9, limitMin: 6 };
  assert.deepEqual([5.9, 6, 9, 9.1].map((v) => isExceedance(v, ph)), [true, false, false, true]);
});

test('a permit limit needs a bound, non-negative, with min ≤ max', () => {
  assert.throws(() => assertPermitLimit({ limitMax: null, limitMin: null }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'limitMax');
  assert.throws(() => assertPermitLimit({ limitMax: 6, limitMin: 9 }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'limitMin');
  assert.throws(() => assertPermitLimit({ limitMax: -1, limitMin: null }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'limitMax');
  assert.doesNotThrow(() => assertPermitLimit({ limitMax: 50, limitMin: null }));
});

test('only an exceedance is explained, in words', () => {
  assert.throws(() => assertExplanation({ isExceedance: false, explanation: null }, '停车检修'), (e) => AppError.is(e, 'INVALID_TRANSITION'));
  assert.throws(() => assertExplanation({ isExceedance: true, explanation: null }, ' ok '), (e) => AppError.is(e, 'VALIDATION'));
  assert.equal(assertExplanation({ isExceedance: true, explanation: null }, ' 开车阶段布袋除尘器未投用，已整改 '), '开车阶段布袋除尘器未投用，已整改');
});
