import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { createTestDb } from "../support/db.ts";
import { person, signedIn, tab, type Person } from "../support/people.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
let awarder: Person;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  awarder = await person(handle.db, "manager");
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const SETTINGS = "/settings?_data=routes%2Fsettings._index";
const directory = (query: string) => `/advocates?${query}&_data=routes%2Fadvocates`;
const board = (query: string) => `/leaderboard?${query}&_data=routes%2Fleaderboard`;

async function advocate(name: string, points: number): Promise<Person> {
  const p = await person(handle.db, "advocate", { displayName: name });
  await handle.db
    .updateTable("profiles")
    .set({ is_public: true })
    .where("user_id", "=", p.id)
    .execute();
  await awardPoints(handle.db, {
    userId: p.id,
    rule: "manual_adjustment",
    amount: points,
    reason: "Ran the local user group",
    source: { type: "user", id: p.id },
    idempotencyKey: `location-test:${p.id}`,
    awardedBy: awarder.id,
  });
  return p;
}

const location = (overrides: Record<string, string> = {}) => ({
  intent: "set-location",
  mode: "place",
  country: "IS",
  city: "Reykjavík",
  timeZone: "Atlantic/Reykjavik",
  ...overrides,
});

const names = (rows: { display_name?: string; person?: { displayName: string } | null }[]) =>
  rows.map((r) => r.display_name ?? r.person?.displayName);

describe("the landing page with no events", () => {
  it("says so in its “What's next” block", async () => {
    const html = await (await tab(server).get("/")).text();
    expect(html).toContain("No events coming up");
  });
});

describe("where an advocate is", () => {
  it("is validated, saved by its owner, and refused without a change when wrong", async () => {
    const ana = await advocate("Ana Location", 10);
    const own = await signedIn(server, ana);

    const cases: [Record<string, string>, string, RegExp][] = [
      [{ country: "XX" }, "country", /country from the list/],
      [{ country: "" }, "country", /country you are in/],
      [{ timeZone: "Mars/Olympus" }, "timeZone", /does not exist/],
      [{ mode: "moon" }, "mode", /place, remote/],
      [{ city: "x".repeat(81) }, "city", /80 characters/],
    ];
    for (const [bad, field, message] of cases) {
      const res = await own.post(SETTINGS, location(bad));
      expect(res.status).toBe(400);
      expect((await res.json()).fieldErrors[field]).toMatch(message);
    }
    const untouched = await handle.db
      .selectFrom("profiles")
      .select(["country", "city", "time_zone", "location_public"])
      .where("user_id", "=", ana.id)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ country: null, city: "", time_zone: null, location_public: false });

    expect((await own.post(SETTINGS, location())).status).toBe(204);
    expect((await (await own.get(SETTINGS)).json()).location).toEqual({
      country: "IS",
      city: "Reykjavík",
      isRemote: false,
      timeZone: "Atlantic/Reykjavik",
      locationPublic: false,
    });

    // Remote drops the city; saying nothing clears the place and can never be public.
    await own.post(SETTINGS, location({ mode: "remote", locationPublic: "on" }));
    let row = await handle.db
      .selectFrom("profiles")
      .select(["country", "city", "is_remote", "location_public"])
      .where("user_id", "=", ana.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ country: "IS", city: "", is_remote: true, location_public: true });
    await own.post(SETTINGS, location({ mode: "", locationPublic: "on" }));
    row = await handle.db
      .selectFrom("profiles")
      .select(["country", "city", "is_remote", "location_public"])
      .where("user_id", "=", ana.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ country: null, city: "", is_remote: false, location_public: false });
  });

  it("a private location never filters or shows; a public one does", async () => {
    const hidden = await advocate("Hilda Private", 40);
    const shown = await advocate("Sigrun Public", 30);
    await (await signedIn(server, hidden)).post(SETTINGS, location({ city: "Akureyri" }));
    await (
      await signedIn(server, shown)
    ).post(SETTINGS, location({ city: "Reykjavík", locationPublic: "on" }));

    const manager = await person(handle.db, "manager");
    const readers = [
      tab(server),
      await signedIn(server, manager),
      // Not even the owner's own search matches their private location.
      await signedIn(server, hidden),
    ];
    for (const reader of readers) {
      for (const place of ["IS", "Europe"]) {
        const found = await (await reader.get(directory(`place=${place}`))).json();
        expect(names(found.rows)).toEqual(["Sigrun Public"]);
        expect(found.rows[0].place).toBe("Reykjavík, Iceland");
        const ranked = await (await reader.get(board(`place=${place}`))).json();
        expect(names(ranked.rows)).toEqual(["Sigrun Public"]);
        expect(ranked.total).toBe(1);
      }
      const everyone = await (await reader.get(directory("q=Hilda"))).json();
      expect(names(everyone.rows)).toEqual(["Hilda Private"]);
      // Listed, but with the place only its owner sees.
      expect(everyone.rows[0].place).toBe(reader === readers[2] ? "Akureyri, Iceland" : "");
      expect(JSON.stringify(await (await reader.get(directory("place=IS"))).json())).not.toContain(
        "Akureyri",
      );
    }
    // On the profile page the place shows to its owner alone.
    const profile = (who: Person) => `/u/${who.handle}?_data=routes%2Fu.%24handle`;
    expect((await (await tab(server).get(profile(hidden))).json()).profile.place).toBe("");
    expect((await (await readers[2].get(profile(hidden))).json()).profile.place).toBe(
      "Akureyri, Iceland",
    );
    expect((await (await tab(server).get(profile(shown))).json()).profile.place).toBe(
      "Reykjavík, Iceland",
    );
    const page = await (await tab(server).get(`/u/${hidden.handle}`)).text();
    expect(page).not.toContain("Akureyri");

    // A region with nobody public in it is an empty page, not an error; nonsense is ignored.
    const empty = await (await tab(server).get(directory("place=Oceania"))).json();
    expect(empty).toMatchObject({ rows: [], total: 0 });
    const nonsense = await tab(server).get(directory("place=Atlantis"));
    expect(nonsense.status).toBe(200);
    expect((await nonsense.json()).filters.place).toBe("");
    expect((await tab(server).get("/advocates?place=IS")).status).toBe(200);
    expect((await tab(server).get("/leaderboard?place=Europe&board=30d")).status).toBe(200);
  });
});
