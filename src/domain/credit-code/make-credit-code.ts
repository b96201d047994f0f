import { invalid } from '../errors.ts';
import { createRandom, type Random } from '../demo/random.ts';
import { CREDIT_CODE_CHARACTERS, creditCodeCheckCharacter } from './credit-code.ts';
import { organizationCodeCheckCharacter } from './organization-code.ts';

export interface ComposeCreditCodeOptions {
  /** 登记管理部门码; 9 (market regulation) for companies. */
  registrationAuthority?: string;
  /** 机构类别码; 1 (enterprise) under authority 9. */
  category?: string;
  regionCode: string;
  /** The eight-character body of the organisation code; its check character is computed. */
  organizationBody: string;
}

/** Builds a valid code from its parts, computing both check characters (GB 11714 and GB 32100). */
export function composeCreditCode(options: ComposeCreditCodeOptions): string {
  const { registrationAuthority = '9', category = '1', regionCode, organizationBody } = options;
  if (!/^\d{6}$/.test(regionCode)) throw invalid('regionCode', `"${regionCode}" is not a six-digit region code`);
  const organizationCheck = organizationCodeCheckCharacter(organizationBody);
  if (organizationCheck === undefined) throw invalid('organizationBody', 'must be eight characters 0-9 A-Z');
  const first17 = `${registrationAuthority}${category}${regionCode}${organizationBody}${organizationCheck}`;
  const check = creditCodeCheckCharacter(first17);
  if (check === undefined) {
    throw invalid('organizationBody', `characters must be in ${CREDIT_CODE_CHARACTERS} (no I, O, S, V, Z)`);
  }
  return `${first17}${check}`;
}

// Letters allowed in a generated organisation body: in both character sets.
const LETTERS = CREDIT_CODE_CHARACTERS.slice(10);

/**
 * A random valid code for a company registered in `regionCode` (91 + region + organisation
 * code + check). About half the bodies take the post-2015 "MA" shape (e.g. MA35XXXX).
 * `random` is a seed or a PRNG returning [0, 1); the same seed gives the same code.
 */
export function makeCreditCode(random: Random | number, regionCode: string): string {
  const next = typeof random === 'number' ? createRandom(random) : random;
  const pick = (alphabet: string) => alphabet.charAt(Math.floor(next() * alphabet.length));
  let body = '';
  if (next() < 0.5) {
    body = 'MA';
    for (let i = 0; i < 6; i += 1) body += pick(i < 2 ? '0123456789' : `0123456789${LETTERS}`);
  } else {
    for (let i = 0; i < 8; i += 1) body += pick('0123456789');
  }
  return composeCreditCode({ regionCode, organizationBody: body });
}
