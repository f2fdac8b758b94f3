import { createElement } from "react";
import { recipientLocale, communityLocale } from "../../i18n/community.ts";
import { FORMAT_TAGS, i18nFor, type Locale } from "../../i18n/index.ts";
import { formatsFor } from "../../utils/format.ts";
import type { Queryable } from "../../../db/client.ts";
import type { DigestRhythm } from "../../../db/tables/mail.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { listOpenOpportunities } from "../advocacy/opportunities.server.ts";
import { contextFor, defineCommand } from "../commands/command.server.ts";
import {
  mostActiveThreads,
  newAnswersToQuestionsOf,
  readableThreadIds,
} from "../discussions/digest-reads.server.ts";
import { listForViewer } from "../early-access/reader.server.ts";
import { enqueue } from "../outbox/queue.server.ts";
import { tierOverview } from "../tiers/standing.server.ts";
import { loadViewer } from "../viewer/viewer.server.ts";
import { composeEmail } from "./compose.server.ts";
import { DEFAULT_DIGEST_RHYTHM } from "./kinds.ts";
import { absoluteUrl, DEFAULT_SITE, type SiteSettings } from "./settings.ts";
import { DigestEmail, type DigestLine, type DigestSections } from "./templates/digest.tsx";

const DAY_MS = 86_400_000;

/** The period a digest covers: its key ("2026-12-02", "2026-W49"), start and wording. */
export function digestPeriod(rhythm: Exclude<DigestRhythm, "off">, now: Date) {
  if (rhythm === "daily")
    return {
      key: now.toISOString().slice(0, 10),
      since: new Date(now.getTime() - DAY_MS),
      label: "in the last day",
    };
  // ISO week: the week that holds this week's Thursday.
  const thursday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / DAY_MS + 1) / 7);
  return {
    key: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`,
    since: new Date(now.getTime() - 7 * DAY_MS),
    label: "this week",
  };
}

/**
 * What one person's digest says, each line judged by the policy for them
 * now: threads they may read, early access by title only when they may
 * open it (by teaser under an unacknowledged NDA), never a body or summary.
 */
export async function digestSections(
  db: Queryable,
  viewer: NonNullable<Viewer>,
  user: { id: number; role: NonNullable<Viewer>["role"] },
  site: SiteSettings,
  window: { since: Date; now: Date },
  locale: Locale = communityLocale(),
): Promise<{ sections: DigestSections; waitingIds: number[] }> {
  const link = (path: string) => absoluteUrl(site, path);
  const { t } = i18nFor(locale);
  const formats = formatsFor(FORMAT_TAGS[locale]);
  const [answers, active, waiting, early, tier] = await Promise.all([
    newAnswersToQuestionsOf(db, viewer, window.since, window.now),
    mostActiveThreads(db, viewer, window.since, window.now),
    db
      .selectFrom("mail_digest_items")
      .select(["id", "subject", "link", "thread_id"])
      .where("user_id", "=", user.id)
      .where("digested_at", "is", null)
      .orderBy("id")
      .limit(50)
      .execute(),
    listForViewer(db, viewer, { now: window.now }),
    tierOverview(db, user, window.now),
  ]);
  const stillReadable = await readableThreadIds(
    db,
    viewer,
    waiting.flatMap((w) => (w.thread_id ? [w.thread_id] : [])),
  );
  const speaking = policy.applyToSpeak(viewer)
    ? (await listOpenOpportunities(db, {}, { now: window.now })).rows.slice(0, 3)
    : [];
  const earlyAccess: DigestLine[] = early.rows.flatMap((item): DigestLine[] => {
    if (item.access === "read" && item.publishedAt && new Date(item.publishedAt) > window.since)
      return [{ text: item.title, href: link(`/early-access/${item.slug}`), note: item.kindLabel }];
    if (item.access === "nda")
      return [{ text: item.teaser, href: link(`/early-access/${item.slug}`), note: item.hint }];
    return [];
  });
  const points = formats.count(tier.standing.balance);
  const standing = [
    tier.current
      ? t("mail.digest.standingWithTier", { points, tier: tier.current.tier.name })
      : t("mail.digest.standing", { points }),
    tier.next ? t("mail.digest.next", { tier: tier.next.tier.name, text: tier.next.text }) : "",
  ].join("");
  return {
    sections: {
      answers: answers.map((thread) => ({
        text: thread.title,
        href: link(thread.url),
        note: t("mail.digest.newAnswers", { count: thread.count }),
      })),
      active: active.map((thread) => ({
        text: thread.title,
        href: link(thread.url),
        note: t("mail.digest.newPosts", { count: thread.count }),
      })),
      waiting: waiting
        .filter((w) => !w.thread_id || stillReadable.has(w.thread_id))
        .map((w) => ({ text: w.subject, href: w.link })),
      speaking: speaking.map((o) => ({
        text: o.title,
        href: link(`/speaking/${o.id}`),
        note: t("mail.digest.speakingNote", {
          event: o.event_name,
          date: formats.day(o.starts_at),
        }),
      })),
      earlyAccess,
      standing,
    },
    waitingIds: waiting.map((w) => w.id),
  };
}

/** Composes one person's digest for the period, once: the period is kept even when there was nothing to say. */
export const composeDigest = defineCommand({
  name: "mail.digest.compose",
  async run(trx, input: { userId: number }, { now, site }) {
    const user = await trx
      .selectFrom("users as u")
      .leftJoin("mail_digest_settings as s", "s.user_id", "u.id")
      .select(["u.id", "u.email", "u.display_name", "u.role", "u.locale", "s.rhythm"])
      .where("u.id", "=", input.userId)
      .executeTakeFirst();
    const rhythm = user?.rhythm ?? DEFAULT_DIGEST_RHYTHM;
    if (!user || rhythm === "off") return "off" as const;
    const period = digestPeriod(rhythm, now);
    const claimed = await trx
      .insertInto("mail_digest_runs")
      .values({ user_id: user.id, period: period.key, sent: false })
      .onConflict((oc) => oc.columns(["user_id", "period"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (!claimed) return "done" as const;
    const viewer = (await loadViewer(trx, { id: user.id, role: user.role }))!;
    const locale = recipientLocale(user.locale);
    const { sections, waitingIds } = await digestSections(
      trx,
      viewer,
      user,
      site,
      { since: period.since, now },
      locale,
    );
    if (waitingIds.length)
      await trx
        .updateTable("mail_digest_items")
        .set({ digested_at: now })
        .where("id", "in", waitingIds)
        .execute();
    const { standing: _standing, ...lists } = sections;
    if (Object.values(lists).every((l) => l.length === 0)) return "empty" as const;
    const outcome = await enqueue(
      trx,
      await composeEmail(site, {
        to: user.email,
        userId: user.id,
        kind: "digest",
        idempotencyKey: `digest:${user.id}:${period.key}`,
        locale,
        subject: (t) => t("mail.digest.subject", { period: rhythm }),
        template: createElement(DigestEmail, {
          recipientName: user.display_name,
          rhythm,
          sections,
          siteUrl: absoluteUrl(site, "/"),
        }),
      }),
      now,
    );
    await trx
      .updateTable("mail_digest_runs")
      .set({ sent: outcome === "queued" })
      .where("user_id", "=", user.id)
      .where("period", "=", period.key)
      .execute();
    return outcome;
  },
});

/**
 * The digest sweep, with an explicit clock: everyone whose digest is on gets
 * one per day or week. Each person is their own transaction, so one failure
 * does not hold back the others.
 */
export async function sendDigests(
  db: Queryable,
  options: { now?: Date; site?: SiteSettings } = {},
): Promise<{ queued: number }> {
  const now = options.now ?? new Date();
  const users = await db
    .selectFrom("users as u")
    .leftJoin("mail_digest_settings as s", "s.user_id", "u.id")
    .select(["u.id", "s.rhythm"])
    .where((eb) => eb.or([eb("s.rhythm", "is", null), eb("s.rhythm", "!=", "off")]))
    .orderBy("u.id")
    .execute();
  const periods = {
    daily: digestPeriod("daily", now).key,
    weekly: digestPeriod("weekly", now).key,
  };
  const done = new Set(
    (
      await db
        .selectFrom("mail_digest_runs")
        .select(["user_id", "period"])
        .where("period", "in", [periods.daily, periods.weekly])
        .execute()
    ).map((r) => `${r.user_id}:${r.period}`),
  );
  let queued = 0;
  for (const { id, rhythm } of users) {
    const period = (rhythm ?? DEFAULT_DIGEST_RHYTHM) === "daily" ? periods.daily : periods.weekly;
    if (done.has(`${id}:${period}`)) continue;
    const outcome = await composeDigest(
      contextFor(db, null, { now, site: options.site ?? DEFAULT_SITE }),
      { userId: id },
    );
    if (outcome === "queued") queued += 1;
  }
  return { queued };
}
