import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { ConflictError, FieldError, NotFoundError } from "../../utils/errors.ts";
import { paginate } from "../../utils/paginate.ts";
import { ensure } from "../access/ensure.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { startStoryFromSource } from "../advocacy/story-writing.server.ts";
import { defineCommand } from "../commands/command.server.ts";
import { composeEmail } from "../mail/compose.server.ts";
import { mailLocaleOf } from "../profiles/language.server.ts";
import { absoluteUrl } from "../mail/settings.ts";
import { TestimonialPublishedEmail } from "../mail/templates/surveys.tsx";
import { sendLater } from "../outbox/queue.server.ts";
import { finishMoment, openMoment } from "../promoters/surveys/answer.server.ts";
import { hashLinkToken, isLinkTokenShape, newLinkToken } from "../promoters/surveys/tokens.ts";
import { creditLine, shareLinks, type RecommendationInput } from "./validation.ts";

export const WALL_PAGE_SIZE = 24;

/**
 * A promoter publishes a recommendation from the page after their answer:
 * their words, credited as they chose, with explicit consent. Only a
 * promoter's answer opens this step; nothing is awarded for it. The author
 * is mailed a link that withdraws it at any time.
 */
export const publishRecommendation = defineCommand({
  name: "testimonial.publish",
  async run(trx, input: RecommendationInput & { token: string }, { effects, now, site }) {
    if (input.consent !== "yes")
      throw new FieldError("consent", "Without your consent, nothing is published.");
    const moment = await openMoment(trx, input.token, "promoter");
    const withdrawToken = newLinkToken();
    const withdrawHash = hashLinkToken(withdrawToken);
    const account = await trx
      .selectFrom("users")
      .select("id")
      .where(sql<string>`lower(email)`, "=", moment.email.toLowerCase())
      .executeTakeFirst();
    const row = await trx
      .insertInto("testimonials")
      .values({
        response_id: moment.responseId,
        author_email: moment.email.toLowerCase(),
        user_id: account?.id ?? null,
        body: input.body,
        credit: input.credit,
        credit_line: creditLine(input),
        industry: input.industry,
        product_area: input.productArea,
        score: moment.score,
        consented_at: now,
        withdraw_token_hash: withdrawHash,
      })
      .returning(["id", "body", "credit_line"])
      .executeTakeFirstOrThrow();
    await finishMoment(trx, moment.recipientId, now);
    const pageUrl = absoluteUrl(site, `/testimonials/${row.id}`);
    sendLater(effects, async (mailTrx) =>
      composeEmail(site, {
        to: moment.email,
        userId: account?.id ?? null,
        kind: "testimonial_published",
        idempotencyKey: `testimonial_published:${row.id}`,
        locale: await mailLocaleOf(mailTrx, account?.id ?? null),
        subject: (t) => t("mail.testimonialPublished.subject"),
        template: TestimonialPublishedEmail({
          name: moment.name,
          body: row.body,
          wallLink: pageUrl,
          withdrawLink: absoluteUrl(site, `/testimonials/withdraw/${withdrawToken}`),
        }),
      }),
    );
    effects.audit({
      actorId: account?.id ?? null,
      action: "testimonial.published",
      subjectType: "testimonial",
      subjectId: row.id,
    });
    return {
      id: row.id,
      pageUrl,
      share: shareLinks(pageUrl, row.body),
      hasAccount: Boolean(account),
    };
  },
});

/** Withdraws a testimonial with the link from its mail, or by its signed-in author. Gone everywhere. */
export const withdrawTestimonial = defineCommand({
  name: "testimonial.withdraw",
  async run(trx, input: { token?: string; id?: number }, { viewer, effects, now }) {
    let query = trx.selectFrom("testimonials").select(["id", "withdrawn_at", "user_id"]);
    if (input.token) {
      if (!isLinkTokenShape(input.token))
        throw new NotFoundError("This withdrawal link is not valid.");
      query = query.where("withdraw_token_hash", "=", hashLinkToken(input.token));
    } else {
      if (!viewer) throw new FieldError("id", "Sign in to withdraw your testimonial.", 401);
      query = query.where("id", "=", input.id ?? 0).where("user_id", "=", viewer.id);
    }
    const found = await query.forUpdate().executeTakeFirst();
    if (!found) throw new NotFoundError("This withdrawal link is not valid.");
    if (found.withdrawn_at) return { id: found.id, already: true };
    await trx
      .updateTable("testimonials")
      .set({ withdrawn_at: now })
      .where("id", "=", found.id)
      .execute();
    effects.audit({
      actorId: viewer?.id ?? found.user_id,
      action: "testimonial.withdrawn",
      subjectType: "testimonial",
      subjectId: found.id,
    });
    return { id: found.id, already: false };
  },
});

const published = (db: Queryable) =>
  db
    .selectFrom("testimonials as t")
    .leftJoin("users as u", "u.id", "t.user_id")
    .leftJoin("profiles as p", "p.user_id", "t.user_id")
    .where("t.withdrawn_at", "is", null);

// A profile link only when the author's profile is public and they did not choose initials only.
const profileHandle = sql<
  string | null
>`case when p.is_public and t.credit <> 'initials' then u.handle end`.as("handle");

const wallColumns = [
  "t.id",
  "t.body",
  "t.credit_line",
  "t.industry",
  "t.product_area",
  "t.score",
  "t.created_at",
  "t.story_id",
  "t.user_id",
] as const;

/** The public wall, newest first, filtered by industry and product area. */
export async function listWall(
  db: Queryable,
  filter: { industry?: string; productArea?: string; page: number },
) {
  const base = () => {
    let q = published(db);
    if (filter.industry) q = q.where("t.industry", "=", filter.industry);
    if (filter.productArea) q = q.where("t.product_area", "=", filter.productArea);
    return q;
  };
  return paginate(filter.page, WALL_PAGE_SIZE, {
    rows: (limit, offset) =>
      base()
        .select(wallColumns)
        .select(profileHandle)
        .orderBy("t.created_at", "desc")
        .orderBy("t.id", "desc")
        .limit(limit)
        .offset(offset)
        .execute(),
    count: () =>
      base()
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
  });
}

export async function getTestimonial(db: Queryable, id: number) {
  return published(db)
    .select(wallColumns)
    .select(profileHandle)
    .where("t.id", "=", id)
    .executeTakeFirst();
}

/**
 * The block on an advocate's profile: their published testimonials. One
 * credited by initials only stays anonymous, so it is never tied to a profile.
 */
export async function testimonialsOf(db: Queryable, viewer: Viewer, userId: number) {
  if (!policy.readTestimonials(viewer)) return [];
  return published(db)
    .select(["t.id", "t.body", "t.credit_line", "t.created_at"])
    .where("t.user_id", "=", userId)
    .where("t.credit", "<>", "initials")
    .orderBy("t.created_at", "desc")
    .limit(5)
    .execute();
}

/** The author's own testimonials, for /settings. */
export async function myTestimonials(db: Queryable, userId: number) {
  return db
    .selectFrom("testimonials")
    .select(["id", "body", "credit_line", "created_at", "withdrawn_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .execute();
}

/**
 * A manager starts a case-study draft from a testimonial in one click: the
 * existing story workflow, with the author as its writer (they must have an
 * account as a verified customer).
 */
export const startCaseStudyFromTestimonial = defineCommand({
  name: "testimonial.start_story",
  authorize(viewer) {
    ensure("manageTestimonials", viewer);
  },
  async run(trx, input: { id: number }, { viewer, effects, nested }) {
    ensure("manageTestimonials", viewer);
    const t = await trx
      .selectFrom("testimonials")
      .select(["id", "body", "user_id", "story_id", "withdrawn_at"])
      .where("id", "=", input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!t || t.withdrawn_at) throw new NotFoundError("That testimonial does not exist.");
    if (t.story_id)
      throw new ConflictError("A case study was already started from this testimonial.");
    if (!t.user_id)
      throw new ConflictError(
        "The author has no account yet: a case study is theirs to write, so invite them to join first.",
      );
    const story = await nested(startStoryFromSource, {
      sourceType: "testimonial",
      sourceId: t.id,
      text: t.body,
      advocateId: t.user_id,
    });
    await trx
      .updateTable("testimonials")
      .set({ story_id: story.id })
      .where("id", "=", t.id)
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: "testimonial.story_started",
      subjectType: "testimonial",
      subjectId: t.id,
      details: { story: story.id },
    });
    return story;
  },
});
