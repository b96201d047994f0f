/** Certificate signing keys, one current key per authority and any number of retired ones. */
import { now, type Executor } from '../store.ts';
import type { Row } from '../schema.ts';

export function findCurrentSigningKey(db: Executor, authorityId: number): Promise<Row<'signing_keys'> | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('authority_id', '=', authorityId).where('retired_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirst();
}

export function findSigningKey(db: Executor, id: string): Promise<Row<'signing_keys'> | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSigningKey(db: Executor, input: { id: string; authorityId: number; publicKey: string; sealedPrivateKey: string; createdAt?: string }): Promise<Row<'signing_keys'>> {
  return db
    .insertInto('signing_keys')
    .values({ id: input.id, authority_id: input.authorityId, algorithm: 'Ed25519', public_key: input.publicKey, private_key: input.sealedPrivateKey, created_at: input.createdAt ?? now(), retired_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function retireSigningKey(db: Executor, id: string, at: string = now()): Promise<void> {
  await db.updateTable('signing_keys').set({ retired_at: at }).where('id', '=', id).where('retired_at', 'is', null).execute();
}

/** Every key with its authority, oldest first: the published key set. */
export function listSigningKeysWithAuthority(db: Executor) {
  return db
    .selectFrom('signing_keys as k')
    .innerJoin('authorities as a', 'a.id', 'k.authority_id')
    .select(['k.id', 'k.public_key', 'k.created_at', 'k.retired_at', 'a.code as authority_code', 'a.level as authority_level', 'a.region_code as authority_region_code', 'a.name_zh as authority_name_zh', 'a.name_en as authority_name_en'])
    .orderBy('k.created_at')
    .orderBy('k.id')
    .execute();
}

export type SigningKeyWithAuthority = Awaited<ReturnType<typeof listSigningKeysWithAuthority>>[number];
