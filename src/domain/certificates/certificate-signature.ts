/**
 * Ed25519 (RFC 8032) with node:crypto: key pairs, key ids, signing and checking bytes.
 * Public keys travel as the raw 32 bytes in base64url (the JWK `x`), signatures as the
 * 64 bytes in base64url; a signature text that is not the canonical encoding of 64 bytes
 * is refused, so no two texts stand for one signature.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export const SIGNATURE_ALGORITHM = 'Ed25519';

export interface SigningKeyPair {
  /** Raw public key, base64url (32 bytes). */
  publicKey: string;
  /** PKCS#8 DER of the private key: seal it before it touches storage. */
  privateKeyPkcs8: Buffer;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { publicKey: jwk.x!, privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

/** `<authority code>-<first 12 hex of SHA-256 of the raw public key>`: names its key and its authority. */
export function signingKeyId(authorityCode: string, publicKey: string): string {
  const fingerprint = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 12);
  return `${authorityCode}-${fingerprint}`;
}

export function privateKeyFromPkcs8(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function publicKeyFromRaw(publicKey: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
}

export function signBytes(bytes: Uint8Array, privateKey: KeyObject): string {
  return sign(null, bytes, privateKey).toString('base64url');
}

/** The 64 signature bytes, or undefined when the text is not their canonical base64url. */
export function signatureBytes(signature: string): Buffer | undefined {
  const bytes = Buffer.from(signature, 'base64url');
  return bytes.length === 64 && bytes.toString('base64url') === signature ? bytes : undefined;
}

/** True only for a well-formed signature by `publicKey` over exactly `bytes`; never throws. */
export function verifyBytes(bytes: Uint8Array, signature: string, publicKey: string | KeyObject): boolean {
  const raw = signatureBytes(signature);
  if (raw === undefined) return false;
  try {
    return verify(null, bytes, typeof publicKey === 'string' ? publicKeyFromRaw(publicKey) : publicKey, raw);
  } catch {
    return false;
  }
}
