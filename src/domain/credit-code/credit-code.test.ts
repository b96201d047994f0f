import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import {
  assertCreditCode,
  CREDIT_CODE_CHARACTERS,
  creditCodeCheckCharacter,
  creditCodeParts,
  validateCreditCode,
} from './credit-code.ts';
import { isValidOrganizationCode, organizationCodeCheckCharacter } from './organization-code.ts';

// Published codes (printed on the business licences, listed in the national enterprise credit
// information system). Each passes both the GB 32100 and the GB 11714 check, which a misremembered
// code would do by chance about once in 31 × 11 = 341.
const HUAWEI = '914403001922038216'; // 华为技术有限公司
const XIAOMI = '91110108551385082Q'; // 小米科技有限责任公司
const TENCENT = '91440300708461136T'; // 深圳市腾讯计算机系统有限公司

test('the character set has 31 characters and no I, O, S, V, Z', () => {
  assert.equal(CREDIT_CODE_CHARACTERS.length, 31);
  for (const letter of 'IOSVZ') assert.ok(!CREDIT_CODE_CHARACTERS.includes(letter));
});

test('check character worked by hand for Huawei', () => {
  // 9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 1·20 + 9·29 + 2·25 + 2·13 + 0·8 + 3·24
  //   + 8·10 + 2·30 + 1·28 = 831;  831 mod 31 = 25;  31 − 25 = 6  → '6'
  assert.equal(creditCodeCheckCharacter(HUAWEI.slice(0, 17)), '6');
  // Organisation code 19220382: 1·3 + 9·7 + 2·9 + 2·10 + 0·5 + 3·8 + 8·4 + 2·2 = 164;
  //   164 mod 11 = 10;  11 − 10 = 1  → 192203821
  assert.equal(organizationCodeCheckCharacter('19220382'), '1');
});

test('published codes validate, including letter check characters', () => {
  for (const code of [HUAWEI, XIAOMI, TENCENT]) {
    assert.deepEqual(validateCreditCode(code), { ok: true, code });
    assert.equal(creditCodeParts(code)?.organizationCodeValid, true);
  }
  assert.deepEqual(creditCodeParts(HUAWEI), {
    registrationAuthority: '9',
    category: '1',
    regionCode: '440300',
    organizationCode: '192203821',
    organizationCodeValid: true,
    checkCharacter: '6',
  });
});

test('a check character of 31 is written 0; a sum of 1 gives Y (value 30)', () => {
  // All zeros: Σ = 0, 31 − 0 = 31 → written 0.
  assert.equal(creditCodeCheckCharacter('0'.repeat(17)), '0');
  // A single 1 in position 1: Σ = 1·1 = 1, 31 − 1 = 30 → Y.
  assert.equal(creditCodeCheckCharacter('1' + '0'.repeat(16)), 'Y');
  // A single 1 in position 2: Σ = 1·3 = 3, 31 − 3 = 28 → W.
  assert.equal(creditCodeCheckCharacter('01' + '0'.repeat(15)), 'W');
});

test('wrong length', () => {
  const result = validateCreditCode(HUAWEI.slice(0, 17));
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.reasonEn, 'must be 18 characters long, got 17');
    assert.equal(result.reason, '长度应为18位，实际为17位');
  }
  assert.equal(validateCreditCode('').ok, false);
});

test('illegal character at position N', () => {
  const result = validateCreditCode('91440300I92203821' + '6');
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.position, 9);
    assert.match(result.reasonEn, /illegal character "I" at position 9/);
    assert.match(result.reason, /第9位/);
  }
});

test('wrong check character names the expected one', () => {
  const result = validateCreditCode('914403001922038217');
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.expected, '6');
    assert.equal(result.reasonEn, 'wrong check character (expected 6)');
  }
});

test('every single-character corruption of a valid code is detected', () => {
  for (const code of [HUAWEI, XIAOMI, TENCENT]) {
    for (let position = 0; position < 18; position += 1) {
      for (const replacement of CREDIT_CODE_CHARACTERS) {
        if (replacement === code.charAt(position)) continue;
        const corrupted = code.slice(0, position) + replacement + code.slice(position + 1);
        assert.equal(validateCreditCode(corrupted).ok, false, corrupted);
      }
    }
  }
});

test('every swap of two different adjacent characters among the first 17 is detected', () => {
  // Weights are 3^i mod 31, so a swap changes the sum by ±2·w·(a − b) ≢ 0 (mod 31).
  for (const code of [HUAWEI, XIAOMI, TENCENT]) {
    for (let i = 0; i < 16; i += 1) {
      if (code.charAt(i) === code.charAt(i + 1)) continue;
      const swapped = code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2);
      assert.equal(validateCreditCode(swapped).ok, false, swapped);
    }
  }
});

test('lower case, full-width characters and surrounding spaces are normalised', () => {
  assert.deepEqual(validateCreditCode(' 91110108551385082q '), { ok: true, code: XIAOMI });
  assert.deepEqual(validateCreditCode('９１１１０１０８５５１３８５０８２Ｑ'), { ok: true, code: XIAOMI });
  // Inner spaces are not removed: they are illegal characters.
  assert.equal(validateCreditCode('9111010855138 5082Q').ok, false);
});

test('assertCreditCode returns the normalised code or throws VALIDATION at the path', () => {
  assert.equal(assertCreditCode('creditCode', '91110108551385082q'), XIAOMI);
  assert.throws(
    () => assertCreditCode('enterprise.creditCode', '914403001922038217'),
    (e) => AppError.is(e, 'VALIDATION') && e.path === 'enterprise.creditCode' && /expected 6/.test(e.message),
  );
});

test('GB 11714 organisation codes: X and 0 check characters', () => {
  assert.equal(isValidOrganizationCode('192203821'), true);
  assert.equal(isValidOrganizationCode('192203822'), false);
  assert.equal(organizationCodeCheckCharacter('1922038'), undefined);
  // Body 00000001: Σ = 1·2 = 2 → 11 − 2 = 9.  Body 00000010: Σ = 1·4 = 4 → 7.
  assert.equal(organizationCodeCheckCharacter('00000001'), '9');
  assert.equal(organizationCodeCheckCharacter('00000010'), '7');
  // Body 00000000: Σ = 0 → 11 − 0 = 11 → written 0.  Body 10000004: Σ = 3 + 8 = 11 ≡ 0 → 0.
  assert.equal(organizationCodeCheckCharacter('00000000'), '0');
  // Body 40000000: Σ = 4·3 = 12 ≡ 1 → 11 − 1 = 10 → written X.
  assert.equal(organizationCodeCheckCharacter('40000000'), 'X');
  assert.equal(organizationCodeCheckCharacter('10000004'), '0');
});
