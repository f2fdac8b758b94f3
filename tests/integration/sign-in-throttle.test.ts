import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { MAX_FAILURES } from "../../app/modules/auth/throttle.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

let ipCounter = 0;
/** A browser from an address of its own (the server trusts one proxy hop). */
const client = (ip = `10.7.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`) =>
  new TestClient(server.url, { "X-Forwarded-For": ip });

const signIn = (c: TestClient, email: string, password: string) =>
  c.post("/login?_data=routes%2Flogin", { email, password });

/** How many of the answers were each status, e.g. { 401: 5, 429: 55 }. */
const tally = (responses: Response[]) =>
  responses.reduce<Record<number, number>>((counts, r) => {
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  }, {});

describe("sign-in throttling under concurrent guesses", () => {
  it("checks at most the pair limit of 60 simultaneous wrong passwords from one client", async () => {
    const user = await insertUser(handle.db);
    const attacker = client();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(attacker, user.email, `wrong guess ${i}`)),
    );
    // A 401 is a real password check; the rest were refused before any check.
    expect(tally(answers)).toEqual({ 401: MAX_FAILURES.pair, 429: 60 - MAX_FAILURES.pair });
  });

  it("checks at most the account limit when the guesses come from many clients at once", async () => {
    const user = await insertUser(handle.db);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(client(), user.email, `wrong guess ${i}`)),
    );
    expect(tally(answers)).toEqual({
      401: MAX_FAILURES.account,
      429: 60 - MAX_FAILURES.account,
    });
    // Past the account-wide limit even the right password waits, from anywhere.
    expect((await signIn(client(), user.email, TEST_PASSWORD)).status).toBe(429);
  });
});

describe("an attacker elsewhere", () => {
  it("is held back without locking the owner out", async () => {
    const user = await insertUser(handle.db);
    const attacker = client();
    for (let i = 0; i < MAX_FAILURES.pair; i++)
      expect((await signIn(attacker, user.email, `wrong guess ${i}`)).status).toBe(401);
    const blocked = await signIn(attacker, user.email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The owner, from their own address, signs in as usual.
    expect((await signIn(client(), user.email, TEST_PASSWORD)).status).toBe(204);
    // And the attacker stays held back: the owner's success does not clear their failures.
    expect((await signIn(attacker, user.email, TEST_PASSWORD)).status).toBe(429);
  });

  it("does not count the owner's successful sign-ins, nor their typos once they get it right", async () => {
    const user = await insertUser(handle.db);
    const owner = client();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_FAILURES.pair - 1; i++)
        expect((await signIn(owner, user.email, "a typo")).status).toBe(401);
      expect((await signIn(owner, user.email, TEST_PASSWORD)).status).toBe(204);
    }
  });
});
