/** Certificates: written once at issue; only their live status columns change afterwards. */
import { now, type Executor } from '../store.ts';
import type { Row } from '../schema.ts';

export function findCertificateByNumber(db: Executor, number: string): Promise<Row<'certificates'> | undefined> {
  return db.selectFrom('certificates').selectAll().where('number', '=', number).executeTakeFirst();
}

export function findCertificateForEntry(db: Executor, enterpriseId: number, listEntryId: number): Promise<Row<'certificates'> | undefined> {
  return db.selectFrom('certificates').selectAll().where('enterprise_id', '=', enterpriseId).where('list_entry_id', '=', listEntryId).executeTakeFirst();
}

/** The highest number issued under `prefix` (e.g. `GF-N-2025-000000-`), if any. */
export async function lastNumberWithPrefix(db: Executor, prefix: string): Promise<string | undefined> {
  const row = await db.selectFrom('certificates').select('number').where('number', 'like', `${prefix}%`).orderBy('number', 'desc').limit(1).executeTakeFirst();
  return row?.number;
}

export interface NewCertificate {
  number: string;
  listEntryId: number;
  enterpriseId: number;
  payload: string;
  signature: string;
  keyId: string;
  issuedOn: string;
  validUntil: string | null;
}

export async function insertCertificate(db: Executor, input: NewCertificate): Promise<Row<'certificates'>> {
  return db
    .insertInto('certificates')
    .values({ number: input.number, list_entry_id: input.listEntryId, enterprise_id: input.enterpriseId, payload: input.payload, signature: input.signature, key_id: input.keyId, status: 'valid', issued_on: input.issuedOn, valid_until: input.validUntil, revoked_on: null, revoked_reason: null, created_at: now() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markCertificateRevoked(db: Executor, id: number, revokedOn: string, reason: string): Promise<void> {
  await db.updateTable('certificates').set({ status: 'revoked', revoked_on: revokedOn, revoked_reason: reason }).where('id', '=', id).execute();
}

export async function markCertificateRenamed(db: Executor, id: number): Promise<void> {
  await db.updateTable('certificates').set({ status: 'renamed' }).where('id', '=', id).where('status', '=', 'valid').execute();
}
