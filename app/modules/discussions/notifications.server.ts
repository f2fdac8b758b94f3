import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import type { NotificationKind } from "../../../db/tables/discussions.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { loadViewer } from "../access/viewer.server.ts";
import type { Outbox } from "./outbox.ts";
import { listReadableSpaces } from "./spaces.server.ts";
import { postSubject, threadSubject, type ThreadState } from "./state.server.ts";

export const NOTIFICATIONS_PAGE_SIZE = 30;

export const threadUrl = (threadId: number, slug: string, postId?: number | null) =>
  `/t/${threadId}/${slug}${postId ? `#post-${postId}` : ""}`;

/** The sentence a notification reads as, from facts read at display time. */
export function describeNotification(n: {
  kind: NotificationKind;
  actorName: string | null;
  threadTitle: string | null;
  data: Record<string, unknown>;
}): string {
  const who = n.actorName ?? "Someone";
  const where = n.threadTitle ? `“${n.threadTitle}”` : "a thread";
  switch (n.kind) {
    case "reply":
      return `${who} replied to ${where}`;
    case "mention":
      return `${who} mentioned you in ${where}`;
    case "accepted":
      return `${who} accepted your answer in ${where}`;
    case "points": {
      const amount = Number(n.data.amount ?? 0);
      return `You earned ${amount} ${amount === 1 ? "point" : "points"} in ${where}`;
    }
    case "notice": {
      const title = String(n.data.title ?? "");
      if (!n.data.description) return title;
      // "You are speaking at Summit 2027! We would love…", "Changes requested: Lovely story…"
      return `${title}${/[.!?]$/.test(title) ? " " : ": "}${String(n.data.description)}`;
    }
  }
}

/** Where a notification leads: its thread and post, or the page a notice names. */
function notificationUrl(n: {
  kind: NotificationKind;
  data: Record<string, unknown>;
  threadId: number | null;
  threadSlug: string | null;
  postId: number | null;
}): string {
  if (n.threadId && n.threadSlug) return threadUrl(n.threadId, n.threadSlug, n.postId);
  return typeof n.data.url === "string" && n.data.url.startsWith("/") ? n.data.url : "/";
}

/** A message about a decision outside discussions (a talk, a story, a tier, a reference request). */
export interface NoticeInput {
  userId: number;
  title: string;
  description?: string;
  /** The page it concerns (a path on this site). */
  url: string;
}

/**
 * Keeps notices in the notifications list, inside the caller's transaction
 * (so a decision and its notice commit together); returns what the
 * recipients' bells are told once it has committed.
 */
export async function recordNotices(trx: Queryable, notices: NoticeInput[], at = new Date()) {
  if (!notices.length) return [];
  const rows = await trx
    .insertInto("notifications")
    .values(
      notices.map((n) => ({
        user_id: n.userId,
        kind: "notice" as const,
        data: JSON.stringify({ title: n.title, description: n.description, url: n.url }),
        created_at: at,
      })),
    )
    .returning(["id", "user_id", "data"])
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    payload: {
      id: row.id,
      kind: "notice" as const,
      text: describeNotification({
        kind: "notice",
        actorName: null,
        threadTitle: null,
        data: row.data,
      }),
      url: notificationUrl({
        kind: "notice",
        data: row.data,
        threadId: null,
        threadSlug: null,
        postId: null,
      }),
    },
  }));
}
export type RecordedNotice = Awaited<ReturnType<typeof recordNotices>>[number];

/**
 * Notifies one person about a post, if (and only if) they may read it; the
 * live message leaves after commit through the outbox.
 */
export async function notify(
  trx: Queryable,
  outbox: Outbox,
  input: {
    userId: number;
    /** The recipient's role, when the caller already knows it. */
    role?: Role;
    kind: NotificationKind;
    actor: { id: number; displayName: string } | null;
    thread: ThreadState;
    post: { id: number; author_id: number; hidden_at: Date | null; deleted_at: Date | null };
    data?: Record<string, unknown>;
    at?: Date;
  },
): Promise<void> {
  const role =
    input.role ??
    (await trx.selectFrom("users").select("role").where("id", "=", input.userId).executeTakeFirst())
      ?.role;
  if (!role) return;
  const recipient = await loadViewer(trx, { id: input.userId, role });
  if (!policy.readPost(recipient, threadSubject(input.thread), postSubject(input.post))) return;
  const row = await trx
    .insertInto("notifications")
    .values({
      user_id: input.userId,
      kind: input.kind,
      actor_id: input.actor?.id ?? null,
      thread_id: input.thread.id,
      post_id: input.post.id,
      data: JSON.stringify(input.data ?? {}),
      created_at: input.at ?? new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  outbox.toUser(input.userId, "notification:new", {
    id: row.id,
    kind: input.kind,
    text: describeNotification({
      kind: input.kind,
      actorName: input.actor?.displayName ?? null,
      threadTitle: input.thread.title,
      data: input.data ?? {},
    }),
    url: threadUrl(input.thread.id, input.thread.slug, input.post.id),
  });
}

/** Notifications this viewer may still read (the thread or post may have moved or been hidden since). */
async function visibleNotifications(db: Queryable, viewer: NonNullable<Viewer>) {
  const spaceIds = (await listReadableSpaces(db, viewer)).map((s) => s.id);
  const moderator = policy.moderateDiscussions(viewer);
  return db
    .selectFrom("notifications as n")
    .leftJoin("threads as t", "t.id", "n.thread_id")
    .leftJoin("posts as p", "p.id", "n.post_id")
    .where("n.user_id", "=", viewer.id)
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

export async function countUnread(db: Queryable, viewer: Viewer): Promise<number> {
  if (!viewer) return 0;
  const row = await (
    await visibleNotifications(db, viewer)
  )
    .where("n.read_at", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(
  db: Queryable,
  viewer: NonNullable<Viewer>,
  options: { page?: number } = {},
) {
  const page = Math.max(1, options.page ?? 1);
  const base = await visibleNotifications(db, viewer);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await base
    .leftJoin("users as actor", "actor.id", "n.actor_id")
    .select([
      "n.id",
      "n.kind",
      "n.data",
      "n.created_at",
      "n.read_at",
      "n.post_id",
      "t.id as thread_id",
      "t.title as thread_title",
      "t.slug as thread_slug",
      "actor.handle as actor_handle",
      "actor.display_name as actor_name",
    ])
    .orderBy("n.created_at", "desc")
    .orderBy("n.id", "desc")
    .limit(NOTIFICATIONS_PAGE_SIZE)
    .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE)
    .execute();
  return {
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      text: describeNotification({
        kind: r.kind,
        actorName: r.actor_name,
        threadTitle: r.thread_title,
        data: r.data,
      }),
      url: notificationUrl({
        kind: r.kind,
        data: r.data,
        threadId: r.thread_id,
        threadSlug: r.thread_slug,
        postId: r.post_id,
      }),
      actorHandle: r.actor_handle,
      actorName: r.actor_name,
      createdAt: r.created_at.toISOString(),
      read: r.read_at !== null,
    })),
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / NOTIFICATIONS_PAGE_SIZE)),
  };
}

/** Marks one notification (or, without an id, all of them) read; returns where it points. */
export async function markNotificationsRead(
  db: Queryable,
  viewer: NonNullable<Viewer>,
  notificationId?: number,
): Promise<{ url: string | null; unread: number }> {
  let query = db
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("user_id", "=", viewer.id)
    .where("read_at", "is", null);
  if (notificationId !== undefined) query = query.where("id", "=", notificationId);
  await query.execute();
  let url: string | null = null;
  if (notificationId !== undefined) {
    const row = await (
      await visibleNotifications(db, viewer)
    )
      .select(["n.kind", "n.data", "n.post_id", "t.id as thread_id", "t.slug as thread_slug"])
      .where("n.id", "=", notificationId)
      .executeTakeFirst();
    if (row)
      url = notificationUrl({
        kind: row.kind,
        data: row.data,
        threadId: row.thread_id,
        threadSlug: row.thread_slug,
        postId: row.post_id,
      });
  }
  return { url, unread: await countUnread(db, viewer) };
}
