import { registerSourceResolver } from "../reputation/sources.server.ts";

// Points for leading a chapter link to the chapter's page (chapters are public).
registerSourceResolver("chapter", async (db, ids) => {
  const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647);
  if (numeric.length === 0) return new Map();
  const rows = await db
    .selectFrom("chapters")
    .select(["id", "slug", "name"])
    .where("id", "in", numeric)
    .execute();
  return new Map(rows.map((c) => [String(c.id), { href: `/chapters/${c.slug}`, title: c.name }]));
});
