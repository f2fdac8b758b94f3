import type { NotificationKind } from "../../../db/tables/notifications.ts";
import { recipientLocale } from "../../i18n/community.ts";
import type { Locale } from "../../i18n/index.ts";
import { defineCommand } from "../commands/command.server.ts";
import { whereThreadReadable } from "../discussions/readable.server.ts";
import { sawThreadSince } from "../discussions/thread-views.server.ts";
import { excerpt } from "../discussions/text.ts";
import { composeEmail } from "../mail/compose.server.ts";
import { DISCUSSION_MAIL_DELAY_MS } from "../mail/kinds.ts";
import { absoluteUrl } from "../mail/settings.ts";
import { DiscussionEmail } from "../mail/templates/discussions.tsx";
import { enqueue } from "../outbox/queue.server.ts";
import { loadViewer } from "../viewer/viewer.server.ts";
import { describeNotification, threadUrl } from "./record.server.ts";

/** The mail kind each discussion notification becomes. */
const MAIL_KIND: Partial<Record<NotificationKind, string>> = {
  reply: "reply",
  mention: "mention",
  accepted: "answer_accepted",
};

/** Notifications older than this are not mailed at all (a sweep that was down does not flood). */
const OLDEST_MS = 2 * 86_400_000;

/**
 * Mails discussion notifications that are still unread a few minutes after
 * they happened, as Discourse does: someone who is on the site reads them
 * there and gets no email. Opening the thread page after the notification
 * counts as reading it too (the notification itself stays unread). Each notification is considered once; the
 * person's preference (immediately, digest, never) and caps apply when the
 * message is enqueued, and the policy is asked again now, so a thread that
 * became restricted in the meantime is not mailed.
 */
export const mailUnreadNotifications = defineCommand({
  name: "notifications.mail_unread",
  async run(trx, _input: Record<string, never>, { now, site }) {
    const due = await trx
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.user_id")
      .select([
        "n.id",
        "n.kind",
        "n.user_id",
        "n.created_at",
        "u.role",
        "u.email",
        "u.display_name",
        "u.locale",
      ])
      .where("n.kind", "in", Object.keys(MAIL_KIND) as NotificationKind[])
      .where("n.read_at", "is", null)
      .where("n.created_at", "<=", new Date(now.getTime() - DISCUSSION_MAIL_DELAY_MS))
      .where("n.created_at", ">", new Date(now.getTime() - OLDEST_MS))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("notification_mails as m")
              .select("m.notification_id")
              .whereRef("m.notification_id", "=", "n.id"),
          ),
        ),
      )
      .orderBy("n.id")
      .limit(200)
      .execute();
    let queued = 0;
    for (const row of due) {
      await trx.insertInto("notification_mails").values({ notification_id: row.id }).execute();
      const recipient = await loadViewer(trx, { id: row.user_id, role: row.role });
      if (!recipient) continue;
      const readable = await (
        await whereThreadReadable(trx, recipient, trx.selectFrom("notifications as n"))
      )
        .leftJoin("users as actor", "actor.id", "n.actor_id")
        .select([
          "t.id as thread_id",
          "t.title",
          "t.slug",
          "p.body_text",
          "n.post_id",
          "n.data",
          "actor.display_name as actor_name",
        ])
        .where("n.id", "=", row.id)
        .where("t.id", "is not", null)
        .executeTakeFirst();
      if (!readable?.thread_id) continue;
      // Read on the thread page since it happened: no mail, as for a read notification.
      if (await sawThreadSince(trx, row.user_id, readable.thread_id, row.created_at)) continue;
      const facts = {
        kind: row.kind,
        actorName: readable.actor_name,
        threadTitle: readable.title,
        data: readable.data,
      };
      const sentence = (_t: unknown, locale: Locale) => describeNotification(facts, locale);
      const outcome = await enqueue(
        trx,
        await composeEmail(site, {
          to: row.email,
          userId: row.user_id,
          kind: MAIL_KIND[row.kind]!,
          idempotencyKey: `notification:${row.id}`,
          locale: recipientLocale(row.locale),
          subject: sentence,
          threadId: readable.thread_id,
          template: DiscussionEmail({
            recipientName: row.display_name,
            sentence,
            excerpt: excerpt(readable.body_text ?? "", 280),
            link: absoluteUrl(
              site,
              threadUrl(readable.thread_id, readable.slug!, readable.post_id),
            ),
          }),
        }),
        now,
      );
      if (outcome === "queued") queued += 1;
    }
    return { considered: due.length, queued };
  },
});
