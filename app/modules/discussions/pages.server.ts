import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { popularTags } from "./read.server.ts";
import { listAllSpaces, spaceSubject, spaceThreadCounts, type Space } from "./spaces.server.ts";

/** The readable spaces with their thread counts, and popular tags: the side column of lists. */
export async function discussionSidebar(db: Queryable, viewer: Viewer, spaces?: Space[]) {
  const all = spaces ?? (await listAllSpaces(db));
  const readable = all.filter((s) => policy.readSpace(viewer, spaceSubject(s)));
  const [counts, tags] = await Promise.all([
    spaceThreadCounts(
      db,
      viewer,
      readable.map((s) => s.id),
    ),
    popularTags(db, viewer, 16),
  ]);
  return {
    spaces: readable.map((s) => ({
      slug: s.slug,
      name: s.name,
      colour: s.colour,
      visibility: s.visibility,
      threadCount: counts.get(s.id) ?? 0,
    })),
    tags,
  };
}

/** Spaces this viewer may open a thread in (and which kinds), for "new thread" choices. */
export function postableSpaces(viewer: Viewer, spaces: Space[]) {
  return spaces
    .map((s) => ({
      space: s,
      question: policy.startThread(viewer, spaceSubject(s), "question"),
      discussion: policy.startThread(viewer, spaceSubject(s), "discussion"),
    }))
    .filter((s) => s.question || s.discussion);
}
