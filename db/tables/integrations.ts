import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, T | string, T | string>;

export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  description: Generated<string>;
  /** The event names it receives ("referral.won" …). */
  events: Json<string[]>;
  /** whsec_…, the key of every signature. */
  secret: string;
  /** Loopback and private addresses only when an admin allowed them for this endpoint. */
  allow_private: Generated<boolean>;
  enabled: Generated<boolean>;
  consecutive_failures: Generated<number>;
  disabled_at: MaybeTime;
  disabled_reason: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}

/** One attempt to deliver one webhook message: what the endpoint answered, and how fast. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  message_id: number;
  event: string;
  ok: boolean;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  created_at: CreatedAt;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  prefix: string;
  scopes: Json<string[]>;
  /** The API acts as this person, through the policy. */
  created_by: number;
  created_at: CreatedAt;
  expires_at: MaybeTime;
  revoked_at: MaybeTime;
  last_used_at: MaybeTime;
  rate_limit_per_minute: Generated<number>;
  window_started_at: MaybeTime;
  window_count: Generated<number>;
}

export interface ApiIdempotencyKeysTable {
  token_id: number;
  key: string;
  request_hash: string;
  status: number;
  body: Json<unknown>;
  created_at: CreatedAt;
}

/** Webhook endpoints and their delivery log, API tokens and idempotency keys (app/modules/integrations). */
export interface IntegrationTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  api_tokens: ApiTokensTable;
  api_idempotency_keys: ApiIdempotencyKeysTable;
}
