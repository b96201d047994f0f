/**
 * Webhook subscriptions for administrators. Deliveries are signed with the subscription's
 * secret (shown once, when created): see docs/webhooks.md for the headers and the check.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createWebhookSubscription } from '../../../commands/webhooks/create-webhook-subscription.ts';
import { deleteWebhookSubscription } from '../../../commands/webhooks/delete-webhook-subscription.ts';
import { listWebhookDeliveries, listWebhookSubscriptions } from '../../../commands/webhooks/list-webhook-subscriptions.ts';
import { WEBHOOK_EVENTS } from '../../../domain/webhooks/webhook-signature.ts';
import { requireUser } from '../../auth.ts';
import { presentWebhookDelivery, presentWebhookSubscription } from '../../presenters/present-webhook.ts';

const Event = Type.Union(WEBHOOK_EVENTS.map((e) => Type.Literal(e)));
const Subscription = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  description: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  deactivatedAt: Type.Union([Type.String(), Type.Null()]),
});
const Delivery = Type.Object({
  id: Type.Integer(),
  deliveryId: Type.String(),
  event: Type.String(),
  attempt: Type.Integer(),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Integer(),
  at: Type.String(),
  payload: Type.Unknown(),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export async function registerWebhookRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app.context;

  app.post<{ Body: { url: string; events: string[]; description?: string } }>(
    '/api/v1/webhooks',
    {
      config: { access: { action: 'create', subject: 'webhook' } },
      schema: {
        tags: ['webhooks'],
        summary: 'Subscribe a URL to programme events. The answer carries the HMAC secret once; deliveries are signed with it (docs/webhooks.md).',
        body: Type.Object({
          url: Type.String({ minLength: 8, maxLength: 2000, examples: ['https://receiver.example/greenlist'] }),
          events: Type.Array(Event, { minItems: 1, examples: [['batch.published', 'certificate.revoked']] }),
          description: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 201: Type.Object({ subscription: Subscription, secret: Type.String({ description: 'Shown only now: keep it to check x-greenlist-signature' }) }) },
      },
    },
    async (request, reply) => {
      const created = await createWebhookSubscription(store, await requireUser(request), request.body);
      return reply.status(201).send({ subscription: presentWebhookSubscription(created.subscription), secret: created.secret });
    },
  );

  app.get<{ Querystring: { all?: boolean } }>(
    '/api/v1/webhooks',
    { config: { access: { action: 'list', subject: 'webhook' } }, schema: { tags: ['webhooks'], summary: 'Webhook subscriptions (active ones; `all=true` adds the deleted)', querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }), response: { 200: Type.Object({ subscriptions: Type.Array(Subscription) }) } } },
    async (request) => ({ subscriptions: (await listWebhookSubscriptions(store, await requireUser(request), { includeInactive: request.query.all === true })).map(presentWebhookSubscription) }),
  );

  app.delete<{ Params: { id: number } }>(
    '/api/v1/webhooks/:id',
    { config: { access: { action: 'delete', subject: 'webhook' } }, schema: { tags: ['webhooks'], summary: 'Ends a subscription; its delivery log stays readable', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteWebhookSubscription(store, await requireUser(request), { id: request.params.id });
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: number }; Querystring: { limit?: number } }>(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: { access: { action: 'read-deliveries', subject: 'webhook' } },
      schema: {
        tags: ['webhooks'],
        summary: 'The delivery log of a subscription, newest first: one row per attempt with status code, error and duration',
        params: IdParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: Type.Object({ deliveries: Type.Array(Delivery) }) },
      },
    },
    async (request) => ({ deliveries: (await listWebhookDeliveries(store, await requireUser(request), { subscriptionId: request.params.id, ...(request.query.limit === undefined ? {} : { limit: request.query.limit }) })).map(presentWebhookDelivery) }),
  );
}
