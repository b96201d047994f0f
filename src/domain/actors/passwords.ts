/** Password hashing: argon2id at the library's defaults (m=19456 KiB, t=2, p=1; OWASP's minimum). */
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A valid hash of a random password, verified against when the e-mail is unknown so timing says nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-' + Math.random().toString(36));
  return decoy;
}

export const PASSWORD_RULES = { minLength: 10, maxLength: 200 } as const;
