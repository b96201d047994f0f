/** Appends to and reads the hash-chained audit log. Writers call this inside their transaction. */
import { canonicalJson } from '../../domain/canonical-json.ts';
import { GENESIS_HASH, auditHash, auditStream } from '../../domain/audit/audit-hash.ts';
import type { Capabilities } from '../kysely/capabilities.ts';
import { now, type Executor } from '../store.ts';
import type { Row } from '../schema.ts';

export interface AuditEntry {
  actorUserId: number | null;
  /** Who acted, in words: an e-mail, 'system', 'scheduler', 'public'. */
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | number;
  enterpriseId: number | null;
  data?: Record<string, unknown>;
}

/**
 * Appends one event to its stream's chain. Must run inside the transaction that makes
 * the change; the stream head is locked so concurrent writers form one chain.
 */
export async function appendAuditEvent(trx: Executor, capabilities: Capabilities, entry: AuditEntry): Promise<Row<'audit_events'>> {
  const stream = auditStream(entry.enterpriseId);
  await trx.insertInto('audit_streams').values({ stream, last_seq: 0, last_hash: GENESIS_HASH }).onConflict((c) => c.column('stream').doNothing()).execute();
  const head = await capabilities.forUpdate(trx.selectFrom('audit_streams').selectAll().where('stream', '=', stream)).executeTakeFirstOrThrow();
  const content = {
    stream,
    seq: head.last_seq + 1,
    at: now(),
    actorUserId: entry.actorUserId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: String(entry.subjectId),
    enterpriseId: entry.enterpriseId,
    data: canonicalJson(entry.data ?? {}),
    prevHash: head.last_hash,
  };
  const hash = auditHash(content);
  const row = await trx
    .insertInto('audit_events')
    .values({
      stream,
      seq: content.seq,
      at: content.at,
      actor_user_id: content.actorUserId,
      actor_label: content.actorLabel,
      action: content.action,
      subject_type: content.subjectType,
      subject_id: content.subjectId,
      enterprise_id: content.enterpriseId,
      data: content.data,
      prev_hash: content.prevHash,
      hash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.updateTable('audit_streams').set({ last_seq: content.seq, last_hash: hash }).where('stream', '=', stream).execute();
  return row;
}

export function listAuditStreams(db: Executor) {
  return db.selectFrom('audit_streams').selectAll().orderBy('stream').execute();
}

/** One stream's events in chain order, a page at a time (streams can be long). */
export function listAuditEventsPage(db: Executor, stream: string, afterSeq: number, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('stream', '=', stream).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export function listAuditEventsForSubject(db: Executor, subjectType: string, subjectId: string | number) {
  return db.selectFrom('audit_events').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', String(subjectId)).orderBy('id').execute();
}
