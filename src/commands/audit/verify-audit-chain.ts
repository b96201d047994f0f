/**
 * Walks every audit stream from its first event and recomputes the chain. Reports the
 * first event that was edited (its hash no longer matches its content), deleted (a gap
 * in the sequence, or a stream head that points past the last event) or reordered (an
 * event whose previous-hash link does not match the event before it).
 */
import { auditHash, GENESIS_HASH } from '../../domain/audit/audit-hash.ts';
import { listAuditEventsPage, listAuditStreams } from '../../store/repositories/audit-events.ts';
import type { Store } from '../../store/store.ts';

export type AuditProblem = 'edited' | 'deleted' | 'reordered';

export interface AuditVerification {
  ok: boolean;
  streams: number;
  events: number;
  firstProblem?: { stream: string; seq: number; eventId: number | null; problem: AuditProblem; detail: string };
}

const PAGE = 2000;

export async function verifyAuditChain(store: Store): Promise<AuditVerification> {
  const streams = await listAuditStreams(store.db);
  let events = 0;
  for (const head of streams) {
    let expectedSeq = 1;
    let previousHash = GENESIS_HASH;
    let afterSeq = 0;
    for (;;) {
      const page = await listAuditEventsPage(store.db, head.stream, afterSeq, PAGE);
      for (const event of page) {
        events++;
        const problem = (kind: AuditProblem, detail: string) => ({ ok: false, streams: streams.length, events, firstProblem: { stream: head.stream, seq: event.seq, eventId: event.id, problem: kind, detail } });
        const recomputed = auditHash({
          stream: event.stream,
          seq: event.seq,
          at: event.at,
          actorUserId: event.actor_user_id,
          actorLabel: event.actor_label,
          action: event.action,
          subjectType: event.subject_type,
          subjectId: event.subject_id,
          enterpriseId: event.enterprise_id,
          data: event.data,
          prevHash: event.prev_hash,
        });
        if (recomputed !== event.hash) return problem('edited', `event ${event.id} (${event.action}) does not match its hash: its content or its position in the chain was changed`);
        if (event.seq !== expectedSeq) return problem('deleted', `expected sequence ${expectedSeq}, found ${event.seq}: event(s) missing before event ${event.id}`);
        if (event.prev_hash !== previousHash) return problem('reordered', `event ${event.id} does not follow the event before it in the chain`);
        previousHash = event.hash;
        expectedSeq++;
        afterSeq = event.seq;
      }
      if (page.length < PAGE) break;
    }
    if (head.last_seq !== expectedSeq - 1 || head.last_hash !== previousHash) {
      return { ok: false, streams: streams.length, events, firstProblem: { stream: head.stream, seq: expectedSeq, eventId: null, problem: 'deleted', detail: `the chain ends at ${expectedSeq - 1} but its head records ${head.last_seq}: the last event(s) were deleted` } };
    }
  }
  return { ok: true, streams: streams.length, events };
}
