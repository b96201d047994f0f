/**
 * What a certificate says, as signed: the canonical JSON of this payload (keys sorted,
 * no whitespace; canonical-json.ts) in UTF-8 is the exact byte string the issuing
 * authority's Ed25519 key signs. The payload never changes after issue; the live status
 * (removed, renamed, revoked) is the list's business and is read at verification time.
 */
import { canonicalJson } from '../canonical-json.ts';
import { invalid } from '../errors.ts';
import { isPlainDate } from '../calendar/plain-date.ts';
import { parseCertificateNumber, type CertificateTier } from './certificate-number.ts';

export const CERTIFICATE_FORMAT = 'greenlist-certificate/1';

export interface CertificatePayload {
  format: typeof CERTIFICATE_FORMAT;
  number: string;
  enterprise: { nameZh: string; nameEn: string; creditCode: string };
  factory: { nameZh: string; nameEn: string } | null;
  programme: { code: string; nameZh: string; nameEn: string };
  tier: CertificateTier;
  batch: { slug: string; nameZh: string; nameEn: string; year: number; noticeNumber: string | null; publishedOn: string };
  /** The indicator framework version the batch was assessed against, when pinned. */
  framework: { id: string; version: string } | null;
  issuer: { code: string; level: CertificateTier; regionCode: string; nameZh: string; nameEn: string };
  issuedOn: string;
  /**
   * Valid from the issue date for as long as the entry stays on the list: the programme
   * manages listed units dynamically (工信部节〔2024〕13号) and publishes no fixed term
   * (domain.md §3.2: national re-evaluation cycle [U]), so `until` stays null.
   */
  validity: { from: string; until: string | null; condition: 'while-listed' };
  /** The signing key: binds the signature to one published key. */
  keyId: string;
}

/** The bytes that are signed and verified. */
export function certificatePayloadBytes(payload: CertificatePayload): Buffer {
  return Buffer.from(canonicalJson(payload), 'utf8');
}

type Json = Record<string, unknown>;

/** An object holding no field but `allowed`: a signed payload carries nothing unchecked. */
function object(value: unknown, path: string, allowed: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, 'must be an object');
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) throw invalid(`${path}.${extra}`, 'is not a field of a greenlist certificate');
  return value as Json;
}

function text(value: unknown, path: string, options: { empty?: boolean } = {}): string {
  if (typeof value !== 'string' || (!options.empty && value.trim() === '')) throw invalid(path, 'must be a non-empty string');
  if (value.length > 500) throw invalid(path, 'is longer than 500 characters');
  return value;
}

function date(value: unknown, path: string): string {
  if (typeof value !== 'string' || !isPlainDate(value)) throw invalid(path, 'must be a date YYYY-MM-DD');
  return value;
}

function tier(value: unknown, path: string): CertificateTier {
  if (value !== 'national' && value !== 'province' && value !== 'city') throw invalid(path, 'must be national, province or city');
  return value;
}

function nullable<T>(value: unknown, read: (v: unknown) => T): T | null {
  return value === null ? null : read(value);
}

function names(o: Json, path: string): { nameZh: string; nameEn: string } {
  return { nameZh: text(o.nameZh, `${path}.nameZh`), nameEn: text(o.nameEn, `${path}.nameEn`, { empty: true }) };
}

const NAMES = ['nameZh', 'nameEn'];

/**
 * Reads a payload from untrusted JSON (an uploaded file, a PDF attachment), field by
 * field. An unknown field is refused rather than dropped, so the bytes verified are the
 * bytes of what the file holds. Throws VALIDATION naming the first bad field.
 */
export function parseCertificatePayload(value: unknown, path = 'payload'): CertificatePayload {
  const o = object(value, path, ['format', 'number', 'enterprise', 'factory', 'programme', 'tier', 'batch', 'framework', 'issuer', 'issuedOn', 'validity', 'keyId']);
  if (o.format !== CERTIFICATE_FORMAT) throw invalid(`${path}.format`, `must be "${CERTIFICATE_FORMAT}"`);
  const number = text(o.number, `${path}.number`);
  if (parseCertificateNumber(number) === undefined) throw invalid(`${path}.number`, `"${number}" is not a certificate number`);
  const enterprise = object(o.enterprise, `${path}.enterprise`, [...NAMES, 'creditCode']);
  const programme = object(o.programme, `${path}.programme`, ['code', ...NAMES]);
  const batch = object(o.batch, `${path}.batch`, ['slug', ...NAMES, 'year', 'noticeNumber', 'publishedOn']);
  const issuer = object(o.issuer, `${path}.issuer`, ['code', 'level', 'regionCode', ...NAMES]);
  const validity = object(o.validity, `${path}.validity`, ['from', 'until', 'condition']);
  if (validity.condition !== 'while-listed') throw invalid(`${path}.validity.condition`, 'must be "while-listed"');
  if (typeof batch.year !== 'number' || !Number.isInteger(batch.year)) throw invalid(`${path}.batch.year`, 'must be a whole number');
  return {
    format: CERTIFICATE_FORMAT,
    number,
    enterprise: { ...names(enterprise, `${path}.enterprise`), creditCode: text(enterprise.creditCode, `${path}.enterprise.creditCode`) },
    factory: nullable(o.factory, (v) => names(object(v, `${path}.factory`, NAMES), `${path}.factory`)),
    programme: { code: text(programme.code, `${path}.programme.code`), ...names(programme, `${path}.programme`) },
    tier: tier(o.tier, `${path}.tier`),
    batch: {
      slug: text(batch.slug, `${path}.batch.slug`),
      ...names(batch, `${path}.batch`),
      year: batch.year,
      noticeNumber: nullable(batch.noticeNumber, (v) => text(v, `${path}.batch.noticeNumber`)),
      publishedOn: date(batch.publishedOn, `${path}.batch.publishedOn`),
    },
    framework: nullable(o.framework, (v) => {
      const f = object(v, `${path}.framework`, ['id', 'version']);
      return { id: text(f.id, `${path}.framework.id`), version: text(f.version, `${path}.framework.version`) };
    }),
    issuer: { code: text(issuer.code, `${path}.issuer.code`), level: tier(issuer.level, `${path}.issuer.level`), regionCode: text(issuer.regionCode, `${path}.issuer.regionCode`), ...names(issuer, `${path}.issuer`) },
    issuedOn: date(o.issuedOn, `${path}.issuedOn`),
    validity: { from: date(validity.from, `${path}.validity.from`), until: nullable(validity.until, (v) => date(v, `${path}.validity.until`)), condition: 'while-listed' },
    keyId: text(o.keyId, `${path}.keyId`),
  };
}

/** How a certificate names its framework: the id, with the version when the id does not already carry it. */
export function frameworkLabel(framework: CertificatePayload['framework']): string | null {
  if (framework === null) return null;
  return framework.id.includes(framework.version) ? framework.id : `${framework.id} ${framework.version}`;
}
