/** Row types of certificates, signing keys and webhooks. */
import type { DateText, Flag, Id, JsonText, Timestamp } from './column-types.ts';

export interface CertificatesTable {
  id: Id;
  number: string;
  list_entry_id: number;
  enterprise_id: number;
  payload: JsonText;
  signature: string;
  key_id: string;
  status: string;
  issued_on: DateText;
  valid_until: DateText | null;
  revoked_on: DateText | null;
  revoked_reason: string | null;
  created_at: Timestamp;
}

export interface SigningKeysTable {
  id: string;
  authority_id: number;
  algorithm: string;
  public_key: string;
  /** Private key, encrypted with the server secret (AES-256-GCM). */
  private_key: string;
  created_at: Timestamp;
  retired_at: Timestamp | null;
}

/** An administrator's webhook subscription (migration 0006). */
export interface WebhookSubscriptionsTable {
  id: Id;
  url: string;
  /** HMAC secret, sealed with the server secret (AES-256-GCM). */
  secret: string;
  /** JSON array of event names. */
  events: JsonText;
  description: string;
  active: Flag;
  created_by: number | null;
  created_at: Timestamp;
  deactivated_at: Timestamp | null;
}

/** One attempt to deliver one event to one subscription. */
export interface WebhookDeliveriesTable {
  id: Id;
  subscription_id: number;
  /** Same for every attempt of one delivery (the `x-greenlist-delivery` header). */
  delivery_id: string;
  event: string;
  payload: JsonText;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: Timestamp;
}
