import type { Queryable } from "../../../db/client.ts";
import { listWebhookEndpoints } from "./webhooks.server.ts";

/** The endpoints for the admin page, each with its most recent delivery. */
export async function listEndpointsWithLastDelivery(db: Queryable) {
  const endpoints = await listWebhookEndpoints(db);
  if (endpoints.length === 0) return [];
  const last = await db
    .selectFrom("webhook_deliveries")
    .distinctOn("endpoint_id")
    .select(["endpoint_id", "ok", "status_code", "created_at"])
    .where(
      "endpoint_id",
      "in",
      endpoints.map((e) => e.id),
    )
    .orderBy("endpoint_id")
    .orderBy("id", "desc")
    .execute();
  const byEndpoint = new Map(last.map((d) => [d.endpoint_id, d]));
  return endpoints.map((e) => ({
    ...e,
    lastDelivery: byEndpoint.get(e.id) ?? null,
  }));
}
