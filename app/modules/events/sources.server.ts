import { registerSourceResolver } from "../reputation/sources.server.ts";

// Points for hosting or speaking link to the event's page (event pages are public).
registerSourceResolver("event", async (db, ids) => {
  const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647);
  if (numeric.length === 0) return new Map();
  const rows = await db
    .selectFrom("events")
    .select(["id", "title"])
    .where("id", "in", numeric)
    .execute();
  return new Map(rows.map((e) => [String(e.id), { href: `/events/${e.id}`, title: e.title }]));
});
