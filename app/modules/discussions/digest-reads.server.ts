import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { threadUrl } from "../notifications/record.server.ts";
import { listAllSpaces, spaceSubject } from "./spaces.server.ts";

/** A thread as a digest lists it: title, link and how much happened. */
export interface DigestThread {
  id: number;
  title: string;
  url: string;
  count: number;
}

type Row = {
  id: number;
  title: string;
  slug: string;
  kind: "question" | "discussion";
  author_id: number;
  space_id: number;
  locked_at: Date | null;
  hidden_at: Date | null;
  deleted_at: Date | null;
  n: number | string;
};

/** Keeps the threads this viewer may read now, asking the policy for each (a moved thread drops out). */
async function readableOnly(db: Queryable, viewer: Viewer, rows: Row[]): Promise<DigestThread[]> {
  const spaces = new Map((await listAllSpaces(db)).map((s) => [s.id, s]));
  return rows.flatMap((r) => {
    const space = spaces.get(r.space_id);
    if (!space) return [];
    const subject = {
      kind: r.kind,
      authorId: r.author_id,
      space: spaceSubject(space),
      lockedAt: r.locked_at,
      hiddenAt: r.hidden_at,
      deletedAt: r.deleted_at,
    };
    if (!policy.readThread(viewer, subject)) return [];
    return [{ id: r.id, title: r.title, url: threadUrl(r.id, r.slug), count: Number(r.n) }];
  });
}

const threadColumns = [
  "t.id",
  "t.title",
  "t.slug",
  "t.kind",
  "t.author_id",
  "t.space_id",
  "t.locked_at",
  "t.hidden_at",
  "t.deleted_at",
] as const;

/** The viewer's questions that got new answers from others between `since` and `until`. */
export async function newAnswersToQuestionsOf(
  db: Queryable,
  viewer: NonNullable<Viewer>,
  since: Date,
  until: Date,
): Promise<DigestThread[]> {
  const rows = await db
    .selectFrom("threads as t")
    .innerJoin("posts as p", "p.thread_id", "t.id")
    .select([...threadColumns, (eb) => eb.fn.countAll<number>().as("n")])
    .where("t.author_id", "=", viewer.id)
    .where("t.kind", "=", "question")
    .where("p.is_opening", "=", false)
    .where("p.author_id", "!=", viewer.id)
    .where("p.deleted_at", "is", null)
    .where("p.hidden_at", "is", null)
    .where("p.created_at", ">", since)
    .where("p.created_at", "<=", until)
    .groupBy(threadColumns)
    .orderBy("n", "desc")
    .orderBy("t.id", "desc")
    .limit(10)
    .execute();
  return readableOnly(db, viewer, rows);
}

/** The threads with the most new posts in the period, among those the viewer may read. */
export async function mostActiveThreads(
  db: Queryable,
  viewer: NonNullable<Viewer>,
  since: Date,
  until: Date,
  limit = 5,
): Promise<DigestThread[]> {
  const rows = await db
    .selectFrom("threads as t")
    .innerJoin("posts as p", "p.thread_id", "t.id")
    .select([...threadColumns, (eb) => eb.fn.countAll<number>().as("n")])
    .where("t.deleted_at", "is", null)
    .where("t.hidden_at", "is", null)
    .where("p.deleted_at", "is", null)
    .where("p.hidden_at", "is", null)
    .where("p.created_at", ">", since)
    .where("p.created_at", "<=", until)
    .groupBy(threadColumns)
    .orderBy("n", "desc")
    .orderBy("t.id", "desc")
    // Enough to fill the list after the policy drops what this viewer may not read.
    .limit(limit * 10)
    .execute();
  return (await readableOnly(db, viewer, rows)).slice(0, limit);
}

/** Whether the viewer may still read these threads (for digest lines kept from earlier messages). */
export async function readableThreadIds(
  db: Queryable,
  viewer: NonNullable<Viewer>,
  threadIds: number[],
): Promise<Set<number>> {
  if (!threadIds.length) return new Set();
  const rows = await db
    .selectFrom("threads as t")
    .select([...threadColumns, (eb) => eb.val(0).as("n")])
    .where("t.id", "in", threadIds)
    .execute();
  return new Set((await readableOnly(db, viewer, rows)).map((t) => t.id));
}
