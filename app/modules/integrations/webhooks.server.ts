import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { ConflictError, FieldError, NotFoundError } from "../../utils/errors.ts";
import { paginate } from "../../utils/paginate.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import type { Effects } from "../commands/effects.server.ts";
import { enqueue } from "../outbox/queue.server.ts";
import { getOutboxMessage } from "../outbox/admin.server.ts";
import { checkEndpointUrl } from "./address.server.ts";
import {
  isWebhookEvent,
  type WebhookBody,
  type WebhookEvent,
  type WebhookPayload,
} from "./events.ts";

/** Tries per message before it is failed (30 s, 1, 2, 4, 8 min between them). */
export const WEBHOOK_MAX_ATTEMPTS = 6;
/** Failed attempts in a row, across messages, after which an endpoint is disabled. */
export const WEBHOOK_DISABLE_AFTER = 10;

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/**
 * Sends an event to every enabled endpoint that asked for it, from inside a
 * command: the outbox rows are written in the command's transaction, so a
 * decision that rolls back sends nothing and a committed one always does.
 * `compose` builds the `data` from what an anonymous visitor may see (the
 * caller asks the policy with a null viewer); null sends nothing.
 */
export function sendWebhookLater(
  effects: Effects,
  event: WebhookEvent,
  compose: (trx: Queryable) => Promise<Record<string, unknown> | null> | Record<string, unknown>,
): void {
  effects.beforeCommit(async (trx) => {
    const endpoints = await trx
      .selectFrom("webhook_endpoints")
      .select(["id", "url"])
      .where("enabled", "=", true)
      .where(sql<boolean>`events @> ${JSON.stringify([event])}::jsonb`)
      .execute();
    if (endpoints.length === 0) return;
    const data = await compose(trx);
    if (!data) return;
    const body: WebhookBody = { type: event, timestamp: effects.at.toISOString(), data };
    const text = JSON.stringify(body);
    for (const endpoint of endpoints) {
      const webhookId = `msg_${randomUUID().replaceAll("-", "")}`;
      const payload: WebhookPayload = { endpointId: endpoint.id, webhookId, event, body: text };
      await enqueue(trx, {
        channel: "webhook",
        idempotencyKey: `webhook:${webhookId}`,
        kind: "webhook",
        recipient: endpoint.url,
        userId: null,
        subject: event,
        payload: payload as never,
        maxAttempts: WEBHOOK_MAX_ATTEMPTS,
      });
    }
  });
}

export interface EndpointInput {
  url: string;
  description: string;
  events: string[];
  allowPrivate: boolean;
}

function checkEndpoint(input: EndpointInput, production: boolean) {
  const url = checkEndpointUrl(input.url, { production, allowPrivate: input.allowPrivate });
  const events = [...new Set(input.events)];
  if (events.length === 0) throw new FieldError("events", "Choose at least one event.", 422);
  const unknown = events.find((e) => !isWebhookEvent(e));
  if (unknown) throw new FieldError("events", `There is no event called “${unknown}”.`, 422);
  return { url: url.toString(), events, description: input.description.trim().slice(0, 200) };
}

/** An admin registers an endpoint; its secret is answered once, here. */
export const createWebhookEndpoint = defineCommand({
  name: "webhook.create",
  authorize(viewer) {
    ensure("manageIntegrations", viewer);
  },
  async run(trx, input: EndpointInput & { production: boolean }, { viewer, effects }) {
    const checked = checkEndpoint(input, input.production);
    const secret = newWebhookSecret();
    const endpoint = await trx
      .insertInto("webhook_endpoints")
      .values({
        url: checked.url,
        description: checked.description,
        events: JSON.stringify(checked.events),
        secret,
        allow_private: input.allowPrivate,
        created_by: viewer!.id,
      })
      .returning(["id", "url"])
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer!.id,
      action: "webhook.endpoint_created",
      subjectType: "webhook_endpoint",
      subjectId: endpoint.id,
      details: { url: checked.url, events: checked.events, allowPrivate: input.allowPrivate },
    });
    return { id: endpoint.id, url: endpoint.url, secret };
  },
});

async function lockEndpoint(trx: Queryable, id: number) {
  const endpoint = await trx
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!endpoint) throw new NotFoundError("We could not find that endpoint.");
  return endpoint;
}

/** Changes the address or events, or turns an endpoint on or off (on again clears its failures). */
export const updateWebhookEndpoint = defineCommand({
  name: "webhook.update",
  authorize(viewer) {
    ensure("manageIntegrations", viewer);
  },
  async run(
    trx,
    input: EndpointInput & { id: number; enabled: boolean; production: boolean },
    { viewer, effects },
  ) {
    await lockEndpoint(trx, input.id);
    const checked = checkEndpoint(input, input.production);
    await trx
      .updateTable("webhook_endpoints")
      .set({
        url: checked.url,
        description: checked.description,
        events: JSON.stringify(checked.events),
        allow_private: input.allowPrivate,
        enabled: input.enabled,
        ...(input.enabled
          ? { consecutive_failures: 0, disabled_at: null, disabled_reason: null }
          : {}),
      })
      .where("id", "=", input.id)
      .execute();
    effects.audit({
      actorId: viewer!.id,
      action: "webhook.endpoint_updated",
      subjectType: "webhook_endpoint",
      subjectId: input.id,
      details: { url: checked.url, events: checked.events, enabled: input.enabled },
    });
  },
});

/** A new secret, answered once; the old one stops signing at once. */
export const rotateWebhookSecret = defineCommand({
  name: "webhook.rotate_secret",
  authorize(viewer) {
    ensure("manageIntegrations", viewer);
  },
  async run(trx, { id }: { id: number }, { viewer, effects }) {
    await lockEndpoint(trx, id);
    const secret = newWebhookSecret();
    await trx.updateTable("webhook_endpoints").set({ secret }).where("id", "=", id).execute();
    effects.audit({
      actorId: viewer!.id,
      action: "webhook.secret_rotated",
      subjectType: "webhook_endpoint",
      subjectId: id,
    });
    return { id, secret };
  },
});

export const deleteWebhookEndpoint = defineCommand({
  name: "webhook.delete",
  authorize(viewer) {
    ensure("manageIntegrations", viewer);
  },
  async run(trx, { id }: { id: number }, { viewer, effects }) {
    const endpoint = await lockEndpoint(trx, id);
    await trx.deleteFrom("webhook_endpoints").where("id", "=", id).execute();
    effects.audit({
      actorId: viewer!.id,
      action: "webhook.endpoint_deleted",
      subjectType: "webhook_endpoint",
      subjectId: id,
      details: { url: endpoint.url },
    });
  },
});

/**
 * Sends one delivered (or failed) message again, with the same `webhook-id`
 * and body, so a receiver that did get it drops the repeat.
 */
export const redeliverWebhook = defineCommand({
  name: "webhook.redeliver",
  authorize(viewer) {
    ensure("manageIntegrations", viewer);
  },
  async run(trx, { endpointId, messageId }: { endpointId: number; messageId: number }, scope) {
    const endpoint = await lockEndpoint(trx, endpointId);
    if (!endpoint.enabled)
      throw new ConflictError("Turn the endpoint on again before sending it anything.");
    const { message } = await getOutboxMessage(trx, messageId);
    const payload = asWebhookPayload(message.payload);
    if (message.channel !== "webhook" || !payload || payload.endpointId !== endpointId)
      throw new NotFoundError("We could not find that delivery.");
    await enqueue(trx, {
      channel: "webhook",
      idempotencyKey: `webhook:${payload.webhookId}:again:${randomUUID()}`,
      kind: "webhook",
      recipient: endpoint.url,
      userId: null,
      subject: payload.event,
      payload: payload as never,
      maxAttempts: WEBHOOK_MAX_ATTEMPTS,
    });
    scope.effects.audit({
      actorId: scope.viewer!.id,
      action: "webhook.redelivered",
      subjectType: "webhook_endpoint",
      subjectId: endpointId,
      details: { messageId, webhookId: payload.webhookId },
    });
  },
});

/** The outbox keeps payloads as JSON; a webhook row's payload is one of these. */
export function asWebhookPayload(payload: unknown): WebhookPayload | null {
  const p = payload as Partial<WebhookPayload> | null;
  if (!p || typeof p.endpointId !== "number" || typeof p.webhookId !== "string") return null;
  if (typeof p.body !== "string" || typeof p.event !== "string") return null;
  return p as WebhookPayload;
}

const endpointColumns = [
  "id",
  "url",
  "description",
  "events",
  "allow_private",
  "enabled",
  "consecutive_failures",
  "disabled_at",
  "disabled_reason",
  "created_at",
] as const;

/** Every endpoint, for the admin page (never with its secret). */
export function listWebhookEndpoints(db: Queryable) {
  return db.selectFrom("webhook_endpoints").select(endpointColumns).orderBy("id").execute();
}

export async function getWebhookEndpoint(db: Queryable, id: number) {
  const endpoint = await db
    .selectFrom("webhook_endpoints")
    .select(endpointColumns)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!endpoint) throw new NotFoundError("We could not find that endpoint.");
  return endpoint;
}

export const DELIVERIES_PAGE_SIZE = 25;

/** An endpoint's delivery log, newest first: what it answered and how fast. */
export function listWebhookDeliveries(db: Queryable, endpointId: number, page: number) {
  const base = db.selectFrom("webhook_deliveries").where("endpoint_id", "=", endpointId);
  return paginate(page, DELIVERIES_PAGE_SIZE, {
    rows: (limit, offset) =>
      base
        .select([
          "id",
          "message_id",
          "event",
          "ok",
          "status_code",
          "duration_ms",
          "error",
          "created_at",
        ])
        .orderBy("id", "desc")
        .limit(limit)
        .offset(offset)
        .execute(),
    count: () => base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  });
}
