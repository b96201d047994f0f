/**
 * An authority's signing key inside a transaction: create one, open the current one, or
 * retire it for a fresh one. The private key exists in clear only in memory; at rest it is
 * sealed with the server secret and bound to its key id.
 */
import type { KeyObject } from 'node:crypto';
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { generateSigningKeyPair, privateKeyFromPkcs8, signingKeyId } from '../../domain/certificates/certificate-signature.ts';
import { openSealedSecret, sealSecret, SealedSecretError } from '../../domain/secrets/sealed-secret.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { findCurrentSigningKey, insertSigningKey, retireSigningKey } from '../../store/repositories/signing-keys.ts';
import { now, type Store, type Tx } from '../../store/store.ts';
import type { Row } from '../../store/schema.ts';
import { serverSecretOf } from './server-secret.ts';

const PURPOSE = 'signing-key';

export interface OpenSigningKey {
  id: string;
  privateKey: KeyObject;
}

export interface KeyContext {
  trx: Tx;
  store: Store;
  actor: Actor;
}

async function audit(context: KeyContext, action: string, keyId: string, data: Record<string, unknown>): Promise<void> {
  await appendAuditEvent(context.trx, context.store.capabilities, { actorUserId: actorUserId(context.actor), actorLabel: actorLabel(context.actor), action, subjectType: 'signing-key', subjectId: keyId, enterpriseId: null, data });
}

/** Generates a key pair for the authority, stores it sealed and returns it open. */
export async function createSigningKey(context: KeyContext, authority: Pick<Row<'authorities'>, 'id' | 'code'>, options: { createdAt?: string } = {}): Promise<OpenSigningKey> {
  const pair = generateSigningKeyPair();
  const id = signingKeyId(authority.code, pair.publicKey);
  const sealed = sealSecret(pair.privateKeyPkcs8, serverSecretOf(context.store), { purpose: PURPOSE, binding: id });
  await insertSigningKey(context.trx, { id, authorityId: authority.id, publicKey: pair.publicKey, sealedPrivateKey: sealed, ...(options.createdAt === undefined ? {} : { createdAt: options.createdAt }) });
  await audit(context, 'signing-key.created', id, { authorityCode: authority.code, publicKey: pair.publicKey });
  return { id, privateKey: privateKeyFromPkcs8(pair.privateKeyPkcs8) };
}

export async function retireKey(context: KeyContext, keyId: string, reason: string, at: string = now()): Promise<void> {
  await retireSigningKey(context.trx, keyId, at);
  await audit(context, 'signing-key.retired', keyId, { reason });
}

/**
 * The authority's current key, opened. With no key yet, one is created. A key whose
 * private half does not open with this server's secret (the secret was changed) is
 * retired and replaced: its public half stays published, so what it signed still verifies.
 */
export async function openCurrentSigningKey(context: KeyContext, authority: Pick<Row<'authorities'>, 'id' | 'code'>): Promise<OpenSigningKey> {
  const current = await findCurrentSigningKey(context.trx, authority.id);
  if (current === undefined) return createSigningKey(context, authority);
  try {
    const der = openSealedSecret(current.private_key, serverSecretOf(context.store), { purpose: PURPOSE, binding: current.id });
    return { id: current.id, privateKey: privateKeyFromPkcs8(der) };
  } catch (error) {
    if (!(error instanceof SealedSecretError)) throw error;
    await retireKey(context, current.id, 'the private key does not open with the current server secret');
    return createSigningKey(context, authority);
  }
}
