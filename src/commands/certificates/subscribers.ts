/**
 * Certificates follow the list, in the list's own transactions: a published batch issues
 * its certificates, a removal revokes the entry's certificate (and raises
 * certificate.revoked), a rename marks it renamed. Registered from events/subscribers.ts.
 */
import { onDomainEvent } from '../events/domain-events.ts';
import { issueCertificatesForBatch } from './issue-certificates-for-batch.ts';
import { recordCertificateRename } from './record-certificate-rename.ts';
import { revokeCertificateOfEntry } from './revoke-certificate.ts';

onDomainEvent('batch.published', async (context, event) => {
  await issueCertificatesForBatch(context, event.batchId, { issuedOn: event.publishedOn });
});

onDomainEvent('entry.removed', async (context, event) => {
  await revokeCertificateOfEntry(context, { entryId: event.entryId, enterpriseId: event.enterpriseId, reason: event.reason, revokedOn: event.removedOn });
});

onDomainEvent('entry.renamed', async (context, event) => {
  await recordCertificateRename(context, event);
});
