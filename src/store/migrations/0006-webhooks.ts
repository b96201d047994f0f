/**
 * Webhook subscriptions and their delivery log. Deliveries themselves are jobs in the job
 * table (the outbox, enqueued in the transaction that makes the change); this log keeps
 * every attempt for the administrator to read.
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../kysely/capabilities.ts';
import { createIndex, tableWithId, type StoreMigration } from './migration.ts';

export const webhooks: StoreMigration = {
  name: '0006-webhooks',
  async up(db: Kysely<any>, capabilities: Capabilities) {
    await tableWithId(db, capabilities, 'webhook_subscriptions')
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('deactivated_at', 'text')
      .execute();
    await createIndex(db, 'webhook_subscriptions_active', 'webhook_subscriptions', ['active']);

    await tableWithId(db, capabilities, 'webhook_deliveries')
      .addColumn('subscription_id', 'integer', (c) => c.notNull().references('webhook_subscriptions.id'))
      .addColumn('delivery_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('error', 'text')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await createIndex(db, 'webhook_deliveries_subscription', 'webhook_deliveries', ['subscription_id', 'at']);
    await createIndex(db, 'webhook_deliveries_delivery', 'webhook_deliveries', ['delivery_id', 'attempt']);
  },
};
