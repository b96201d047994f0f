/**
 * 统一社会信用代码 (GB 32100-2015): 登记管理部门码 (1) + 机构类别码 (1) + 登记管理机关行政区划码 (6)
 * + 主体标识码 (9, a GB 11714 organisation code) + 校验码 (1).
 *
 * Input is normalised before checking: Unicode NFKC (full-width ９１ＡＢ → 91AB), surrounding
 * whitespace removed, lower case raised to upper case. A code is stored and shown in its
 * normalised form; the letters I, O, S, V, Z are refused, never mapped to look-alike digits.
 */
import { invalid } from '../errors.ts';
import { isValidOrganizationCode } from './organization-code.ts';

/** GB 32100-2015 表1: the 31 characters, in value order 0–30 (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// GB 32100-2015 §4.2: weight of position i is 3^(i-1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeResult =
  | { ok: true; code: string }
  | { ok: false; reason: string; reasonEn: string; position?: number; expected?: string };

/** The 18th character for the first 17, or undefined if any of them is outside the set. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARACTERS.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  // C18 = 31 − (Σ mod 31), and 31 is written 0.
  return CREDIT_CODE_CHARACTERS.charAt((31 - (sum % 31)) % 31);
}

/** Full-width to half-width, trimmed, upper case. */
export function normalizeCreditCode(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase();
}

/** Checks length, character set and the check character (GB 32100-2015). */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = normalizeCreditCode(input);
  const characters = [...code];
  if (characters.length !== 18) {
    return {
      ok: false,
      reason: `长度应为18位，实际为${characters.length}位`,
      reasonEn: `must be 18 characters long, got ${characters.length}`,
    };
  }
  const illegal = characters.findIndex((c) => !CREDIT_CODE_CHARACTERS.includes(c));
  if (illegal >= 0) {
    const position = illegal + 1;
    const shown = JSON.stringify(characters[illegal]);
    return {
      ok: false,
      reason: `第${position}位字符${shown}不合法（只允许数字和除I、O、S、V、Z以外的大写字母）`,
      reasonEn: `illegal character ${shown} at position ${position} (digits and capital letters except I, O, S, V, Z)`,
      position,
    };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code.charAt(17)) {
    return {
      ok: false,
      reason: `校验码错误（应为${expected}）`,
      reasonEn: `wrong check character (expected ${expected})`,
      position: 18,
      ...(expected === undefined ? {} : { expected }),
    };
  }
  return { ok: true, code };
}

/** Returns the normalised code, or throws VALIDATION at `path` with the Chinese and English reason. */
export function assertCreditCode(path: string, input: string): string {
  const result = validateCreditCode(input);
  if (!result.ok) throw invalid(path, `${result.reasonEn} / ${result.reason}`, { reasonZh: result.reason, reasonEn: result.reasonEn });
  return result.code;
}

export interface CreditCodeParts {
  /** 登记管理部门码: 9 = 市场监管 (工商), 5 = 民政, 1 = 机构编制, Y = 其他 … */
  readonly registrationAuthority: string;
  /** 机构类别码: for 9, 1 = 企业, 2 = 个体工商户, 3 = 农民专业合作社. */
  readonly category: string;
  /** 登记管理机关行政区划码 (GB/T 2260). */
  readonly regionCode: string;
  /** 主体标识码 (GB 11714 organisation code, with its own check character). */
  readonly organizationCode: string;
  readonly organizationCodeValid: boolean;
  readonly checkCharacter: string;
}

/** Splits a valid code into its GB 32100 fields; undefined when the code is invalid. */
export function creditCodeParts(input: string): CreditCodeParts | undefined {
  const result = validateCreditCode(input);
  if (!result.ok) return undefined;
  const code = result.code;
  return {
    registrationAuthority: code.charAt(0),
    category: code.charAt(1),
    regionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
    organizationCodeValid: isValidOrganizationCode(code.slice(8, 17)),
    checkCharacter: code.charAt(17),
  };
}
