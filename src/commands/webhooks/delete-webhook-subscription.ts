/**
 * Ends a subscription. The row stays (inactive) so its delivery log stays readable;
 * deliveries still queued for it are dropped when their job runs.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { deactivateWebhookSubscription, findWebhookSubscription } from '../../store/repositories/webhooks.ts';
import type { Store } from '../../store/store.ts';

export async function deleteWebhookSubscription(store: Store, actor: Actor, input: { id: number }): Promise<void> {
  authorize(actor, 'delete', { type: 'webhook' });
  await store.transaction(async (trx) => {
    const subscription = await findWebhookSubscription(trx, input.id);
    if (subscription === undefined) throw new AppError('NOT_FOUND', `webhook subscription ${input.id} not found / 未找到该订阅`);
    if (subscription.active === 0) return;
    await deactivateWebhookSubscription(trx, subscription.id);
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'webhook.deleted', subjectType: 'webhook', subjectId: subscription.id, enterpriseId: null, data: { url: subscription.url } });
  });
}
