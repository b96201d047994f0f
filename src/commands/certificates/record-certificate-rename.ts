/**
 * A listed enterprise renamed (declared in its dynamic-management table, 工信部节〔2024〕13号):
 * the certificate's signed payload keeps the name it was issued under, and its live status
 * becomes 'renamed' so verification reports the new name beside the old one.
 */
import { actorLabel, actorUserId } from '../../domain/actors/actor.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { findCertificateForEntry, markCertificateRenamed } from '../../store/repositories/certificates.ts';
import type { EventContext } from '../events/domain-events.ts';

export async function recordCertificateRename(context: EventContext, input: { entryId: number; enterpriseId: number; from: string; to: string; renamedOn: string }): Promise<boolean> {
  const certificate = await findCertificateForEntry(context.trx, input.enterpriseId, input.entryId);
  if (certificate === undefined || certificate.status !== 'valid') return false;
  await markCertificateRenamed(context.trx, certificate.id);
  await appendAuditEvent(context.trx, context.store.capabilities, {
    actorUserId: actorUserId(context.actor),
    actorLabel: actorLabel(context.actor),
    action: 'certificate.renamed',
    subjectType: 'certificate',
    subjectId: certificate.number,
    enterpriseId: certificate.enterprise_id,
    data: { from: input.from, to: input.to, renamedOn: input.renamedOn },
  });
  return true;
}
