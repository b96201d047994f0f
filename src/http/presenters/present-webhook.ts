import type { Row } from '../../store/schema.ts';
import { subscribedEvents } from '../../store/repositories/webhooks.ts';

/** A subscription as it leaves the server: never its secret. */
export function presentWebhookSubscription(row: Row<'webhook_subscriptions'>) {
  return { id: row.id, url: row.url, events: subscribedEvents(row), description: row.description, active: row.active === 1, createdAt: row.created_at, deactivatedAt: row.deactivated_at };
}

export function presentWebhookDelivery(row: Row<'webhook_deliveries'>) {
  return { id: row.id, deliveryId: row.delivery_id, event: row.event, attempt: row.attempt, statusCode: row.status_code, error: row.error, durationMs: row.duration_ms, at: row.at, payload: JSON.parse(row.payload) as unknown };
}
