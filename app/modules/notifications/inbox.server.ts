import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { listReadableSpaces } from "../discussions/spaces.server.ts";
import { describeNotification, notificationUrl } from "./record.server.ts";

export const NOTIFICATIONS_PAGE_SIZE = 30;

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
