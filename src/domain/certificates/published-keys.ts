/**
 * The published key set (`/.well-known/greenlist-keys.json`): every signing key the
 * registry has used, current and retired, as JWK-shaped entries with the authority that
 * holds each and the dates it signed between. A verifier that has this file needs nothing
 * else to check a certificate offline.
 */
import { invalid } from '../errors.ts';
import { isPlainDate } from '../calendar/plain-date.ts';
import type { CertificateTier } from './certificate-number.ts';

export const KEY_SET_FORMAT = 'greenlist-keys/1';

export interface PublishedKey {
  kid: string;
  kty: 'OKP';
  crv: 'Ed25519';
  alg: 'EdDSA';
  use: 'sig';
  /** Raw public key, base64url. */
  x: string;
  authority: { code: string; level: CertificateTier; regionCode: string; nameZh: string; nameEn: string };
  /** First day the key signed (Asia/Shanghai date). */
  validFrom: string;
  /** Last day the key signed; null while it is the authority's current key. */
  validUntil: string | null;
  status: 'current' | 'retired';
}

export interface PublishedKeySet {
  format: typeof KEY_SET_FORMAT;
  /** Where the set was published, for the reader's information. */
  issuer: string;
  keys: PublishedKey[];
}

function field(o: Record<string, unknown>, name: string, path: string): string {
  const value = o[name];
  if (typeof value !== 'string' || value === '') throw invalid(`${path}.${name}`, 'must be a non-empty string');
  return value;
}

/** Reads a key set from untrusted JSON (a downloaded file); throws VALIDATION naming the bad field. */
export function parsePublishedKeySet(value: unknown): PublishedKeySet {
  if (typeof value !== 'object' || value === null) throw invalid('keys', 'the key set must be a JSON object');
  const o = value as Record<string, unknown>;
  if (o.format !== KEY_SET_FORMAT) throw invalid('format', `must be "${KEY_SET_FORMAT}"`);
  if (!Array.isArray(o.keys)) throw invalid('keys', 'must be an array');
  const keys = o.keys.map((raw, index): PublishedKey => {
    const path = `keys[${index}]`;
    if (typeof raw !== 'object' || raw === null) throw invalid(path, 'must be an object');
    const k = raw as Record<string, unknown>;
    if (k.kty !== 'OKP' || k.crv !== 'Ed25519') throw invalid(path, 'only Ed25519 (OKP) keys are used');
    const authority = (typeof k.authority === 'object' && k.authority !== null ? k.authority : {}) as Record<string, unknown>;
    const level = authority.level;
    if (level !== 'national' && level !== 'province' && level !== 'city') throw invalid(`${path}.authority.level`, 'must be national, province or city');
    const validFrom = field(k, 'validFrom', path);
    const validUntil = k.validUntil === null ? null : field(k, 'validUntil', path);
    if (!isPlainDate(validFrom) || (validUntil !== null && !isPlainDate(validUntil))) throw invalid(`${path}.validFrom`, 'validity dates must be YYYY-MM-DD');
    return {
      kid: field(k, 'kid', path),
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
      use: 'sig',
      x: field(k, 'x', path),
      authority: { code: field(authority, 'code', `${path}.authority`), level, regionCode: field(authority, 'regionCode', `${path}.authority`), nameZh: field(authority, 'nameZh', `${path}.authority`), nameEn: String(authority.nameEn ?? '') },
      validFrom,
      validUntil,
      status: validUntil === null ? 'current' : 'retired',
    };
  });
  return { format: KEY_SET_FORMAT, issuer: typeof o.issuer === 'string' ? o.issuer : '', keys };
}
