/**
 * Issues the certificates of a published batch inside the caller's transaction (the
 * publication's, through the batch.published subscriber, or the `certificates issue`
 * command's): one per listed entry that has none yet, numbered under the batch's prefix,
 * signed by the issuing authority's current key, each with its audit event. Running it
 * again issues nothing twice; the unique index on (enterprise_id, list_entry_id) backs
 * that up if two runs ever raced.
 */
import { createHash } from 'node:crypto';
import { actorLabel, actorUserId } from '../../domain/actors/actor.ts';
import { certificateNumberPrefix, formatCertificateNumber, MAX_SEQUENCE, parseCertificateNumber, type CertificateTier } from '../../domain/certificates/certificate-number.ts';
import { CERTIFICATE_FORMAT, certificatePayloadBytes, type CertificatePayload } from '../../domain/certificates/certificate-payload.ts';
import { signBytes } from '../../domain/certificates/certificate-signature.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { AppError } from '../../domain/errors.ts';
import type { ProgrammeCode } from '../../domain/programmes/programmes.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { insertCertificate, lastNumberWithPrefix } from '../../store/repositories/certificates.ts';
import { listEntriesForCertificates, loadBatchForCertificates, lockAuthority, type BatchForCertificates, type EntryForCertificate, type IssuingAuthority } from '../../store/queries/certificate-sources.ts';
import { openCurrentSigningKey, type KeyContext, type OpenSigningKey } from './signing-keys.ts';

export interface IssuedCertificate {
  certificateId: number;
  number: string;
  listEntryId: number;
  enterpriseId: number;
}

export interface IssueReport {
  batchId: number;
  issued: IssuedCertificate[];
}

export interface Issuer {
  batch: BatchForCertificates;
  authority: IssuingAuthority;
  key: OpenSigningKey;
  /** Signs and stores one entry's certificate; `nameZh`/`nameEn` override the entry's (the demo's renamed entries). */
  issue(entry: EntryForCertificate, options: { issuedOn: string; nameZh?: string; nameEn?: string }): Promise<IssuedCertificate>;
}

function payloadFor(issuer: Omit<Issuer, 'issue'>, entry: EntryForCertificate, number: string, options: { issuedOn: string; nameZh?: string; nameEn?: string }): CertificatePayload {
  const { batch, authority } = issuer;
  return {
    format: CERTIFICATE_FORMAT,
    number,
    enterprise: { nameZh: options.nameZh ?? entry.name_zh, nameEn: options.nameEn ?? entry.name_en, creditCode: entry.credit_code },
    factory: entry.factory_name_zh === null ? null : { nameZh: entry.factory_name_zh, nameEn: entry.factory_name_en ?? '' },
    programme: { code: batch.programme_code, nameZh: batch.programme_name_zh, nameEn: batch.programme_name_en },
    tier: batch.tier as CertificateTier,
    batch: { slug: batch.slug, nameZh: batch.name_zh, nameEn: batch.name_en, year: batch.year, noticeNumber: batch.notice_number, publishedOn: batch.published_on ?? options.issuedOn },
    framework: batch.framework_id === null || batch.framework_version === null ? null : { id: batch.framework_id, version: batch.framework_version },
    issuer: { code: authority.code, level: authority.level as CertificateTier, regionCode: authority.region_code, nameZh: authority.name_zh, nameEn: authority.name_en },
    issuedOn: options.issuedOn,
    validity: { from: options.issuedOn, until: null, condition: 'while-listed' },
    keyId: issuer.key.id,
  };
}

/**
 * Loads the batch, locks its authority (sequence numbers are taken one issuer at a time)
 * and opens the signing key: `key` when given (the demo signs old batches with the key
 * of their day), else the authority's current key.
 */
export async function prepareIssuer(context: KeyContext, batchId: number, options: { key?: OpenSigningKey } = {}): Promise<Issuer> {
  const batch = await loadBatchForCertificates(context.trx, batchId);
  if (batch.status !== 'published' && batch.published_on === null) {
    throw new AppError('INVALID_TRANSITION', `batch ${batch.slug} is not published; certificates are issued on publication / 批次尚未发布，发布后方可发证`);
  }
  const authority = await lockAuthority(context.trx, context.store.capabilities, batch.authority_id);
  const key = options.key ?? (await openCurrentSigningKey(context, authority));
  const prefix = certificateNumberPrefix({ programme: batch.programme_code as ProgrammeCode, tier: batch.tier as CertificateTier, year: batch.year, regionCode: authority.region_code });
  const last = await lastNumberWithPrefix(context.trx, prefix);
  let sequence = last === undefined ? 0 : (parseCertificateNumber(last)?.sequence ?? 0);
  const base = { batch, authority, key };
  return {
    ...base,
    async issue(entry, issueOptions) {
      if (sequence >= MAX_SEQUENCE) throw new AppError('RULE_VIOLATION', `no certificate numbers left under ${prefix} / 证书编号已用尽`);
      sequence++;
      const number = formatCertificateNumber({ programme: batch.programme_code as ProgrammeCode, tier: batch.tier as CertificateTier, year: batch.year, regionCode: authority.region_code, sequence });
      const payload = payloadFor(base, entry, number, issueOptions);
      const bytes = certificatePayloadBytes(payload);
      const signature = signBytes(bytes, key.privateKey);
      const row = await insertCertificate(context.trx, { number, listEntryId: entry.id, enterpriseId: entry.enterprise_id, payload: canonicalJson(payload), signature, keyId: key.id, issuedOn: issueOptions.issuedOn, validUntil: null });
      await appendAuditEvent(context.trx, context.store.capabilities, {
        actorUserId: actorUserId(context.actor),
        actorLabel: actorLabel(context.actor),
        action: 'certificate.issued',
        subjectType: 'certificate',
        subjectId: number,
        enterpriseId: entry.enterprise_id,
        data: { batchId: batch.id, listEntryId: entry.id, keyId: key.id, payloadSha256: createHash('sha256').update(bytes).digest('hex') },
      });
      return { certificateId: row.id, number, listEntryId: entry.id, enterpriseId: entry.enterprise_id };
    },
  };
}

/** Issues a certificate for every listed entry of the batch that has none; idempotent. */
export async function issueCertificatesForBatch(context: KeyContext, batchId: number, options: { issuedOn?: string } = {}): Promise<IssueReport> {
  // Lock first, then read: a second issuer waits for the first and then finds nothing left.
  const issuer = await prepareIssuer(context, batchId);
  const entries = await listEntriesForCertificates(context.trx, batchId, { withoutCertificate: true, statuses: ['listed', 'renamed'] });
  const issuedOn = options.issuedOn ?? issuer.batch.published_on ?? todayInShanghai();
  const issued: IssuedCertificate[] = [];
  for (const entry of entries) issued.push(await issuer.issue(entry, { issuedOn }));
  return { batchId, issued };
}
