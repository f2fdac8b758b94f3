/**
 * Every event a webhook endpoint can ask for, with the sentence the admin
 * page shows. The payload of each is composed by the command that decides
 * it, from what an anonymous visitor may see (see webhooks.server.ts).
 */
export const WEBHOOK_EVENTS = {
  "advocate.verified": "A prospect is verified as a customer and becomes an advocate",
  "tier.granted": "A tier is granted",
  "tier.renewed": "An awarded tier is renewed",
  "tier.lapsed": "An awarded tier lapses",
  "reference.requested": "A reference conversation is requested",
  "reference.accepted": "An advocate accepts a reference conversation",
  "reference.completed": "A reference conversation is completed",
  "referral.created": "An advocate refers a company",
  "referral.stage_changed": "A referral moves to another stage",
  "referral.won": "A referral is won, with its revenue and margin",
  "story.published": "A customer story is published",
  "talk.verified": "A talk is verified as delivered",
  "nps.response_recorded": "An NPS survey response is recorded",
} as const;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_NAMES = Object.keys(WEBHOOK_EVENTS) as WebhookEvent[];

export const isWebhookEvent = (name: string): name is WebhookEvent =>
  Object.prototype.hasOwnProperty.call(WEBHOOK_EVENTS, name);

/** What one delivery carries (the Standard Webhooks shape: type, timestamp, data). */
export interface WebhookBody {
  type: WebhookEvent;
  timestamp: string;
  data: Record<string, unknown>;
}

/** An outbox row's payload on the `webhook` channel. */
export interface WebhookPayload {
  endpointId: number;
  /** The `webhook-id`: the same on every attempt and redelivery, so a receiver drops repeats. */
  webhookId: string;
  event: WebhookEvent;
  /** The exact bytes that are signed and sent. */
  body: string;
}
