import { advocateForWebhook } from "../integrations/payloads.server.ts";
import { sendWebhookLater } from "../integrations/webhooks.server.ts";
import type { Queryable } from "../../../db/client.ts";
import type { StoryStatus } from "../../../db/tables/advocacy.ts";
import { ConflictError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import type { Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { revokeCredentialsLater } from "../credentials/revoke.server.ts";
import type { Effects } from "../commands/effects.server.ts";
import { StoryReviewedEmail } from "../mail/templates/advocacy.tsx";
import { mailPerson } from "../mail/to-person.server.ts";
import { announceAwards } from "../reputation/ledger.server.ts";
import { awardStory, reverseAward, storyAwardKey } from "./points.server.ts";
import {
  MY_STORIES,
  contentColumns,
  lockStory,
  recordEvent,
  storySubject,
  type StoryRow,
} from "./story-rows.server.ts";
import { assertStoryTransition } from "./workflow.ts";

/** The story locked for a review decision, once the policy says this viewer may review it. */
async function storyToReview(trx: Queryable, viewer: Viewer, id: number) {
  const story = await lockStory(trx, id);
  ensure("reviewStory", viewer, storySubject(story));
  return { story, reviewer: viewer };
}

/** A manager sends the story back to its author with what should change. */
export const requestStoryChanges = defineCommand({
  name: "story.request_changes",
  async run(trx, { id, comment }: { id: number; comment: string }, { viewer, effects, now }) {
    const { story, reviewer } = await storyToReview(trx, viewer, id);
    assertStoryTransition("requestChanges", story.status);
    await trx
      .updateTable("case_studies")
      .set({ status: "changes_requested", updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordEvent(trx, id, reviewer.id, "changes_requested", comment.trim(), now);
    effects.notify({
      userId: story.author_id,
      kind: "info",
      title: "Changes requested on your story",
      description: `“${story.title}”: ${comment.trim()}`,
      url: MY_STORIES,
    });
    mailStoryReview(effects, story, "changes_requested", comment.trim(), now);
    return { status: "changes_requested" as StoryStatus };
  },
});

/** Makes the working copy the next published version and points the public page at it. */
async function publishVersion(trx: Queryable, story: StoryRow, actorId: number, now: Date) {
  const last = await trx
    .selectFrom("case_study_versions")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("case_study_id", "=", story.id)
    .executeTakeFirst();
  const version = Number(last?.version ?? 0) + 1;
  return trx
    .insertInto("case_study_versions")
    .values({
      case_study_id: story.id,
      version,
      title: story.title,
      company: story.company,
      industry: story.industry,
      product_area: story.product_area,
      challenge_md: story.challenge_md,
      challenge_html: story.challenge_html,
      solution_md: story.solution_md,
      solution_html: story.solution_html,
      results_md: story.results_md,
      results_html: story.results_html,
      pull_quote: story.pull_quote,
      metrics: JSON.stringify(story.metrics),
      video_url: story.video_url,
      video_transcript: story.video_transcript,
      language: story.language,
      published_by: actorId,
      published_at: now,
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
}

/**
 * Goes live: awards the story's points to its author when the story was not
 * live before (a new version of a live story earns nothing more).
 */
async function goLive(
  trx: Queryable,
  story: StoryRow,
  actorId: number,
  versionId: number,
  now: Date,
) {
  if (story.award_key) {
    await trx
      .updateTable("case_studies")
      .set({ live_version_id: versionId, status: "published", published_at: now, updated_at: now })
      .where("id", "=", story.id)
      .execute();
    return null;
  }
  const publication = story.publication_count + 1;
  const key = storyAwardKey(story.id, publication);
  await trx
    .updateTable("case_studies")
    .set({
      live_version_id: versionId,
      status: "published",
      published_at: now,
      publication_count: publication,
      award_key: key,
      updated_at: now,
    })
    .where("id", "=", story.id)
    .execute();
  return awardStory(
    trx,
    { id: story.id, authorId: story.author_id, title: story.title },
    key,
    actorId,
    now,
  );
}

export const publishStory = defineCommand({
  name: "story.publish",
  async run(trx, { id }: { id: number }, { viewer, effects, now }) {
    const { story, reviewer } = await storyToReview(trx, viewer, id);
    assertStoryTransition("publish", story.status);
    if (!story.consent_at)
      throw new ConflictError("The author has not confirmed they may publish this story.");
    const version = await publishVersion(trx, story, reviewer.id, now);
    announceAwards(effects, await goLive(trx, story, reviewer.id, version.id, now));
    await recordEvent(trx, id, reviewer.id, "published", `Version ${version.version}`, now);
    effects.audit({
      actorId: reviewer.id,
      action: "stories.published",
      subjectType: "case_study",
      subjectId: id,
      details: {
        version: version.version,
        key: story.award_key ?? storyAwardKey(id, story.publication_count + 1),
      },
    });
    effects.notify({
      userId: story.author_id,
      kind: "success",
      title: version.version > 1 ? "Your story's new version is live" : "Your story is published",
      description: `“${story.title}” is in the public story library.`,
      url: MY_STORIES,
    });
    sendWebhookLater(effects, "story.published", async (trx) => ({
      story: { id, title: story.title, version: version.version, publishedAt: now.toISOString() },
      author: await advocateForWebhook(trx, story.author_id),
    }));
    mailStoryReview(effects, story, "published", "", now);
    return { status: "published" as StoryStatus, version: version.version };
  },
});

/**
 * A manager declines a story in review, with a reason. Declining the next
 * version of a live story discards that version: the working copy goes back
 * to what is published, and the story stays up.
 */
export const declineStory = defineCommand({
  name: "story.decline",
  async run(trx, { id, reason }: { id: number; reason: string }, { viewer, effects, now }) {
    const { story, reviewer } = await storyToReview(trx, viewer, id);
    assertStoryTransition("decline", story.status);
    let status: StoryStatus = "declined";
    if (story.live_version_id) {
      const live = await trx
        .selectFrom("case_study_versions")
        .select(contentColumns)
        .where("id", "=", story.live_version_id)
        .executeTakeFirstOrThrow();
      status = "published";
      await trx
        .updateTable("case_studies")
        .set({ ...live, metrics: JSON.stringify(live.metrics), status, updated_at: now })
        .where("id", "=", id)
        .execute();
      await recordEvent(trx, id, reviewer.id, "revision_declined", reason.trim(), now);
    } else {
      await trx
        .updateTable("case_studies")
        .set({ status, updated_at: now })
        .where("id", "=", id)
        .execute();
      await recordEvent(trx, id, reviewer.id, "declined", reason.trim(), now);
    }
    effects.notify({
      userId: story.author_id,
      kind: "info",
      title: story.live_version_id
        ? "The new version of your story was declined"
        : "Your story was declined",
      description: reason.trim(),
      url: MY_STORIES,
    });
    mailStoryReview(effects, story, "declined", reason.trim(), now);
    return { status };
  },
});

/** The author hears of each review decision by mail, with the reviewer's note. */
function mailStoryReview(
  effects: Effects,
  story: { id: number; author_id: number; title: string },
  outcome: "changes_requested" | "published" | "declined",
  note: string,
  now: Date,
) {
  mailPerson(effects, {
    userId: story.author_id,
    kind: "story_reviewed",
    idempotencyKey: `story_reviewed:${story.id}:${outcome}:${now.getTime()}`,
    subject: (t) =>
      ({
        changes_requested: t("mail.storyReviewed.changesRequestedSubject"),
        published: t("mail.storyReviewed.publishedSubject"),
        declined: t("mail.storyReviewed.declinedSubject"),
      })[outcome],
    template: (person, link) =>
      StoryReviewedEmail({
        name: person.name,
        storyTitle: story.title,
        outcome,
        note,
        link: link(MY_STORIES),
      }),
  });
}

/** Takes a live story out of the library and its points back from the author. */
export const unpublishStory = defineCommand({
  name: "story.unpublish",
  async run(trx, { id, reason }: { id: number; reason: string }, { viewer, effects, now }) {
    const { story, reviewer } = await storyToReview(trx, viewer, id);
    const why = reason.trim();
    if (!story.live_version_id) assertStoryTransition("unpublish", story.status);
    const reversal = story.award_key
      ? await reverseAward(trx, story.award_key, `Story unpublished: ${why}`, reviewer.id, now)
      : null;
    // A new version in progress carries on; a plain published story becomes unpublished.
    const status: StoryStatus = story.status === "published" ? "unpublished" : story.status;
    await trx
      .updateTable("case_studies")
      .set({ live_version_id: null, award_key: null, status, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordEvent(trx, id, reviewer.id, "unpublished", why, now);
    announceAwards(effects, reversal);
    revokeCredentialsLater(effects, { type: "case_study", id }, `Story unpublished: ${why}`);
    effects.audit({
      actorId: reviewer.id,
      action: "stories.unpublished",
      subjectType: "case_study",
      subjectId: id,
      reason: why,
      details: { reversed: story.award_key },
    });
    effects.notify({
      userId: story.author_id,
      kind: "info",
      title: "Your story was taken out of the library",
      description: why,
      url: MY_STORIES,
    });
    return { status };
  },
});

/** Puts an unpublished story back up (its latest version); its points follow again. */
export const republishStory = defineCommand({
  name: "story.republish",
  async run(trx, { id }: { id: number }, { viewer, effects, now }) {
    const { story, reviewer } = await storyToReview(trx, viewer, id);
    assertStoryTransition("republish", story.status);
    const latest = await trx
      .selectFrom("case_study_versions")
      .select(["id", "version"])
      .where("case_study_id", "=", id)
      .orderBy("version", "desc")
      .executeTakeFirst();
    if (!latest) throw new ConflictError("This story has never been published.");
    announceAwards(effects, await goLive(trx, story, reviewer.id, latest.id, now));
    await recordEvent(trx, id, reviewer.id, "republished", `Version ${latest.version}`, now);
    effects.notify({
      userId: story.author_id,
      kind: "success",
      title: "Your story is back in the library",
      description: story.title,
      url: MY_STORIES,
    });
    return { status: "published" as StoryStatus };
  },
});
