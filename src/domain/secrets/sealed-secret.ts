/**
 * Secrets at rest (certificate signing keys, webhook secrets), sealed with a key derived
 * from the server secret: AES-256-GCM with a fresh 96-bit nonce, the purpose and the
 * record's binding (a key id) as additional data, so a sealed value moved to another row
 * or purpose no longer opens. Text form: `v1.<nonce>.<tag>.<ciphertext>` in base64url.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface SealContext {
  /** What the secret is for, e.g. 'signing-key' or 'webhook-secret'. */
  purpose: string;
  /** The record it belongs to (a key id); empty when the id is not known before insert. */
  binding?: string;
}

/** Thrown when a sealed value does not open: another server secret, or altered text. */
export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedSecretError';
  }
}

function keyFor(serverSecret: string, purpose: string): Buffer {
  // HKDF-SHA256 (RFC 5869): one derived key per purpose, never the raw server secret.
  return Buffer.from(hkdfSync('sha256', serverSecret, 'greenlist', `sealed-secret/${purpose}`, 32));
}

function additionalData(context: SealContext): Buffer {
  return Buffer.from(`${context.purpose}\n${context.binding ?? ''}`, 'utf8');
}

export function sealSecret(plaintext: Uint8Array, serverSecret: string, context: SealContext): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(serverSecret, context.purpose), nonce);
  cipher.setAAD(additionalData(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [VERSION, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function openSealedSecret(sealed: string, serverSecret: string, context: SealContext): Buffer {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SealedSecretError('not a sealed secret of a known version');
  const [, nonce, tag, ciphertext] = parts as [string, string, string, string];
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(serverSecret, context.purpose), Buffer.from(nonce, 'base64url'));
    decipher.setAAD(additionalData(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  } catch {
    throw new SealedSecretError('the sealed secret does not open with this server secret (changed secret or altered value)');
  }
}
