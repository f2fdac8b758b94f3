import type { SelectQueryBuilder } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { Database } from "../../../db/schema.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { listReadableSpaces } from "./spaces.server.ts";

/** A query over rows that point at a thread and a post by `thread_id` and `post_id`, aliased `n`. */
export type PointingQuery = SelectQueryBuilder<
  Database & { n: Database["notifications"] },
  "n",
  object
>;

/**
 * Joins the thread (`t`) and post (`p`) each row points at, and keeps only
 * the rows this viewer may still read: the thread in a space they may read,
 * neither deleted, and neither hidden unless they moderate. Rows that point
 * at no thread (or no post) pass. The same rules as the thread page.
 */
export async function whereThreadReadable(
  db: Queryable,
  viewer: NonNullable<Viewer>,
  query: PointingQuery,
) {
  const spaceIds = (await listReadableSpaces(db, viewer)).map((s) => s.id);
  const moderator = policy.moderateDiscussions(viewer);
  return query
    .leftJoin("threads as t", "t.id", "n.thread_id")
    .leftJoin("posts as p", "p.id", "n.post_id")
    .where((eb) =>
      eb.or([
        eb("n.thread_id", "is", null),
        eb.and([
          spaceIds.length ? eb("t.space_id", "in", spaceIds) : eb.val(false),
          eb("t.deleted_at", "is", null),
          ...(moderator ? [] : [eb("t.hidden_at", "is", null)]),
        ]),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb("n.post_id", "is", null),
        eb.and([
          eb("p.deleted_at", "is", null),
          ...(moderator ? [] : [eb("p.hidden_at", "is", null)]),
        ]),
      ]),
    );
}
