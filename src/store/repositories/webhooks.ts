/** Webhook subscriptions and the log of delivery attempts. */
import { now, type Executor } from '../store.ts';
import type { Row } from '../schema.ts';

export async function insertWebhookSubscription(db: Executor, input: { url: string; sealedSecret: string; events: readonly string[]; description: string; createdBy: number | null }): Promise<Row<'webhook_subscriptions'>> {
  return db
    .insertInto('webhook_subscriptions')
    .values({ url: input.url, secret: input.sealedSecret, events: JSON.stringify(input.events), description: input.description, active: 1, created_by: input.createdBy, created_at: now(), deactivated_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findWebhookSubscription(db: Executor, id: number): Promise<Row<'webhook_subscriptions'> | undefined> {
  return db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listWebhookSubscriptionRows(db: Executor, options: { activeOnly: boolean }): Promise<Row<'webhook_subscriptions'>[]> {
  let query = db.selectFrom('webhook_subscriptions').selectAll().orderBy('id');
  if (options.activeOnly) query = query.where('active', '=', 1);
  return query.execute();
}

export async function deactivateWebhookSubscription(db: Executor, id: number, at: string = now()): Promise<void> {
  await db.updateTable('webhook_subscriptions').set({ active: 0, deactivated_at: at }).where('id', '=', id).execute();
}

/** The events a subscription asked for (stored as a JSON array). */
export function subscribedEvents(row: Pick<Row<'webhook_subscriptions'>, 'events'>): string[] {
  return JSON.parse(row.events) as string[];
}

export async function insertWebhookDelivery(db: Executor, input: { subscriptionId: number; deliveryId: string; event: string; payload: string; attempt: number; statusCode: number | null; error: string | null; durationMs: number }): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({ subscription_id: input.subscriptionId, delivery_id: input.deliveryId, event: input.event, payload: input.payload, attempt: input.attempt, status_code: input.statusCode, error: input.error === null ? null : input.error.slice(0, 2000), duration_ms: Math.round(input.durationMs), at: now() })
    .execute();
}

export function listWebhookDeliveryRows(db: Executor, subscriptionId: number, limit: number): Promise<Row<'webhook_deliveries'>[]> {
  return db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).orderBy('id', 'desc').limit(limit).execute();
}
