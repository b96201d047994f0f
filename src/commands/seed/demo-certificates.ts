/**
 * The demo's certificates: one for every entry of every published batch, signed at seed
 * time with keys generated at seed time (the only part of the demo that differs between
 * runs). Dates are the batches' own: each certificate is issued on its batch's
 * publication day, and the national key shows a rotation — the key that signed the 2019
 * batch was retired at the end of 2024 and still verifies what it signed. Entries the
 * demo removed have their certificates revoked on the removal date with its reason;
 * renamed ones carry the old name, signed, and verify as renamed.
 */
import { findCurrentSigningKey } from '../../store/repositories/signing-keys.ts';
import { listEntriesForCertificates } from '../../store/queries/certificate-sources.ts';
import { prepareIssuer } from '../certificates/issue-certificates-for-batch.ts';
import { createSigningKey, openCurrentSigningKey, retireKey, type KeyContext, type OpenSigningKey } from '../certificates/signing-keys.ts';
import { recordCertificateRename } from '../certificates/record-certificate-rename.ts';
import { revokeCertificateOfEntry } from '../certificates/revoke-certificate.ts';

/** Keys exist from before the first demo batch (2019); the national key rotates at the turn of 2025. */
const FIRST_KEYS_AT = '2019-01-01T00:00:00.000Z';
const ROTATION = { on: '2025-01-01', retiredAt: '2024-12-31T12:00:00.000Z', nextCreatedAt: '2024-12-31T16:00:00.000Z' };

export interface DemoCertificatesReport {
  issued: number;
  revoked: number;
  renamed: number;
}

export async function seedDemoCertificates(context: KeyContext): Promise<DemoCertificatesReport> {
  const { trx } = context;
  const batches = await trx
    .selectFrom('batches as b')
    .innerJoin('authorities as a', 'a.id', 'b.authority_id')
    .select(['b.id', 'b.published_on', 'a.id as authority_id', 'a.code', 'a.level'])
    .where('b.status', '=', 'published')
    .where('b.published_on', 'is not', null)
    .orderBy('b.published_on')
    .orderBy('b.id')
    .execute();
  const keys = new Map<number, OpenSigningKey>();
  const rotated = new Set<number>();
  const report: DemoCertificatesReport = { issued: 0, revoked: 0, renamed: 0 };
  for (const batch of batches) {
    const authority = { id: batch.authority_id, code: batch.code };
    let key = keys.get(authority.id);
    if (key === undefined) {
      key = (await findCurrentSigningKey(trx, authority.id)) === undefined ? await createSigningKey(context, authority, { createdAt: FIRST_KEYS_AT }) : await openCurrentSigningKey(context, authority);
      keys.set(authority.id, key);
    }
    if (batch.level === 'national' && batch.published_on! >= ROTATION.on && !rotated.has(authority.id)) {
      await retireKey(context, key.id, 'demo: rotation at the turn of the year', ROTATION.retiredAt);
      key = await createSigningKey(context, authority, { createdAt: ROTATION.nextCreatedAt });
      keys.set(authority.id, key);
      rotated.add(authority.id);
    }
    const issuer = await prepareIssuer(context, batch.id, { key });
    const entries = await listEntriesForCertificates(trx, batch.id, { withoutCertificate: true, statuses: ['listed', 'renamed', 'removed'] });
    for (const entry of entries) {
      await issuer.issue(entry, { issuedOn: batch.published_on!, ...(entry.renamed_from === null ? {} : { nameZh: entry.renamed_from }) });
      report.issued++;
      if (entry.status === 'removed') {
        await revokeCertificateOfEntry(context, { entryId: entry.id, enterpriseId: entry.enterprise_id, reason: entry.removal_reason ?? '', revokedOn: entry.removed_on ?? batch.published_on! });
        report.revoked++;
      } else if (entry.status === 'renamed') {
        await recordCertificateRename(context, { entryId: entry.id, enterpriseId: entry.enterprise_id, from: entry.renamed_from ?? '', to: entry.name_zh, renamedOn: entry.renamed_on ?? batch.published_on! });
        report.renamed++;
      }
    }
  }
  return report;
}
