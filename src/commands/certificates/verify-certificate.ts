/**
 * Verification as the public sees it: is the signature good, and what does the live list
 * say now? A certificate is in force when its signature verifies and its entry is still
 * listed (under its old or a new name). Removal shows as revoked with the removal's date
 * and reason; a signature presented from a printed QR code must match the record.
 */
import { AppError } from '../../domain/errors.ts';
import { fromJson, type Store } from '../../store/store.ts';
import { normalizeCertificateNumber, parseCertificateNumber } from '../../domain/certificates/certificate-number.ts';
import { certificateDocument, certificateLinks, verifyCertificateSignature, type CertificateDocument, type SignatureFailure } from '../../domain/certificates/certificate-document.ts';
import { parseCertificatePayload } from '../../domain/certificates/certificate-payload.ts';
import type { PublishedKey } from '../../domain/certificates/published-keys.ts';
import { findCertificateWithEntry, publishedKeys, type CertificateWithEntry } from '../../store/queries/certificate-status.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { currentDataVersion } from '../../store/queries/data-version.ts';

export type LiveStatus = 'valid' | 'renamed' | 'removed' | 'revoked' | 'not_found';

export interface SignatureReport {
  valid: boolean;
  keyId: string;
  keyStatus: 'current' | 'retired' | 'unknown';
  failure: SignatureFailure | null;
}

export interface CertificateVerification {
  number: string;
  status: LiveStatus;
  /** The signature verifies, the certificate is in force, and a presented signature matches the record. */
  valid: boolean;
  revoked: boolean;
  signature: SignatureReport | null;
  /** When a signature was presented (QR code, uploaded file): does it match the record? */
  presentedSignature: 'matches' | 'differs' | null;
  issuedOn: string | null;
  revocation: { on: string | null; reason: string | null } | null;
  removal: { on: string | null; reason: string | null; mode: string | null } | null;
  rename: { from: string; to: string; on: string | null } | null;
  entry: { listEntryId: number; enterpriseId: number; nameZh: string; nameEn: string; status: string; listedOn: string; batch: { slug: string; nameZh: string; nameEn: string } } | null;
  certificate: CertificateDocument | null;
}

function notFound(number: string, signature: SignatureReport | null = null): CertificateVerification {
  return { number, status: 'not_found', valid: false, revoked: false, signature, presentedSignature: null, issuedOn: null, revocation: null, removal: null, rename: null, entry: null, certificate: null };
}

/**
 * Signature checks are pure (the same payload, signature and key give the same answer), so
 * they are remembered: a busy verify page pays for Ed25519 once per certificate and key.
 */
const SIGNATURE_MEMO_ENTRIES = 20_000;
const signatureMemo = new Map<string, ReturnType<typeof verifyCertificateSignature>>();

function memoisedSignatureCheck(document: CertificateDocument, keys: readonly PublishedKey[]): ReturnType<typeof verifyCertificateSignature> {
  const key = keys.find((k) => k.kid === document.signature.keyId);
  const memoKey = `${document.signature.value}|${key?.x ?? ''}|${key?.validUntil ?? ''}|${key?.authority.code ?? ''}|${canonicalJson(document.payload)}`;
  let check = signatureMemo.get(memoKey);
  if (check === undefined) {
    check = verifyCertificateSignature(document, keys);
    if (signatureMemo.size >= SIGNATURE_MEMO_ENTRIES) signatureMemo.delete(signatureMemo.keys().next().value as string);
    signatureMemo.set(memoKey, check);
  }
  return check;
}

function signatureReport(document: CertificateDocument, keys: readonly PublishedKey[]): SignatureReport {
  const check = memoisedSignatureCheck(document, keys);
  const key = check.key;
  return { valid: check.valid, keyId: document.signature.keyId, keyStatus: key === undefined ? 'unknown' : key.status, failure: check.valid ? null : check.reason };
}

function liveStatus(row: CertificateWithEntry): Pick<CertificateVerification, 'status' | 'revoked' | 'revocation' | 'removal' | 'rename'> {
  if (row.entry_status === 'removed') {
    return {
      status: 'removed',
      revoked: true,
      revocation: { on: row.revoked_on ?? row.removed_on, reason: row.revoked_reason ?? row.removal_reason },
      removal: { on: row.removed_on, reason: row.removal_reason, mode: row.removal_mode },
      rename: null,
    };
  }
  if (row.status === 'revoked') return { status: 'revoked', revoked: true, revocation: { on: row.revoked_on, reason: row.revoked_reason }, removal: null, rename: null };
  if (row.entry_status === 'renamed' || row.status === 'renamed') {
    return { status: 'renamed', revoked: false, revocation: null, removal: null, rename: { from: row.renamed_from ?? '', to: row.entry_name_zh, on: row.renamed_on } };
  }
  return { status: 'valid', revoked: false, revocation: null, removal: null, rename: null };
}

function verificationOf(row: CertificateWithEntry, signature: SignatureReport, document: CertificateDocument, presented: string | undefined): CertificateVerification {
  const live = liveStatus(row);
  const presentedSignature = presented === undefined ? null : presented === row.signature ? 'matches' : 'differs';
  return {
    number: row.number,
    ...live,
    valid: signature.valid && (live.status === 'valid' || live.status === 'renamed') && presentedSignature !== 'differs',
    signature,
    presentedSignature,
    issuedOn: row.issued_on,
    entry: { listEntryId: row.list_entry_id, enterpriseId: row.enterprise_id, nameZh: row.entry_name_zh, nameEn: row.entry_name_en, status: row.entry_status, listedOn: row.listed_on, batch: { slug: row.batch_slug, nameZh: row.batch_name_zh, nameEn: row.batch_name_en } },
    certificate: document,
  };
}

/** The stored certificate as a signed document, with links on `publicUrl`. */
/** The published keys, read again only when the data changed (a rotation writes an audit event). */
const keysByStore = new WeakMap<Store, { version: number; keys: PublishedKey[] }>();

async function currentPublishedKeys(store: Store): Promise<PublishedKey[]> {
  const version = (await currentDataVersion(store)).id;
  const cached = keysByStore.get(store);
  if (cached !== undefined && cached.version === version) return cached.keys;
  const keys = await publishedKeys(store.db);
  keysByStore.set(store, { version, keys });
  return keys;
}

export function storedDocument(row: Pick<CertificateWithEntry, 'number' | 'payload' | 'signature'>, publicUrl?: string): CertificateDocument {
  const payload = parseCertificatePayload(fromJson(row.payload));
  return certificateDocument(payload, row.signature, publicUrl === undefined ? undefined : certificateLinks(publicUrl, row.number, row.signature));
}

/** Verifies a certificate by number: the stored signature against the published keys, and the live status. */
export async function verifyCertificate(store: Store, input: { number: string; presentedSignature?: string; publicUrl?: string }): Promise<CertificateVerification> {
  const number = normalizeCertificateNumber(input.number);
  if (parseCertificateNumber(number) === undefined) return notFound(number);
  const row = await findCertificateWithEntry(store.db, number);
  if (row === undefined) return notFound(number);
  const document = storedDocument(row, input.publicUrl);
  return verificationOf(row, signatureReport(document, await currentPublishedKeys(store)), document, input.presentedSignature);
}

/**
 * Verifies a certificate file someone holds (uploaded JSON): its own signature against
 * the published keys, then the live status of its number, and whether it is the record's.
 */
export async function verifyCertificateDocument(store: Store, document: CertificateDocument, options: { publicUrl?: string } = {}): Promise<CertificateVerification> {
  const signature = signatureReport(document, await currentPublishedKeys(store));
  const row = await findCertificateWithEntry(store.db, document.payload.number);
  if (row === undefined) return notFound(document.payload.number, signature);
  return verificationOf(row, signature, storedDocument(row, options.publicUrl), document.signature.value);
}

/** The stored certificate as its signed document; NOT_FOUND when no certificate has this number. */
export async function getCertificateDocument(store: Store, input: { number: string; publicUrl?: string }): Promise<CertificateDocument> {
  const number = normalizeCertificateNumber(input.number);
  const row = parseCertificateNumber(number) === undefined ? undefined : await findCertificateWithEntry(store.db, number);
  if (row === undefined) throw new AppError('NOT_FOUND', `certificate ${number} not found / 未找到该证书`);
  return storedDocument(row, input.publicUrl);
}
