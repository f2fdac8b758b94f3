import { policy } from "../access/policy.ts";
import { registerSourceResolver } from "../reputation/sources.server.ts";
import { listAllSpaces, spaceSubject } from "./spaces.server.ts";

// Ledger lines earned by a post link to it: /t/<thread>/<slug>#post-<id>, for
// readers who may see that post (the same policy as the thread page).
registerSourceResolver("post", async (db, ids, viewer) => {
  const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (!numeric.length) return new Map();
  const [rows, spaces] = await Promise.all([
    db
      .selectFrom("posts")
      .innerJoin("threads", "threads.id", "posts.thread_id")
      .select([
        "posts.id",
        "posts.author_id",
        "posts.hidden_at",
        "posts.deleted_at",
        "threads.id as thread_id",
        "threads.slug",
        "threads.title",
        "threads.kind",
        "threads.author_id as thread_author_id",
        "threads.space_id",
        "threads.locked_at",
        "threads.hidden_at as thread_hidden_at",
        "threads.deleted_at as thread_deleted_at",
      ])
      .where("posts.id", "in", numeric)
      .execute(),
    listAllSpaces(db),
  ]);
  const spaceById = new Map(spaces.map((s) => [s.id, s]));
  const links = new Map<string, { href: string; title: string }>();
  for (const row of rows) {
    const space = spaceById.get(row.space_id);
    if (!space) continue;
    const readable = policy.readPost(
      viewer,
      {
        kind: row.kind,
        authorId: row.thread_author_id,
        space: spaceSubject(space),
        lockedAt: row.locked_at,
        hiddenAt: row.thread_hidden_at,
        deletedAt: row.thread_deleted_at,
      },
      { authorId: row.author_id, hiddenAt: row.hidden_at, deletedAt: row.deleted_at },
    );
    if (readable)
      links.set(String(row.id), {
        href: `/t/${row.thread_id}/${row.slug}#post-${row.id}`,
        title: row.title,
      });
  }
  return links;
});
