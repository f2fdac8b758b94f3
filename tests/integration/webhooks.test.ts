import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import type { DbHandle } from "../../db/client.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import type { Viewer } from "../../app/modules/access/policy.ts";
import { webhookTransport } from "../../app/modules/integrations/delivery.server.ts";
import {
  createWebhookEndpoint,
  redeliverWebhook,
  WEBHOOK_DISABLE_AFTER,
} from "../../app/modules/integrations/webhooks.server.ts";
import { deliverDue } from "../../app/modules/outbox/worker.server.ts";
import { moveReferral, submitReferral } from "../../app/modules/promoters/referrals.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startWebhookListener } from "../support/webhook-listener.ts";

let handle: DbHandle;
let admin: Viewer;
let manager: Viewer;
let advocate: Viewer;
const site = { publicUrl: "http://community.test", mailFrom: "Limelight <team@community.test>" };
/**
 * The worker's clock. New messages are stamped by the database's clock, so
 * this one starts a minute ahead of it: what was just queued is due.
 */
let clock = new Date(Date.now() + 60_000);
const listeners: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  handle = await createTestDb();
  const asViewer = (u: { id: number; role: string }) => ({ id: u.id, role: u.role }) as Viewer;
  admin = asViewer(await insertUser(handle.db, { role: "admin" }));
  manager = asViewer(await insertUser(handle.db, { role: "manager" }));
  const person = await insertUser(handle.db, { role: "advocate" });
  advocate = asViewer(person);
  await handle.db
    .updateTable("profiles")
    .set({ company: "Northwind Traders", is_public: true })
    .where("user_id", "=", person.id)
    .execute();
});

afterAll(async () => {
  for (const l of listeners) await l.close();
  await handle?.close();
});

async function listener(answers?: number[]) {
  const l = await startWebhookListener(answers);
  listeners.push(l);
  return l;
}

/** The outbox worker with the webhook transport, at the test's clock, until nothing is due. */
async function deliverRound() {
  const transports = { email: undefined, webhook: webhookTransport(handle.db, site) };
  while ((await deliverDue(handle.db, transports, { now: () => clock })) > 0);
}

/** Later: past any backoff. */
function later(ms = 3_600_000) {
  clock = new Date(clock.getTime() + ms);
}

async function endpoint(url: string, events: string[], allowPrivate = true) {
  return createWebhookEndpoint(contextFor(handle.db, admin), {
    url,
    description: "CRM",
    events,
    allowPrivate,
    production: true,
  });
}

let referrals = 0;
const refer = () =>
  submitReferral(contextFor(handle.db, advocate, { now: clock }), {
    contactName: "Ana Trujillo",
    contactEmail: `ana${++referrals}@contoso.test`,
    company: `Contoso ${referrals}`,
    note: "",
  });

/** The Standard Webhooks check, by hand: HMAC-SHA256 of "id.timestamp.body" with the decoded secret. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

describe("webhooks, received on a real HTTP listener", () => {
  it("signs every delivery so the receiver can verify it with the endpoint's secret alone", async () => {
    const crm = await listener([200]);
    const { secret, id: endpointId } = await endpoint(crm.url, [
      "referral.created",
      "referral.stage_changed",
      "referral.won",
    ]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);

    const referral = await refer();
    const ctx = contextFor(handle.db, manager, { now: clock });
    await moveReferral(ctx, { referralId: referral.id, stage: "contacted" });
    await moveReferral(ctx, { referralId: referral.id, stage: "qualified" });
    await moveReferral(ctx, {
      referralId: referral.id,
      stage: "won",
      revenueCents: 4_800_000,
      marginCents: 1_900_000,
    });
    await deliverRound();

    // Webhooks promise no order (Standard Webhooks): receivers order by the payload's timestamp.
    const types = crm.received.map((r) => JSON.parse(r.body).type).sort();
    expect(types).toEqual([
      "referral.created",
      "referral.stage_changed",
      "referral.stage_changed",
      "referral.stage_changed",
      "referral.won",
    ]);
    for (const { headers, body } of crm.received) {
      const id = String(headers["webhook-id"]);
      const timestamp = String(headers["webhook-timestamp"]);
      expect(id).toMatch(/^msg_/);
      expect(headers["webhook-signature"]).toBe(expectedSignature(secret, id, timestamp, body));
      // And the reference implementation agrees.
      expect(() =>
        new Webhook(secret).verify(body, {
          "webhook-id": id,
          "webhook-timestamp": timestamp,
          "webhook-signature": String(headers["webhook-signature"]),
        }),
      ).not.toThrow();
    }
    const won = crm.received.map((r) => JSON.parse(r.body)).find((b) => b.type === "referral.won");
    expect(won.data.referral).toMatchObject({
      id: referral.id,
      stage: "won",
      revenueCents: 4_800_000,
      marginCents: 1_900_000,
    });
    expect(won.data.advocate).toMatchObject({ id: advocate!.id, company: "Northwind Traders" });

    // A wrong secret does not verify.
    const { headers, body } = crm.received[0];
    expect(() =>
      new Webhook(`whsec_${Buffer.from("not the secret at all!!").toString("base64")}`).verify(
        body,
        headers as Record<string, string>,
      ),
    ).toThrow();

    const log = await handle.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("endpoint_id", "=", endpointId)
      .execute();
    expect(log).toHaveLength(5);
    expect(log.every((d) => d.ok && d.status_code === 200)).toBe(true);
    await handle.db.deleteFrom("webhook_endpoints").where("id", "=", endpointId).execute();
  });

  it("retries a failed delivery with backoff and the same webhook-id, then logs it delivered", async () => {
    const crm = await listener([500, 200]);
    const { id: endpointId } = await endpoint(crm.url, ["referral.created"]);
    await refer();
    await deliverRound();
    expect(crm.received).toHaveLength(1);
    // Not retried before its time.
    await deliverRound();
    expect(crm.received).toHaveLength(1);
    later(31_000);
    await deliverRound();
    expect(crm.received).toHaveLength(2);
    expect(crm.received[1].headers["webhook-id"]).toBe(crm.received[0].headers["webhook-id"]);
    expect(crm.received[1].body).toBe(crm.received[0].body);

    const log = await handle.db
      .selectFrom("webhook_deliveries")
      .select(["ok", "status_code", "message_id"])
      .where("endpoint_id", "=", endpointId)
      .orderBy("id")
      .execute();
    expect(log.map((d) => [d.ok, d.status_code])).toEqual([
      [false, 500],
      [true, 200],
    ]);
    const message = await handle.db
      .selectFrom("outbox_messages")
      .select(["status", "attempts"])
      .where("id", "=", log[0].message_id)
      .executeTakeFirstOrThrow();
    expect(message).toEqual({ status: "sent", attempts: 2 });

    // Redeliver from the log: the same id and body again.
    await redeliverWebhook(contextFor(handle.db, admin), {
      endpointId,
      messageId: log[0].message_id,
    });
    await deliverRound();
    expect(crm.received).toHaveLength(3);
    expect(crm.received[2].headers["webhook-id"]).toBe(crm.received[0].headers["webhook-id"]);
    await handle.db.deleteFrom("webhook_endpoints").where("id", "=", endpointId).execute();
  });

  it("turns off an endpoint that keeps failing and tells every admin", async () => {
    const crm = await listener([503]);
    const { id: endpointId } = await endpoint(crm.url, ["referral.created"]);
    for (let i = 0; i < WEBHOOK_DISABLE_AFTER; i++) await refer();
    await deliverRound();
    expect(crm.received).toHaveLength(WEBHOOK_DISABLE_AFTER);
    const row = await handle.db
      .selectFrom("webhook_endpoints")
      .select(["enabled", "disabled_reason"])
      .where("id", "=", endpointId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ enabled: false, disabled_reason: "The endpoint answered 503." });

    const notices = await handle.db
      .selectFrom("notifications")
      .selectAll()
      .where("user_id", "=", admin!.id)
      .execute();
    expect(JSON.stringify(notices)).toContain("A webhook endpoint was turned off");
    const mail = await handle.db
      .selectFrom("outbox_messages")
      .select(["kind", "recipient", "subject"])
      .where("kind", "=", "webhook_endpoint_disabled")
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("A webhook endpoint was turned off");

    // Nothing more is sent to it: new events skip it, and waiting retries are not posted.
    await refer();
    later();
    await deliverRound();
    expect(crm.received).toHaveLength(WEBHOOK_DISABLE_AFTER);
  });

  it("refuses loopback and private addresses unless an admin allowed them for the endpoint", async () => {
    const crm = await listener([200]);
    await expect(endpoint(crm.url, ["referral.created"], false)).rejects.toMatchObject({
      status: 422,
      fieldErrors: { url: expect.stringMatching(/private or loopback/) },
    });
    await expect(
      endpoint("http://10.0.0.8/hooks", ["referral.created"], false),
    ).rejects.toMatchObject({ status: 422 });
    // Plain HTTP to a public name is refused in production.
    await expect(
      endpoint("http://crm.example.com/hooks", ["referral.created"], false),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { url: expect.stringMatching(/HTTPS/) } });

    // A name that resolves to loopback is refused when the request is made.
    const byName = await createWebhookEndpoint(contextFor(handle.db, admin), {
      url: `http://localhost:${crm.port}/hooks`,
      description: "",
      events: ["referral.created"],
      allowPrivate: false,
      production: false,
    });
    await refer();
    await deliverRound();
    expect(crm.received).toHaveLength(0);
    const [logged] = await handle.db
      .selectFrom("webhook_deliveries")
      .select(["ok", "status_code", "error"])
      .where("endpoint_id", "=", byName.id)
      .execute();
    expect(logged).toMatchObject({ ok: false, status_code: null });
    expect(logged.error).toMatch(/private or loopback/);
    await handle.db.deleteFrom("webhook_endpoints").where("id", "=", byName.id).execute();
  });

  it("carries only what the public may see of a private profile, and nothing for a rolled-back change", async () => {
    const crm = await listener([200]);
    const { id: endpointId } = await endpoint(crm.url, ["referral.created"]);
    await handle.db
      .updateTable("profiles")
      .set({ is_public: false })
      .where("user_id", "=", advocate!.id)
      .execute();
    await refer();
    // A duplicate referral is refused and rolls back: no webhook for it.
    await expect(
      submitReferral(contextFor(handle.db, advocate), {
        contactName: "Ana Trujillo",
        contactEmail: `ana${referrals}@contoso.test`,
        company: "Contoso",
        note: "",
      }),
    ).rejects.toMatchObject({ status: 409 });
    later();
    await deliverRound();
    expect(crm.received).toHaveLength(1);
    const { data } = JSON.parse(crm.received[0].body);
    expect(data.advocate.id).toBe(advocate!.id);
    expect(data.advocate).not.toHaveProperty("company");
    expect(crm.received[0].body).not.toContain("Northwind");
    await handle.db.deleteFrom("webhook_endpoints").where("id", "=", endpointId).execute();
  });
});
