/**
 * Webhook signatures (docs/webhooks.md): `x-greenlist-signature: sha256=<hex>` where hex
 * is HMAC-SHA256 with the subscription's secret over `<timestamp>.<body>`, timestamp being
 * `x-greenlist-timestamp` in Unix seconds. Signing the timestamp with the body lets a
 * receiver refuse replays outside a window without trusting an unsigned header.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A receiver should refuse deliveries whose timestamp is further than this from its clock. */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

export function webhookSignature(secret: string, timestamp: number | string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export type WebhookCheck = { ok: true } | { ok: false; reason: 'missing-header' | 'bad-signature' | 'outside-replay-window' };

/**
 * What a receiver does with a delivery: recompute the HMAC over the raw body as received,
 * compare in constant time, then check the timestamp against its own clock.
 */
export function verifyWebhookSignature(input: { secret: string; body: string; timestamp: string | undefined; signature: string | undefined; nowSeconds: number; windowSeconds?: number }): WebhookCheck {
  if (input.timestamp === undefined || input.signature === undefined || !/^\d+$/.test(input.timestamp)) return { ok: false, reason: 'missing-header' };
  const expected = Buffer.from(webhookSignature(input.secret, input.timestamp, input.body));
  const given = Buffer.from(input.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  if (Math.abs(input.nowSeconds - Number(input.timestamp)) > (input.windowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS)) return { ok: false, reason: 'outside-replay-window' };
  return { ok: true };
}

/** The events a subscription may ask for. */
export const WEBHOOK_EVENTS = ['batch.published', 'entry.removed', 'notice.opened', 'notice.closed', 'certificate.revoked'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}
