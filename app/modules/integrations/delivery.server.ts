import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import ipaddr from "ipaddr.js";
import { Webhook } from "standardwebhooks";
import type { Queryable } from "../../../db/client.ts";
import { contextFor, defineCommand } from "../commands/command.server.ts";
import type { SiteSettings } from "../mail/settings.ts";
import { composeEmail } from "../mail/compose.server.ts";
import { mailLocaleOf } from "../profiles/language.server.ts";
import { WebhookEndpointDisabledEmail } from "../mail/templates/integrations.tsx";
import { absoluteUrl } from "../mail/settings.ts";
import { sendLater } from "../outbox/queue.server.ts";
import type { ClaimedMessage, Transport } from "../outbox/worker.server.ts";
import { guardedLookup, isPublicAddress, PrivateAddressError } from "./address.server.ts";
import { asWebhookPayload, WEBHOOK_DISABLE_AFTER } from "./webhooks.server.ts";

const TIMEOUT_MS = 10_000;

/** The three Standard Webhooks headers for one attempt, signed with the endpoint's secret. */
export function signedHeaders(secret: string, webhookId: string, body: string, at: Date) {
  return {
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(webhookId, at, body),
  };
}

/** One POST, with no redirects followed and addresses checked at connect time. */
function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
): Promise<number> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // A literal address is connected to without a lookup, so it is checked here.
  if (ipaddr.isValid(host) && !allowPrivate && !isPublicAddress(host))
    return Promise.reject(new PrivateAddressError(host));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "user-agent": "Limelight-Webhooks/1",
          "content-length": String(Buffer.byteLength(body)),
        },
        lookup: guardedLookup(allowPrivate),
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s.`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** An endpoint that kept failing is turned off; every admin is told, on the site and by mail. */
const disableFailingEndpoint = defineCommand({
  name: "webhook.auto_disable",
  async run(trx, { endpointId, reason }: { endpointId: number; reason: string }, { effects, now }) {
    const endpoint = await trx
      .updateTable("webhook_endpoints")
      .set({ enabled: false, disabled_at: now, disabled_reason: reason })
      .where("id", "=", endpointId)
      .where("enabled", "=", true)
      .returning(["id", "url"])
      .executeTakeFirst();
    if (!endpoint) return;
    effects.audit({
      actorId: null,
      action: "webhook.endpoint_disabled",
      subjectType: "webhook_endpoint",
      subjectId: endpoint.id,
      details: { reason },
    });
    const admins = await trx
      .selectFrom("users")
      .select(["id", "email", "display_name"])
      .where("role", "=", "admin")
      .execute();
    const page = `/manage/integrations/webhooks/${endpoint.id}`;
    for (const admin of admins) {
      effects.notify({
        userId: admin.id,
        kind: "error",
        title: "A webhook endpoint was turned off",
        description: `${endpoint.url} failed ${WEBHOOK_DISABLE_AFTER} times in a row.`,
        url: page,
      });
      sendLater(effects, async (mailTrx, site) =>
        composeEmail(site, {
          to: admin.email,
          userId: admin.id,
          kind: "webhook_endpoint_disabled",
          idempotencyKey: `webhook_endpoint_disabled:${endpoint.id}:${now.getTime()}:${admin.id}`,
          locale: await mailLocaleOf(mailTrx, admin.id),
          subject: (t) => t("mail.webhookDisabled.subject"),
          template: WebhookEndpointDisabledEmail({
            name: admin.display_name,
            url: endpoint.url,
            reason,
            link: absoluteUrl(site, page),
          }),
        }),
      );
    }
  },
});

/**
 * The outbox worker's transport for `channel = 'webhook'`: signs the body
 * with the endpoint's current secret, posts it, and logs what the endpoint
 * answered. A 2xx is delivered; anything else is a failed attempt (the
 * worker retries with backoff). Failures in a row across messages turn the
 * endpoint off and tell the admins.
 */
export function webhookTransport(db: Queryable, site: SiteSettings): Transport {
  return async (message: ClaimedMessage) => {
    const payload = asWebhookPayload(message.payload);
    if (!payload) return { outcome: "kept", detail: "Not a webhook message; nothing sent." };
    const endpoint = await db
      .selectFrom("webhook_endpoints")
      .select(["id", "url", "secret", "allow_private", "enabled"])
      .where("id", "=", payload.endpointId)
      .executeTakeFirst();
    if (!endpoint) return { outcome: "kept", detail: "The endpoint was deleted; nothing sent." };
    if (!endpoint.enabled)
      return { outcome: "kept", detail: "The endpoint is turned off; nothing sent." };

    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const headers = signedHeaders(endpoint.secret, payload.webhookId, payload.body, new Date());
      status = await post(new URL(endpoint.url), headers, payload.body, endpoint.allow_private);
      if (status < 200 || status > 299) error = `The endpoint answered ${status}.`;
    } catch (failure) {
      error = (failure as Error)?.message?.slice(0, 500) || String(failure);
    }
    const ok = error === null;
    const durationMs = Date.now() - started;
    await db
      .insertInto("webhook_deliveries")
      .values({
        endpoint_id: endpoint.id,
        message_id: message.id,
        event: payload.event,
        ok,
        status_code: status,
        duration_ms: durationMs,
        error,
      })
      .execute();
    const counted = await db
      .updateTable("webhook_endpoints")
      .set((eb) => ({ consecutive_failures: ok ? 0 : eb("consecutive_failures", "+", 1) }))
      .where("id", "=", endpoint.id)
      .returning("consecutive_failures")
      .executeTakeFirst();
    if (ok) return { outcome: "sent", detail: `${status} in ${durationMs} ms` };
    if ((counted?.consecutive_failures ?? 0) >= WEBHOOK_DISABLE_AFTER)
      await disableFailingEndpoint(contextFor(db, null, { site }), {
        endpointId: endpoint.id,
        reason: error!,
      });
    throw new Error(error!);
  };
}
