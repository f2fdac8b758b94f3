import { policy } from "../access/policy.ts";
import { registerSourceResolver } from "../reputation/sources.server.ts";

const numericIds = (ids: string[]) =>
  ids.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647);

// Points for a verified talk link to the talk, for readers the talk page admits.
registerSourceResolver("talk", async (db, ids, viewer) => {
  const numeric = numericIds(ids);
  if (numeric.length === 0) return new Map();
  const rows = await db
    .selectFrom("talks")
    .select(["id", "title", "event_name", "speaker_id", "status", "origin"])
    .where("id", "in", numeric)
    .execute();
  return new Map(
    rows
      .filter((t) =>
        policy.viewTalk(viewer, { speakerId: t.speaker_id, status: t.status, origin: t.origin }),
      )
      .map((t) => [
        String(t.id),
        { href: `/speaking/talks/${t.id}`, title: `${t.title} (${t.event_name})` },
      ]),
  );
});

// Points for a story link to its page while it is in the library.
registerSourceResolver("story", async (db, ids) => {
  const numeric = numericIds(ids);
  if (numeric.length === 0) return new Map();
  const rows = await db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .select(["s.id", "s.slug", "v.title"])
    .where("s.id", "in", numeric)
    .execute();
  return new Map(rows.map((s) => [String(s.id), { href: `/stories/${s.slug}`, title: s.title }]));
});
