import { createHash } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import {
  createApiToken,
  IDEMPOTENCY_RESERVATION_MS,
  reserveIdempotent,
} from "../../app/modules/integrations/api-tokens.server.ts";
import { silentPublisher } from "../../app/modules/realtime/publisher.ts";
import { runSweeps } from "../../server/sweeps.ts";
import { createTestDb } from "../support/db.ts";
import { person } from "../support/people.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

// A request reserves its Idempotency-Key before it runs. When the process
// stops mid-request the reservation is never answered; the hourly sweep lets
// it go, so the client's retry with the same key runs.

let handle: DbHandle;
let server: TestServer;
let writer: { id: number; token: string };
let advocate: string;
const logger = pino({ level: "silent" });

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { OUTBOX_POLL_MS: "600000" });
  const admin = await person(handle.db, "admin");
  advocate = (await person(handle.db, "advocate")).handle;
  writer = await createApiToken(contextFor(handle.db, { id: admin.id, role: admin.role }), {
    name: "CRM",
    scopes: ["referrals:write"],
    expiresInDays: null,
    ratePerMinute: 1000,
  });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const referral = (n: number) =>
  JSON.stringify({
    advocate,
    contact_name: "Dana Whit",
    contact_email: `dana${n}@contoso.test`,
    company: `Contoso ${n}`,
  });

const post = (body: string, key: string) =>
  fetch(`${server.url}/api/v1/referrals`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${writer.token}`,
      "Content-Type": "application/json",
      "Idempotency-Key": key,
    },
    body,
  });

/** What a request that reserved `key` for `body` leaves behind when its process stops. */
async function abandonedReservation(key: string, body: string) {
  const hash = createHash("sha256").update(`POST /api/v1/referrals\n${body}`).digest("hex");
  expect(await reserveIdempotent(handle.db, writer.id, key, hash)).toBe(true);
}

const companies = async () =>
  (
    await handle.db
      .selectFrom("referrals")
      .select("company")
      .where("company", "like", "Contoso %")
      .orderBy("company")
      .execute()
  ).map((r) => r.company);

describe("the sweep of abandoned idempotency keys", () => {
  it("lets go of a reservation nobody answered, once it is older than any request runs", async () => {
    const body = referral(1);
    await abandonedReservation("crm-crashed-1", body);
    const stuck = await post(body, "crm-crashed-1");
    expect(stuck.status).toBe(409);
    expect((await stuck.json()).code).toBe("idempotency_key_in_use");

    // A sweep within the reservation's time keeps it: the request may still be running.
    const soon = new Date(Date.now() + IDEMPOTENCY_RESERVATION_MS / 2);
    await runSweeps(handle.db, silentPublisher, logger, soon);
    expect((await post(body, "crm-crashed-1")).status).toBe(409);

    const later = new Date(Date.now() + IDEMPOTENCY_RESERVATION_MS + 60_000);
    await runSweeps(handle.db, silentPublisher, logger, later);
    const retried = await post(body, "crm-crashed-1");
    expect(retried.status).toBe(201);
    expect(await companies()).toEqual(["Contoso 1"]);
  });

  it("keeps answered keys, so a late retry is still replayed and nothing is made twice", async () => {
    const body = referral(2);
    const first = await post(body, "crm-answered-2");
    expect(first.status).toBe(201);
    await runSweeps(
      handle.db,
      silentPublisher,
      logger,
      new Date(Date.now() + IDEMPOTENCY_RESERVATION_MS + 60_000),
    );
    const again = await post(body, "crm-answered-2");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await companies()).toEqual(["Contoso 1", "Contoso 2"]);
  });
});
