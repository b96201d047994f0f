/**
 * Programme events raised inside the transaction that makes the change. Subscribers run
 * in that same transaction — issuing certificates when a batch is published, revoking one
 * when its entry is removed, writing webhook outbox rows — so a change and its
 * consequences commit together or not at all. Work outside the database (HTTP calls,
 * mail) is never done here: subscribers enqueue jobs for it.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import type { Store, Tx } from '../../store/store.ts';

export interface DomainEvents {
  'batch.published': { batchId: number; entryIds: number[]; publishedOn: string };
  'entry.removed': { entryId: number; enterpriseId: number; batchId: number; reason: string; mode: 'annual' | 'immediate'; removedOn: string };
  'entry.renamed': { entryId: number; enterpriseId: number; from: string; to: string; renamedOn: string };
  'notice.opened': { noticeId: number; batchId: number; opensOn: string; closesOn: string };
  'notice.closed': { noticeId: number; batchId: number; closedOn: string };
  'certificate.revoked': { certificateId: number; number: string; enterpriseId: number; reason: string; revokedOn: string };
  'enterprise.negative-listed': { enterpriseId: number; eventId: number; until: string; reason: string };
}

export type DomainEventName = keyof DomainEvents;

export interface EventContext {
  trx: Tx;
  store: Store;
  actor: Actor;
}

type Subscriber<N extends DomainEventName> = (context: EventContext, payload: DomainEvents[N]) => Promise<void>;

const SUBSCRIBERS = new Map<DomainEventName, Subscriber<any>[]>();

export function onDomainEvent<N extends DomainEventName>(name: N, subscriber: Subscriber<N>): void {
  const list = SUBSCRIBERS.get(name) ?? [];
  list.push(subscriber);
  SUBSCRIBERS.set(name, list);
}

/** Runs every subscriber of `name` in the caller's transaction, in registration order. */
export async function raiseDomainEvent<N extends DomainEventName>(context: EventContext, name: N, payload: DomainEvents[N]): Promise<void> {
  for (const subscriber of SUBSCRIBERS.get(name) ?? []) await subscriber(context, payload);
}
