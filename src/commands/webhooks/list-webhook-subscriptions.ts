/** The administrator's view: subscriptions (never their secrets) and each one's delivery log. */
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { findWebhookSubscription, listWebhookDeliveryRows, listWebhookSubscriptionRows } from '../../store/repositories/webhooks.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';

export async function listWebhookSubscriptions(store: Store, actor: Actor, options: { includeInactive?: boolean } = {}): Promise<Row<'webhook_subscriptions'>[]> {
  authorize(actor, 'list', { type: 'webhook' });
  return listWebhookSubscriptionRows(store.db, { activeOnly: !options.includeInactive });
}

export async function listWebhookDeliveries(store: Store, actor: Actor, input: { subscriptionId: number; limit?: number }): Promise<Row<'webhook_deliveries'>[]> {
  authorize(actor, 'read-deliveries', { type: 'webhook' });
  if ((await findWebhookSubscription(store.db, input.subscriptionId)) === undefined) throw new AppError('NOT_FOUND', `webhook subscription ${input.subscriptionId} not found / 未找到该订阅`);
  return listWebhookDeliveryRows(store.db, input.subscriptionId, Math.min(Math.max(input.limit ?? 50, 1), 500));
}
