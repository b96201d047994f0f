/**
 * An administrator subscribes a URL to programme events. The HMAC secret is generated
 * here, shown once in the answer and stored only sealed with the server secret.
 */
import { randomBytes } from 'node:crypto';
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { invalid } from '../../domain/errors.ts';
import { sealSecret } from '../../domain/secrets/sealed-secret.ts';
import { isWebhookEvent, WEBHOOK_EVENTS, type WebhookEvent } from '../../domain/webhooks/webhook-signature.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { insertWebhookSubscription } from '../../store/repositories/webhooks.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { serverSecretOf } from '../certificates/server-secret.ts';

export const WEBHOOK_SECRET_PURPOSE = 'webhook-secret';

export interface CreateWebhookSubscriptionInput {
  url: string;
  events: readonly string[];
  description?: string;
}

function validUrl(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length > 2000) throw invalid('url', 'is longer than 2000 characters / 地址过长');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw invalid('url', 'is not an absolute URL / 不是有效的网址');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('url', 'must be http:// or https:// / 只接受 http 或 https 地址');
  if (url.username !== '' || url.password !== '') throw invalid('url', 'must not carry a user name or password; the signature authenticates deliveries / 地址中不得包含用户名或密码');
  return url.toString();
}

function validEvents(events: readonly string[]): WebhookEvent[] {
  if (events.length === 0) throw invalid('events', `name at least one of ${WEBHOOK_EVENTS.join(', ')} / 请至少选择一个事件`);
  for (const [index, event] of events.entries()) {
    if (!isWebhookEvent(event)) throw invalid(`events[${index}]`, `unknown event "${event}"; one of ${WEBHOOK_EVENTS.join(', ')} / 未知事件`);
  }
  return [...new Set(events as WebhookEvent[])];
}

export async function createWebhookSubscription(store: Store, actor: Actor, input: CreateWebhookSubscriptionInput): Promise<{ subscription: Row<'webhook_subscriptions'>; secret: string }> {
  const url = validUrl(input.url);
  const events = validEvents(input.events);
  const description = (input.description ?? '').trim();
  if (description.length > 200) throw invalid('description', 'is longer than 200 characters / 说明过长');
  authorize(actor, 'create', { type: 'webhook' });
  const secret = 'whsec_' + randomBytes(24).toString('base64url');
  const sealed = sealSecret(Buffer.from(secret, 'utf8'), serverSecretOf(store), { purpose: WEBHOOK_SECRET_PURPOSE });
  return store.transaction(async (trx) => {
    const subscription = await insertWebhookSubscription(trx, { url, sealedSecret: sealed, events, description, createdBy: actorUserId(actor) });
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'webhook.created', subjectType: 'webhook', subjectId: subscription.id, enterpriseId: null, data: { url, events } });
    return { subscription, secret };
  });
}
