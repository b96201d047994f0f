/** Read models for verification: a certificate with its live list entry, and the published keys. */
import { AppError } from '../../domain/errors.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import type { CertificateTier } from '../../domain/certificates/certificate-number.ts';
import type { PublishedKey } from '../../domain/certificates/published-keys.ts';
import { listSigningKeysWithAuthority } from '../repositories/signing-keys.ts';
import type { Executor } from '../store.ts';

export function findCertificateWithEntry(db: Executor, number: string) {
  return db
    .selectFrom('certificates as c')
    .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'c.list_entry_id').onRef('e.enterprise_id', '=', 'c.enterprise_id'))
    .innerJoin('batches as b', 'b.id', 'e.batch_id')
    .select([
      'c.id', 'c.number', 'c.enterprise_id', 'c.list_entry_id', 'c.payload', 'c.signature', 'c.key_id', 'c.status', 'c.issued_on', 'c.revoked_on', 'c.revoked_reason',
      'e.status as entry_status', 'e.name_zh as entry_name_zh', 'e.name_en as entry_name_en', 'e.listed_on', 'e.removed_on', 'e.removal_reason', 'e.removal_mode', 'e.renamed_from', 'e.renamed_on',
      'b.slug as batch_slug', 'b.name_zh as batch_name_zh', 'b.name_en as batch_name_en',
    ])
    .where('c.number', '=', number)
    .executeTakeFirst();
}

export type CertificateWithEntry = NonNullable<Awaited<ReturnType<typeof findCertificateWithEntry>>>;

/** Who issued the entry's certificate, for the revoke rule (the issuing authority and its region). */
export async function loadCertificateIssuer(db: Executor, listEntryId: number): Promise<{ authorityId: number; provinceCode: string; cityCode: string }> {
  const row = await db.selectFrom('list_entries').select(['authority_id', 'province_code', 'city_code']).where('id', '=', listEntryId).executeTakeFirst();
  if (row === undefined) throw new AppError('NOT_FOUND', `list entry ${listEntryId} not found / 未找到名单条目`);
  return { authorityId: row.authority_id, provinceCode: row.province_code, cityCode: row.city_code };
}

/** Every signing key as published: current and retired, with its authority and the days it signed. */
export async function publishedKeys(db: Executor): Promise<PublishedKey[]> {
  const rows = await listSigningKeysWithAuthority(db);
  return rows.map((row) => ({
    kid: row.id,
    kty: 'OKP',
    crv: 'Ed25519',
    alg: 'EdDSA',
    use: 'sig',
    x: row.public_key,
    authority: { code: row.authority_code, level: row.authority_level as CertificateTier, regionCode: row.authority_region_code, nameZh: row.authority_name_zh, nameEn: row.authority_name_en },
    validFrom: todayInShanghai(new Date(row.created_at)),
    validUntil: row.retired_at === null ? null : todayInShanghai(new Date(row.retired_at)),
    status: row.retired_at === null ? 'current' : 'retired',
  }));
}
