/**
 * The signed certificate as a file: the payload, the signature and, unsigned, where to
 * look it up. This is the JSON the API returns, the PDF carries as an attachment and
 * `greenlist verify-certificate` checks offline against a published key set.
 */
import { invalid } from '../errors.ts';
import { CERTIFICATE_FORMAT, certificatePayloadBytes, parseCertificatePayload, type CertificatePayload } from './certificate-payload.ts';
import { SIGNATURE_ALGORITHM, verifyBytes } from './certificate-signature.ts';
import type { PublishedKey } from './published-keys.ts';

/** The name a certificate PDF gives its attached signed document. */
export const CERTIFICATE_ATTACHMENT = 'greenlist-certificate.json';

export interface CertificateDocument {
  format: typeof CERTIFICATE_FORMAT;
  payload: CertificatePayload;
  signature: { algorithm: typeof SIGNATURE_ALGORITHM; keyId: string; value: string };
  /** Not signed: hints for a reader. A verifier chooses its own key set; these only suggest one. */
  links?: { verify: string; keys: string };
}

export function certificateDocument(payload: CertificatePayload, signature: string, links?: { verify: string; keys: string }): CertificateDocument {
  return { format: CERTIFICATE_FORMAT, payload, signature: { algorithm: SIGNATURE_ALGORITHM, keyId: payload.keyId, value: signature }, ...(links === undefined ? {} : { links }) };
}

/** Reads a certificate file from untrusted JSON; throws VALIDATION naming the bad field. */
export function parseCertificateDocument(value: unknown): CertificateDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('certificate', 'must be a JSON object');
  const o = value as Record<string, unknown>;
  if (o.format !== CERTIFICATE_FORMAT) throw invalid('format', `must be "${CERTIFICATE_FORMAT}"`);
  const payload = parseCertificatePayload(o.payload);
  const signature = (typeof o.signature === 'object' && o.signature !== null ? o.signature : {}) as Record<string, unknown>;
  if (signature.algorithm !== SIGNATURE_ALGORITHM) throw invalid('signature.algorithm', `must be "${SIGNATURE_ALGORITHM}"`);
  if (typeof signature.keyId !== 'string' || signature.keyId === '') throw invalid('signature.keyId', 'must be a non-empty string');
  if (typeof signature.value !== 'string' || signature.value === '') throw invalid('signature.value', 'must be a non-empty string');
  const links = o.links as Record<string, unknown> | undefined;
  const hints = typeof links?.verify === 'string' && typeof links.keys === 'string' ? { verify: links.verify, keys: links.keys } : undefined;
  return {
    format: CERTIFICATE_FORMAT,
    payload,
    signature: { algorithm: SIGNATURE_ALGORITHM, keyId: signature.keyId, value: signature.value },
    ...(hints === undefined ? {} : { links: hints }),
  };
}

export type SignatureFailure =
  /** No published key has this id. */
  | 'unknown-key'
  /** The signature names another key than the payload, or the key belongs to another authority. */
  | 'key-mismatch'
  /** The key had been retired before the certificate's issue date. */
  | 'issued-after-key-retired'
  /** The bytes and the signature do not match: the payload or the signature was altered. */
  | 'bad-signature';

export type SignatureCheck = { valid: true; key: PublishedKey } | { valid: false; reason: SignatureFailure; key?: PublishedKey };

/**
 * Checks a certificate against a key set, offline: the key named by the payload exists,
 * belongs to the issuing authority, was not retired before the issue date, and its
 * Ed25519 signature covers exactly the canonical bytes of the payload.
 */
export function verifyCertificateSignature(document: CertificateDocument, keys: readonly PublishedKey[]): SignatureCheck {
  const { payload, signature } = document;
  if (signature.keyId !== payload.keyId) return { valid: false, reason: 'key-mismatch' };
  const key = keys.find((k) => k.kid === payload.keyId);
  if (key === undefined) return { valid: false, reason: 'unknown-key' };
  if (key.authority.code !== payload.issuer.code) return { valid: false, reason: 'key-mismatch', key };
  if (!verifyBytes(certificatePayloadBytes(payload), signature.value, key.x)) return { valid: false, reason: 'bad-signature', key };
  if (key.validUntil !== null && payload.issuedOn > key.validUntil) return { valid: false, reason: 'issued-after-key-retired', key };
  return { valid: true, key };
}

/** Where a certificate is looked up: the verify page (carrying the signature, as the QR code does) and the key set. */
export function certificateLinks(publicUrl: string, number: string, signature: string): { verify: string; keys: string } {
  const origin = publicUrl.replace(/\/+$/, '');
  return { verify: `${origin}/verify/${encodeURIComponent(number)}?sig=${signature}`, keys: `${origin}/.well-known/greenlist-keys.json` };
}
