/**
 * Revoking a certificate: when its entry leaves the list (the entry.removed subscriber,
 * in the removal's transaction) or by decision of its issuing authority. The signed
 * payload stays as it was; the live status says revoked, with the date and reason, and
 * certificate.revoked goes out to subscribers (webhooks).
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { assertPlainDate, todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { normalizeCertificateNumber } from '../../domain/certificates/certificate-number.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { findCertificateByNumber, findCertificateForEntry, markCertificateRevoked } from '../../store/repositories/certificates.ts';
import { loadCertificateIssuer } from '../../store/queries/certificate-status.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { raiseDomainEvent, type EventContext } from '../events/domain-events.ts';
// certificate.revoked has subscribers (the webhook outbox): make sure they are registered.
import '../events/subscribers.ts';

async function revoke(context: EventContext, certificate: Row<'certificates'>, reason: string, revokedOn: string): Promise<void> {
  await markCertificateRevoked(context.trx, certificate.id, revokedOn, reason);
  await appendAuditEvent(context.trx, context.store.capabilities, {
    actorUserId: actorUserId(context.actor),
    actorLabel: actorLabel(context.actor),
    action: 'certificate.revoked',
    subjectType: 'certificate',
    subjectId: certificate.number,
    enterpriseId: certificate.enterprise_id,
    data: { reason, revokedOn, listEntryId: certificate.list_entry_id },
  });
  await raiseDomainEvent(context, 'certificate.revoked', { certificateId: certificate.id, number: certificate.number, enterpriseId: certificate.enterprise_id, reason, revokedOn });
}

/** Revokes the entry's certificate, if it has one that is not revoked yet; returns it. */
export async function revokeCertificateOfEntry(context: EventContext, input: { entryId: number; enterpriseId: number; reason: string; revokedOn: string }): Promise<Row<'certificates'> | undefined> {
  const certificate = await findCertificateForEntry(context.trx, input.enterpriseId, input.entryId);
  if (certificate === undefined || certificate.status === 'revoked') return undefined;
  await revoke(context, certificate, input.reason, input.revokedOn);
  return certificate;
}

export interface RevokeCertificateInput {
  number: string;
  reason: string;
  /** Defaults to today in Asia/Shanghai. */
  revokedOn?: string;
}

/** An issuing authority revokes one certificate by number (the entry itself stays as it is). */
export async function revokeCertificate(store: Store, actor: Actor, input: RevokeCertificateInput): Promise<{ number: string; revokedOn: string }> {
  const number = normalizeCertificateNumber(input.number);
  const reason = input.reason.trim();
  if ([...reason].length < 4) throw invalid('reason', 'say why the certificate is revoked (at least 4 characters) / 请填写撤销原因（至少4个字）');
  const revokedOn = input.revokedOn ?? todayInShanghai();
  assertPlainDate('revokedOn', revokedOn);
  return store.transaction(async (trx) => {
    const certificate = await findCertificateByNumber(trx, number);
    if (certificate === undefined) throw new AppError('NOT_FOUND', `certificate ${number} not found / 未找到该证书`);
    const issuer = await loadCertificateIssuer(trx, certificate.list_entry_id);
    authorize(actor, 'revoke', { type: 'certificate', authorityId: issuer.authorityId, provinceCode: issuer.provinceCode, cityCode: issuer.cityCode, enterpriseId: certificate.enterprise_id });
    if (certificate.status === 'revoked') throw new AppError('INVALID_TRANSITION', `certificate ${number} is already revoked / 该证书已撤销`);
    await revoke({ trx, store, actor }, certificate, reason, revokedOn);
    return { number, revokedOn };
  });
}
