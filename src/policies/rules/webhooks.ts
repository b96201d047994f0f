import { allow } from '../policy.ts';

allow('admin', ['create', 'list', 'delete', 'read-deliveries'], 'webhook', 'administrators: subscriptions cover the whole programme’s events');
