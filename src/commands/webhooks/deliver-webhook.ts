/**
 * Runs one webhook delivery job: POSTs the stored body with the greenlist headers and an
 * HMAC-SHA256 signature over `<timestamp>.<body>` (docs/webhooks.md), waits at most
 * DELIVERY_TIMEOUT_MS, and logs the attempt. Anything but a 2xx throws, and the job table
 * retries with backoff (10 s, 20 s, 40 s …) until WEBHOOK_MAX_ATTEMPTS. Registered from
 * jobs/handlers.ts.
 */
import { openSealedSecret } from '../../domain/secrets/sealed-secret.ts';
import { webhookSignature } from '../../domain/webhooks/webhook-signature.ts';
import { findWebhookSubscription, insertWebhookDelivery } from '../../store/repositories/webhooks.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { serverSecretOf } from '../certificates/server-secret.ts';
import { registerJobHandler } from '../jobs/job-runner.ts';
import { WEBHOOK_SECRET_PURPOSE } from './create-webhook-subscription.ts';
import { WEBHOOK_JOB, type WebhookJobPayload } from './webhook-outbox.ts';

export const DELIVERY_TIMEOUT_MS = 10_000;

async function post(url: string, headers: Record<string, string>, body: string): Promise<{ statusCode: number | null; error: string | null }> {
  try {
    // Redirects are not followed: the subscribed URL is the one that was agreed.
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
    await response.body?.cancel();
    return { statusCode: response.status, error: response.status >= 200 && response.status < 300 ? null : `the receiver answered HTTP ${response.status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { statusCode: null, error: (error instanceof Error ? error.message : String(error)) + cause };
  }
}

export async function deliverWebhook(store: Store, payload: Record<string, unknown>, job: Row<'jobs'>): Promise<void> {
  const delivery = payload as unknown as WebhookJobPayload;
  const subscription = await findWebhookSubscription(store.db, delivery.subscriptionId);
  if (subscription === undefined || subscription.active === 0) return;
  const started = performance.now();
  let outcome: { statusCode: number | null; error: string | null };
  try {
    const secret = openSealedSecret(subscription.secret, serverSecretOf(store), { purpose: WEBHOOK_SECRET_PURPOSE }).toString('utf8');
    const timestamp = String(Math.floor(Date.now() / 1000));
    outcome = await post(
      subscription.url,
      {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'greenlist-webhooks/1',
        'x-greenlist-event': delivery.event,
        'x-greenlist-delivery': delivery.deliveryId,
        'x-greenlist-timestamp': timestamp,
        'x-greenlist-signature': webhookSignature(secret, timestamp, delivery.body),
      },
      delivery.body,
    );
  } catch (error) {
    outcome = { statusCode: null, error: `the subscription's secret cannot be opened (server secret changed?): ${error instanceof Error ? error.message : String(error)}` };
  }
  await insertWebhookDelivery(store.db, { subscriptionId: subscription.id, deliveryId: delivery.deliveryId, event: delivery.event, payload: delivery.body, attempt: job.attempts, statusCode: outcome.statusCode, error: outcome.error, durationMs: performance.now() - started });
  if (outcome.error !== null) throw new Error(outcome.error);
}

registerJobHandler(WEBHOOK_JOB, deliverWebhook);
