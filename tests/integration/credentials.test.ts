import { gunzipSync } from "node:zlib";
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import { logTalk, verifyTalk } from "../../app/modules/advocacy/talks.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { rotateSigningKey } from "../../app/modules/credentials/keys.server.ts";
import { grantTier } from "../../app/modules/tiers/awards.server.ts";
import { createTestDb } from "../support/db.ts";
import { person, signedIn, tab, type Person } from "../support/people.ts";
import { startTestServer, type TestClient, type TestServer } from "../support/server.ts";

const DAY = 86_400_000;
let handle: DbHandle;
let server: TestServer;
let manager: Person;
let admin: Person;
let managerClient: TestClient;

/**
 * What an outside verifier does, with `jose` and HTTP only (no database):
 * checks the signature against the published JWKS and the issuer, then
 * fetches the status list credential, checks its signature too, and reads
 * the credential's bit.
 */
async function verifyOverHttp(baseUrl: string, jwt: string, currentDate?: Date) {
  const jwks = (await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
  const keys = createLocalJWKSet(jwks);
  const issuer = `${baseUrl}/credentials/issuer`;
  const { payload, protectedHeader } = await jwtVerify(jwt, keys, { issuer, currentDate });
  const status = payload.credentialStatus as {
    type: string;
    statusPurpose: string;
    statusListIndex: string;
    statusListCredential: string;
  };
  expect(status).toMatchObject({ type: "BitstringStatusListEntry", statusPurpose: "revocation" });
  const listJwt = await (await fetch(status.statusListCredential)).text();
  const list = await jwtVerify(listJwt, keys, { issuer });
  const subject = list.payload.credentialSubject as { encodedList: string; statusPurpose: string };
  expect(subject.statusPurpose).toBe("revocation");
  expect(subject.encodedList.startsWith("u")).toBe(true);
  const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), "base64url"));
  const index = Number(status.statusListIndex);
  const revoked = (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
  return { payload, kid: protectedHeader.kid, revoked };
}

async function catieLike(isPublic: boolean) {
  const advocate = await person(handle.db, "advocate");
  await handle.db
    .updateTable("profiles")
    .set({ is_public: isPublic })
    .where("user_id", "=", advocate.id)
    .execute();
  const mvp = await handle.db
    .selectFrom("tiers")
    .select("id")
    .where("slug", "=", "mvp")
    .executeTakeFirstOrThrow();
  const { awardId } = await grantTier(contextFor(handle.db, manager), {
    userId: advocate.id,
    tierId: mvp.id,
    reason: "A year of answers and two conference talks.",
    termStart: new Date(Date.now() - 30 * DAY),
    termEnd: new Date(Date.now() + 335 * DAY),
  });
  const talk = await logTalk(contextFor(handle.db, advocate), {
    title: "One number to rule them all",
    eventName: "Midwest Data Summit",
    format: "conference",
    givenAt: new Date(Date.now() - 10 * DAY),
    timeZone: "UTC",
    isVirtual: false,
    location: "Chicago",
    abstract: "",
    eventUrl: "",
    evidence: {
      recordingUrl: "https://videos.example.com/one-number",
      slidesUrl: "",
      attendance: 120,
      evidenceNote: "",
    },
  });
  await verifyTalk(contextFor(handle.db, manager), { talkId: talk.id });
  const client = await signedIn(server, advocate);
  // The advocate asks for their credentials through the settings page.
  const check = await client.post("/settings/credentials?_data=routes%2Fsettings.credentials", {
    intent: "check",
  });
  expect(check.status).toBe(204);
  const list = (await (
    await client.get("/settings/credentials?_data=routes%2Fsettings.credentials")
  ).json()) as { credentials: { id: string; kind: string; name: string; linkedIn: string }[] };
  return { advocate, awardId, talkId: talk.id, client, credentials: list.credentials };
}

beforeAll(async () => {
  handle = await createTestDb();
  await seedTierCatalogue(handle.db);
  server = await startTestServer(handle);
  manager = await person(handle.db, "manager");
  admin = await person(handle.db, "admin");
  managerClient = await signedIn(server, manager);
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

describe("verifiable credentials", () => {
  it("verifies a downloaded credential from the published keys and status list, then shows its revocation", async () => {
    const { awardId, credentials } = await catieLike(true);
    // Her first verified talk also earned badges; each has its own credential.
    expect(new Set(credentials.map((c) => c.kind))).toEqual(new Set(["badge", "talk", "tier"]));
    const tier = credentials.find((c) => c.kind === "tier")!;
    expect(tier.name).toMatch(/^MVP \d{4}–\d{4}$/);
    const linkedIn = new URL(tier.linkedIn);
    expect(linkedIn.origin + linkedIn.pathname).toBe("https://www.linkedin.com/profile/add");
    expect(linkedIn.searchParams.get("certId")).toBe(tier.id);
    expect(linkedIn.searchParams.get("certUrl")).toBe(`${server.url}/credentials/${tier.id}`);

    // Anyone downloads the JWT; the verifying code sees only HTTP.
    const anonymous = tab(server);
    const download = await anonymous.get(`/credentials/${tier.id}.jwt`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toContain("application/vc+jwt");
    const jwt = await download.text();
    const first = await verifyOverHttp(server.url, jwt);
    expect(first.revoked).toBe(false);
    expect(first.payload.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(first.payload["@context"]).toContain("https://www.w3.org/ns/credentials/v2");
    // The holder is a salted hash of their address, never the address.
    expect(jwt).not.toContain("@example.test");
    expect(JSON.stringify(first.payload)).not.toContain("@example.test");
    const subject = first.payload.credentialSubject as { identifier: { identityHash: string }[] };
    expect(subject.identifier[0].identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);

    const json = await anonymous.get(`/credentials/${tier.id}.json`);
    expect(json.status).toBe(200);
    expect(((await json.json()) as { id: string }).id).toBe(`${server.url}/credentials/${tier.id}`);

    const page = await anonymous.get(`/credentials/${tier.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("This credential verifies");

    // A manager revokes the award through the app.
    const revoke = await managerClient.post(
      "/manage/tiers?index&_data=routes%2Fmanage.tiers._index",
      { intent: "revoke", awardId: String(awardId), reason: "Asked to step back this year." },
    );
    expect(revoke.status).toBe(204);

    const again = await verifyOverHttp(server.url, jwt);
    expect(again.revoked).toBe(true);
    const revokedPage = await (await anonymous.get(`/credentials/${tier.id}`)).text();
    expect(revokedPage).toContain("This credential does not verify");
    expect(revokedPage).toMatch(/Revoked on \d+ \w+ \d{4}, reason: Asked to step back this year\./);
  });

  it("refuses a tampered or expired JWT, and hides a private achievement", async () => {
    const { credentials, client } = await catieLike(false);
    const tier = credentials.find((c) => c.kind === "tier")!;
    const anonymous = tab(server);
    for (const path of [`/credentials/${tier.id}`, `/credentials/${tier.id}.jwt`]) {
      const res = await anonymous.get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("MVP");
    }
    // The owner still downloads it.
    const own = await client.get(`/credentials/${tier.id}.jwt`);
    expect(own.status, await own.clone().text()).toBe(200);
    const jwt = await own.text();
    expect((await verifyOverHttp(server.url, jwt)).revoked).toBe(false);

    const [header, body, signature] = jwt.split(".");
    const claims = decodeJwt(jwt);
    const forged = Buffer.from(JSON.stringify({ ...claims, name: "MVP 2020–2030" })).toString(
      "base64url",
    );
    expect(body).not.toBe(forged);
    await expect(verifyOverHttp(server.url, `${header}.${forged}.${signature}`)).rejects.toThrow(
      /signature verification failed/,
    );
    // After the term ends the same credential has expired.
    await expect(
      verifyOverHttp(server.url, jwt, new Date(Date.now() + 400 * DAY)),
    ).rejects.toMatchObject({ code: "ERR_JWT_EXPIRED" });

    // Unknown or malformed ids, and status lists that do not exist, are plain 404s.
    for (const path of [
      "/credentials/00000000-0000-4000-8000-000000000000",
      "/credentials/00000000-0000-4000-8000-000000000000.jwt",
      "/credentials/not-an-id",
      "/credentials/status/99",
      "/credentials/status/0",
    ])
      expect((await anonymous.get(path)).status, path).toBe(404);
    const bad = await client.post("/settings/credentials?_data=routes%2Fsettings.credentials", {
      intent: "reissue",
      id: "not-an-id",
    });
    expect(bad.status).toBe(400);
  });

  it("re-issues on request, and keeps a rotated key published while its credentials are valid", async () => {
    const { credentials, client } = await catieLike(true);
    const talk = credentials.find((c) => c.kind === "talk")!;
    const oldJwt = await (await tab(server).get(`/credentials/${talk.id}.jwt`)).text();
    const before = await verifyOverHttp(server.url, oldJwt);

    await rotateSigningKey(contextFor(handle.db, admin), {
      secret: server.env.SETTINGS_ENCRYPTION_KEY,
    });
    const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toContain(before.kid);
    expect(jwks.keys.length).toBeGreaterThan(1);
    expect(jwks.keys.every((k) => !("d" in k))).toBe(true);
    expect((await verifyOverHttp(server.url, oldJwt)).revoked).toBe(false);

    const reissue = await client.post("/settings/credentials?_data=routes%2Fsettings.credentials", {
      intent: "reissue",
      id: talk.id,
    });
    expect(reissue.status).toBe(204);
    const after = (await (
      await client.get("/settings/credentials?_data=routes%2Fsettings.credentials")
    ).json()) as { credentials: { id: string; kind: string; revokedAt: string | null }[] };
    const fresh = after.credentials.find((c) => c.kind === "talk" && !c.revokedAt)!;
    expect(fresh.id).not.toBe(talk.id);
    const freshJwt = await (await tab(server).get(`/credentials/${fresh.id}.jwt`)).text();
    const verified = await verifyOverHttp(server.url, freshJwt);
    expect(verified.kid).not.toBe(before.kid);
    expect(verified.revoked).toBe(false);
    expect((await verifyOverHttp(server.url, oldJwt)).revoked).toBe(true);
    // Someone else cannot re-issue it.
    const stranger = await signedIn(server, await person(handle.db, "advocate"));
    const refused = await stranger.post(
      "/settings/credentials?_data=routes%2Fsettings.credentials",
      { intent: "reissue", id: fresh.id },
    );
    expect(refused.status).toBe(403);
  });
  it("lets an admin rotate the signing key from its page: old credentials still verify, new ones carry the new kid", async () => {
    const route = "/manage/settings/signing-keys?_data=routes%2Fmanage.settings.signing-keys";
    const { credentials } = await catieLike(true);
    const earlier = credentials.find((c) => c.kind === "talk")!;
    const oldJwt = await (await tab(server).get(`/credentials/${earlier.id}.jwt`)).text();
    const before = await verifyOverHttp(server.url, oldJwt);

    // Only admins see or use the page.
    expect((await managerClient.get(route)).status).toBe(403);
    expect((await managerClient.post(route, { intent: "rotate" })).status).toBe(403);

    const adminClient = await signedIn(server, admin);
    type Keys = { keys: { kid: string; retiredAt: string | null; signed: number }[] };
    const listed = (await (await adminClient.get(route)).json()) as Keys;
    const active = listed.keys.filter((k) => k.retiredAt === null);
    expect(active.map((k) => k.kid)).toEqual([before.kid]);
    expect(active[0].signed).toBeGreaterThan(0);

    expect((await adminClient.post(route, { intent: "explode" })).status).toBe(400);
    const rotated = await adminClient.post(route, { intent: "rotate" });
    expect(rotated.status).toBe(204);
    const after = (await (await adminClient.get(route)).json()) as Keys;
    const current = after.keys.find((k) => k.retiredAt === null)!;
    expect(current.kid).not.toBe(before.kid);
    expect(after.keys.find((k) => k.kid === before.kid)?.retiredAt).not.toBeNull();
    const audit = await handle.db
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "credentials.key_rotated")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(admin.id);
    expect(JSON.stringify(audit.details)).toContain(current.kid);

    // The credential issued before still verifies against the JWKS fetched over HTTP.
    const old = await verifyOverHttp(server.url, oldJwt);
    expect(old.kid).toBe(before.kid);
    expect(old.revoked).toBe(false);
    // A credential issued afterwards is signed by the new key.
    const { credentials: fresh } = await catieLike(true);
    const newJwt = await (await tab(server).get(`/credentials/${fresh[0].id}.jwt`)).text();
    const verified = await verifyOverHttp(server.url, newJwt);
    expect(verified.kid).toBe(current.kid);
    expect(verified.revoked).toBe(false);
  });
});
