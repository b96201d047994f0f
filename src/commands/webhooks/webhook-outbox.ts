/**
 * The webhook outbox: for each subscribed event, one delivery job per matching
 * subscription, enqueued in the transaction that raised the event, so a delivery exists
 * exactly when the change committed. The body is fixed here and kept in the job: every
 * retry sends the same bytes under the same delivery id. The unique key makes raising
 * the same event twice enqueue nothing new. Registered from events/subscribers.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../domain/webhooks/webhook-signature.ts';
import { enqueueJob } from '../../store/repositories/jobs.ts';
import { listWebhookSubscriptionRows, subscribedEvents } from '../../store/repositories/webhooks.ts';
import { now } from '../../store/store.ts';
import { onDomainEvent, type DomainEvents, type EventContext } from '../events/domain-events.ts';

export const WEBHOOK_JOB = 'webhook.deliver';
/** Attempts before a delivery is given up: with the job table's backoff (10 s doubling) about 21 minutes. */
export const WEBHOOK_MAX_ATTEMPTS = 8;

export interface WebhookJobPayload {
  subscriptionId: number;
  deliveryId: string;
  event: WebhookEvent;
  body: string;
}

export async function enqueueWebhookDeliveries<N extends WebhookEvent>(context: EventContext, event: N, data: DomainEvents[N]): Promise<number> {
  const subscriptions = (await listWebhookSubscriptionRows(context.trx, { activeOnly: true })).filter((s) => subscribedEvents(s).includes(event));
  if (subscriptions.length === 0) return 0;
  const occurredAt = now();
  const eventKey = createHash('sha256').update(`${event}\n${canonicalJson(data)}`).digest('hex').slice(0, 32);
  for (const subscription of subscriptions) {
    const deliveryId = randomUUID();
    const body = JSON.stringify({ id: deliveryId, event, occurredAt, data });
    const payload: WebhookJobPayload = { subscriptionId: subscription.id, deliveryId, event, body };
    await enqueueJob(context.trx, { kind: WEBHOOK_JOB, payload: { ...payload }, uniqueKey: `webhook:${subscription.id}:${eventKey}`, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
  }
  return subscriptions.length;
}

for (const event of WEBHOOK_EVENTS) {
  onDomainEvent(event, (context, data) => enqueueWebhookDeliveries(context, event, data).then(() => undefined));
}
