/**
 * 组织机构代码 (GB 11714-1997): eight body characters (0-9, A-Z) and a check character.
 * In a 统一社会信用代码 it is the 主体标识码, characters 9–17.
 */

// GB 11714-1997 §5: weights of body positions 1–8.
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function valueOf(character: string): number {
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A=10 … Z=35
  return -1;
}

/** The check character of an eight-character body, or undefined if the body is malformed. */
export function organizationCodeCheckCharacter(body: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += valueOf(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  // C9 = 11 − (Σ mod 11); 10 is written X and 11 is written 0.
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** True when a nine-character organisation code carries the right check character. */
export function isValidOrganizationCode(code: string): boolean {
  return code.length === 9 && organizationCodeCheckCharacter(code.slice(0, 8)) === code.charAt(8);
}
