import type { Queryable } from "../../../db/client.ts";
import type { Locale } from "../../i18n/index.ts";
import type { Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { whereThreadReadable } from "../discussions/readable.server.ts";
import { SignInRequiredError } from "../../utils/errors.ts";
import { describeNotification, notificationUrl } from "./record.server.ts";

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** Notifications this viewer may still read (the thread or post may have moved or been hidden since). */
function visibleNotifications(db: Queryable, viewer: NonNullable<Viewer>) {
  return whereThreadReadable(
    db,
    viewer,
    db.selectFrom("notifications as n").where("n.user_id", "=", viewer.id),
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
  options: { page?: number; locale?: Locale } = {},
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
      text: describeNotification(
        {
          kind: r.kind,
          actorName: r.actor_name,
          threadTitle: r.thread_title,
          data: r.data,
        },
        options.locale,
      ),
      url: notificationUrl({
        kind: r.kind,
        data: r.data,
        threadId: r.thread_id,
        threadSlug: r.thread_slug,
        postId: r.post_id,
      }),
      actorHandle: r.actor_handle,
      actorName: r.actor_name,
      // The facts the sentence is made of, for saying it in another language.
      threadTitle: r.thread_title,
      points: r.kind === "points" ? Number(r.data.amount ?? 0) : null,
      createdAt: r.created_at.toISOString(),
      read: r.read_at !== null,
    })),
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / NOTIFICATIONS_PAGE_SIZE)),
  };
}

/**
 * Marks one notification (or, without an id, all of them) read; returns
 * where it points. The person's other tabs update their bell once it commits.
 */
export const readNotifications = defineCommand({
  name: "notifications.read",
  authorize: (viewer) => {
    if (!viewer) throw new SignInRequiredError("Sign in to read your notifications.");
  },
  async run(trx, input: { notificationId?: number }, { viewer, effects, now }) {
    const reader = viewer!;
    const { notificationId } = input;
    let query = trx
      .updateTable("notifications")
      .set({ read_at: now })
      .where("user_id", "=", reader.id)
      .where("read_at", "is", null);
    if (notificationId !== undefined) query = query.where("id", "=", notificationId);
    await query.execute();
    let url: string | null = null;
    if (notificationId !== undefined) {
      const row = await (
        await visibleNotifications(trx, reader)
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
    const unread = await countUnread(trx, reader);
    effects.toUser(reader.id, "notifications:unread", { count: unread });
    return { url, unread };
  },
});
