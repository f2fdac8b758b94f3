import type { Queryable } from "../../../db/client.ts";
import type { NotificationKind } from "../../../db/tables/notifications.ts";
import { communityLocale, recipientLocale } from "../../i18n/community.ts";
import { i18nFor, type Locale } from "../../i18n/index.ts";

/**
 * The notifications list: one row per thing a person was told, kept in the
 * transaction of the decision that caused it. This file is the write side
 * every module uses (through a command's effects); inbox.server.ts reads it.
 */
export const threadUrl = (threadId: number, slug: string, postId?: number | null) =>
  `/t/${threadId}/${slug}${postId ? `#post-${postId}` : ""}`;

/**
 * The sentence a notification reads as, from facts read at display time, in
 * the reader's language. A notice about a decision keeps the words its
 * command wrote (title and description), as they were stored.
 */
export function describeNotification(
  n: {
    kind: NotificationKind;
    actorName: string | null;
    threadTitle: string | null;
    data: Record<string, unknown>;
  },
  locale: Locale = communityLocale(),
): string {
  const { t } = i18nFor(locale);
  const who = n.actorName ?? t("notices.someone");
  const where = n.threadTitle
    ? t("notices.threadTitle", { title: n.threadTitle })
    : t("notices.aThread");
  switch (n.kind) {
    case "reply":
      return t("notices.reply", { who, where });
    case "mention":
      return t("notices.mention", { who, where });
    case "accepted":
      return t("notices.accepted", { who, where });
    case "points": {
      const amount = Number(n.data.amount ?? 0);
      return t("notices.points", { amount, where });
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
export function notificationUrl(n: {
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

/** What a person's bell is told once the notification has committed. */
export interface LiveNotification {
  id: number;
  kind: NotificationKind;
  text: string;
  url: string;
}

/**
 * Keeps one notification about a thing on the site (a reply, a mention, an
 * accepted answer), inside the caller's transaction; returns what the
 * recipient's bell is told after commit. The caller has already asked the
 * policy whether the recipient may read it.
 */
export async function recordNotification(
  trx: Queryable,
  input: {
    userId: number;
    kind: NotificationKind;
    actor: { id: number; displayName: string } | null;
    thread: { id: number; title: string; slug: string };
    postId: number | null;
    data?: Record<string, unknown>;
    at?: Date;
  },
): Promise<LiveNotification> {
  const row = await trx
    .insertInto("notifications")
    .values({
      user_id: input.userId,
      kind: input.kind,
      actor_id: input.actor?.id ?? null,
      thread_id: input.thread.id,
      post_id: input.postId,
      data: JSON.stringify(input.data ?? {}),
      created_at: input.at ?? new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const reader = await trx
    .selectFrom("users")
    .select("locale")
    .where("id", "=", input.userId)
    .executeTakeFirst();
  return {
    id: row.id,
    kind: input.kind,
    text: describeNotification(
      {
        kind: input.kind,
        actorName: input.actor?.displayName ?? null,
        threadTitle: input.thread.title,
        data: input.data ?? {},
      },
      recipientLocale(reader?.locale),
    ),
    url: threadUrl(input.thread.id, input.thread.slug, input.postId),
  };
}
