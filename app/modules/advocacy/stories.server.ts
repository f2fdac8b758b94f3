import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { StoryMetric, StoryStatus } from "../../../db/tables/advocacy.ts";
import { InvalidFieldsError as BaseInvalidFieldsError } from "../../utils/errors.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { recordAudit } from "../audit/audit.server.ts";
import { ConflictError, ForbiddenError, NotFoundError, isUniqueViolation } from "../auth/errors.ts";
import type { Actor } from "../auth/users.server.ts";
import { PRODUCT_AREAS, STORY_INDUSTRIES } from "./formats.ts";
import { validateMetrics } from "./metrics.ts";
import { changeWithNotices, type Notice, type Outcome } from "./notices.server.ts";
import { awardStory, reverseAward, storyAwardKey } from "./points.server.ts";
import type { Clock } from "./speaking.server.ts";
import { storySubmissionProblems, type StoryInput } from "./validation.ts";
import { assertStoryTransition, canStory, slugify, STORY_TRANSITIONS } from "./workflow.ts";

export const STORY_PAGE_SIZE = 12;

/** Several fields a person got wrong at once: an incomplete story cannot go to review. */
export class InvalidFieldsError extends BaseInvalidFieldsError {
  constructor(
    fieldErrors: Record<string, string>,
    message = "Some fields need your attention before this story can go to review.",
  ) {
    super(fieldErrors, message);
  }
}

const viewerOf = (actor: Actor): Viewer => ({ id: actor.id, role: actor.role });

const contentColumns = [
  "title",
  "company",
  "industry",
  "product_area",
  "challenge_md",
  "challenge_html",
  "solution_md",
  "solution_html",
  "results_md",
  "results_html",
  "pull_quote",
  "metrics",
] as const;

/** Stored content from the form: markdown rendered and sanitised once, here. */
function contentValues(input: StoryInput) {
  return {
    title: input.title,
    company: input.company,
    industry: input.industry,
    product_area: input.productArea,
    challenge_md: input.challenge,
    challenge_html: renderMarkdown(input.challenge),
    solution_md: input.solution,
    solution_html: renderMarkdown(input.solution),
    results_md: input.results,
    results_html: renderMarkdown(input.results),
    pull_quote: input.pullQuote,
    metrics: JSON.stringify(input.metrics),
  };
}

function checkMetrics(metrics: StoryMetric[]) {
  const { errors } = validateMetrics(metrics);
  if (Object.keys(errors).length)
    throw new InvalidFieldsError(errors, "Some metrics are not valid.");
}

async function uniqueSlug(db: Queryable, title: string): Promise<string> {
  const base = slugify(title);
  const taken = await db
    .selectFrom("case_studies")
    .select("slug")
    .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
    .execute();
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function lockStory(trx: Queryable, id: number) {
  const story = await trx
    .selectFrom("case_studies")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!story) throw new NotFoundError("We could not find that story.");
  return story;
}
type StoryRow = Awaited<ReturnType<typeof lockStory>>;

async function recordEvent(
  trx: Queryable,
  storyId: number,
  actorId: number | null,
  action: string,
  comment = "",
  at = new Date(),
) {
  await trx
    .insertInto("case_study_events")
    .values({ case_study_id: storyId, actor_id: actorId, action, comment, created_at: at })
    .execute();
}

function storyInputOf(
  story: StoryRow,
  consent: boolean,
): Parameters<typeof storySubmissionProblems>[0] {
  return {
    title: story.title,
    company: story.company,
    industry: story.industry,
    productArea: story.product_area,
    challenge: story.challenge_md,
    solution: story.solution_md,
    results: story.results_md,
    metrics: story.metrics,
    consent,
  };
}

/**
 * The author saves a story: a new draft, or changes to their draft (or to a
 * story with changes requested). Editing a published story starts its next
 * version as a draft while the published one stays up. With `submit`, the
 * story also goes to review, in the same transaction, once it is complete.
 */
export async function saveStory(
  db: Queryable,
  actor: Actor,
  target: { id?: number },
  input: StoryInput,
  options: Clock & { submit?: boolean; retried?: boolean } = {},
): Promise<Outcome<{ id: number; slug: string; status: StoryStatus }>> {
  const now = options.now ?? new Date();
  if (!policy.writeStory(viewerOf(actor)))
    throw new ForbiddenError("Only verified customers can write customer stories.");
  checkMetrics(input.metrics);
  if (options.submit) {
    const problems = storySubmissionProblems(input);
    if (Object.keys(problems).length) throw new InvalidFieldsError(problems);
  }
  try {
    return await changeWithNotices(db, { url: "/stories/mine", at: now }, async (trx) => {
      let story: StoryRow;
      if (target.id === undefined) {
        story = await trx
          .insertInto("case_studies")
          .values({
            ...contentValues(input),
            slug: await uniqueSlug(trx, input.title),
            author_id: actor.id,
            status: "draft",
            consent_at: input.consent ? now : null,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordEvent(trx, story.id, actor.id, "created", "", now);
      } else {
        const current = await lockStory(trx, target.id);
        if (!policy.editStory(viewerOf(actor), { authorId: current.author_id }))
          throw new ForbiddenError("Only the author can edit this story.");
        const revising = canStory("revise", current.status);
        if (!revising) assertStoryTransition("edit", current.status);
        story = await trx
          .updateTable("case_studies")
          .set({
            ...contentValues(input),
            status: revising ? STORY_TRANSITIONS.revise.to : current.status,
            consent_at: input.consent ? (current.consent_at ?? now) : null,
            updated_at: now,
          })
          .where("id", "=", current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (revising) await recordEvent(trx, story.id, actor.id, "revision_started", "", now);
      }
      if (options.submit) {
        assertStoryTransition("submit", story.status);
        story = await trx
          .updateTable("case_studies")
          .set({ status: "submitted", submitted_at: now, updated_at: now })
          .where("id", "=", story.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordEvent(trx, story.id, actor.id, "submitted", "", now);
      }
      const notices: Notice[] = [];
      if (options.submit && story.started_by && story.started_by !== actor.id)
        notices.push({
          userId: story.started_by,
          kind: "info",
          title: "A story is ready for review",
          url: `/manage/stories/${story.id}`,
          description: story.title,
        });
      return {
        value: { id: story.id, slug: story.slug, status: story.status },
        notices,
        points: [],
      };
    });
  } catch (error) {
    // Two drafts with the same title at the same moment: the second gets the next free slug.
    if (
      target.id === undefined &&
      !options.retried &&
      isUniqueViolation(error, "case_studies_slug_key")
    )
      return saveStory(db, actor, target, input, { ...options, retried: true });
    throw error;
  }
}

/** Submits a saved draft for review, checking what is stored (consent included). */
export async function submitStory(
  db: Queryable,
  actor: Actor,
  id: number,
  clock: Clock = {},
): Promise<Outcome<{ status: StoryStatus }>> {
  const now = clock.now ?? new Date();
  return changeWithNotices(db, { url: "/stories/mine", at: now }, async (trx) => {
    const story = await lockStory(trx, id);
    if (!policy.editStory(viewerOf(actor), { authorId: story.author_id }))
      throw new ForbiddenError("Only the author can submit this story.");
    assertStoryTransition("submit", story.status);
    const problems = storySubmissionProblems(storyInputOf(story, story.consent_at !== null));
    if (Object.keys(problems).length) throw new InvalidFieldsError(problems);
    await trx
      .updateTable("case_studies")
      .set({ status: "submitted", submitted_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordEvent(trx, id, actor.id, "submitted", "", now);
    return { value: { status: "submitted" }, notices: [], points: [] };
  });
}

function assertReviewer(actor: Actor, story: StoryRow) {
  if (!policy.reviewStory(viewerOf(actor), { authorId: story.author_id }))
    throw new ForbiddenError(
      story.author_id === actor.id
        ? "Another community manager reviews your own story."
        : "Only community managers review stories.",
    );
}

/** A manager sends the story back to its author with what should change. */
export async function requestStoryChanges(
  db: Queryable,
  actor: Actor,
  id: number,
  comment: string,
  clock: Clock = {},
): Promise<Outcome<{ status: StoryStatus }>> {
  const now = clock.now ?? new Date();
  return changeWithNotices(db, { url: "/stories/mine", at: now }, async (trx) => {
    const story = await lockStory(trx, id);
    assertReviewer(actor, story);
    assertStoryTransition("requestChanges", story.status);
    await trx
      .updateTable("case_studies")
      .set({ status: "changes_requested", updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordEvent(trx, id, actor.id, "changes_requested", comment.trim(), now);
    return {
      value: { status: "changes_requested" },
      notices: [
        {
          userId: story.author_id,
          kind: "info",
          title: "Changes requested on your story",
          description: `“${story.title}”: ${comment.trim()}`,
        },
      ],
      points: [],
    };
  });
}

/** Makes the working copy the next published version and points the public page at it. */
async function publishVersion(trx: Queryable, story: StoryRow, actorId: number, now: Date) {
  const last = await trx
    .selectFrom("case_study_versions")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("case_study_id", "=", story.id)
    .executeTakeFirst();
  const version = Number(last?.version ?? 0) + 1;
  const row = await trx
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
      published_by: actorId,
      published_at: now,
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * Goes live: awards the story's points to its author when the story was not
 * live before (a new version of a live story earns nothing more).
 */
async function goLive(
  trx: Queryable,
  story: StoryRow,
  actor: Actor,
  versionId: number,
  now: Date,
): Promise<Outcome<null>["points"]> {
  if (story.award_key) {
    await trx
      .updateTable("case_studies")
      .set({ live_version_id: versionId, status: "published", published_at: now, updated_at: now })
      .where("id", "=", story.id)
      .execute();
    return [];
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
  const entry = await awardStory(
    trx,
    { id: story.id, authorId: story.author_id, title: story.title },
    key,
    actor.id,
    now,
  );
  return [entry];
}

export async function publishStory(
  db: Queryable,
  actor: Actor,
  id: number,
  clock: Clock = {},
): Promise<Outcome<{ status: StoryStatus; version: number }>> {
  const now = clock.now ?? new Date();
  return changeWithNotices(db, { url: "/stories/mine", at: now }, async (trx) => {
    const story = await lockStory(trx, id);
    assertReviewer(actor, story);
    assertStoryTransition("publish", story.status);
    if (!story.consent_at)
      throw new ConflictError("The author has not confirmed they may publish this story.");
    const version = await publishVersion(trx, story, actor.id, now);
    const points = await goLive(trx, story, actor, version.id, now);
    await recordEvent(trx, id, actor.id, "published", `Version ${version.version}`, now);
    await recordAudit(trx, {
      actorId: actor.id,
      action: "stories.published",
      subjectType: "case_study",
      subjectId: id,
      details: {
        version: version.version,
        key: story.award_key ?? storyAwardKey(id, story.publication_count + 1),
      },
    });
    return {
      value: { status: "published", version: version.version },
      notices: [
        {
          userId: story.author_id,
          kind: "success",
          title:
            version.version > 1 ? "Your story's new version is live" : "Your story is published",
          description: `“${story.title}” is in the public story library.`,
        },
      ],
      points,
    };
  });
}

/**
 * A manager declines a story in review, with a reason. Declining the next
 * version of a live story discards that version: the working copy goes back
 * to what is published, and the story stays up.
 */
export async function declineStory(
  db: Queryable,
  actor: Actor,
  id: number,
  reason: string,
  clock: Clock = {},
): Promise<Outcome<{ status: StoryStatus }>> {
  const now = clock.now ?? new Date();
  return changeWithNotices(db, { url: "/stories/mine", at: now }, async (trx) => {
    const story = await lockStory(trx, id);
    assertReviewer(actor, story);
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
      await recordEvent(trx, id, actor.id, "revision_declined", reason.trim(), now);
    } else {
      await trx
        .updateTable("case_studies")
        .set({ status, updated_at: now })
        .where("id", "=", id)
        .execute();
      await recordEvent(trx, id, actor.id, "declined", reason.trim(), now);
    }
    return {
      value: { status },
      notices: [
        {
          userId: story.author_id,
          kind: "info",
          title: story.live_version_id
            ? "The new version of your story was declined"
            : "Your story was declined",
          description: reason.trim(),
        },
      ],
      points: [],
    };
  });
}

/** Takes a live story out of the library and its points back from the author. */
export async function unpublishStory(
  db: Queryable,
  actor: Actor,
  id: number,
  reason: string,
  clock: Clock = {},
): Promise<Outcome<{ status: StoryStatus }>> {
  const now = clock.now ?? new Date();
  return changeWithNotices(db, { url: "/stories/mine", at: now }, async (trx) => {
    const story = await lockStory(trx, id);
    assertReviewer(actor, story);
    if (!story.live_version_id) assertStoryTransition("unpublish", story.status);
    const reversal = story.award_key
      ? await reverseAward(
          trx,
          story.award_key,
          `Story unpublished: ${reason.trim()}`,
          actor.id,
          now,
        )
      : null;
    // A new version in progress carries on; a plain published story becomes unpublished.
    const status: StoryStatus = story.status === "published" ? "unpublished" : story.status;
    await trx
      .updateTable("case_studies")
      .set({ live_version_id: null, award_key: null, status, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordEvent(trx, id, actor.id, "unpublished", reason.trim(), now);
    await recordAudit(trx, {
      actorId: actor.id,
      action: "stories.unpublished",
      subjectType: "case_study",
      subjectId: id,
      reason: reason.trim(),
      details: { reversed: story.award_key },
    });
    return {
      value: { status },
      notices: [
        {
          userId: story.author_id,
          kind: "info",
          title: "Your story was taken out of the library",
          description: reason.trim(),
        },
      ],
      points: [reversal],
    };
  });
}

/** Puts an unpublished story back up (its latest version); its points follow again. */
export async function republishStory(
  db: Queryable,
  actor: Actor,
  id: number,
  clock: Clock = {},
): Promise<Outcome<{ status: StoryStatus }>> {
  const now = clock.now ?? new Date();
  return changeWithNotices(db, { url: "/stories/mine", at: now }, async (trx) => {
    const story = await lockStory(trx, id);
    assertReviewer(actor, story);
    assertStoryTransition("republish", story.status);
    const latest = await trx
      .selectFrom("case_study_versions")
      .select(["id", "version"])
      .where("case_study_id", "=", id)
      .orderBy("version", "desc")
      .executeTakeFirst();
    if (!latest) throw new ConflictError("This story has never been published.");
    const points = await goLive(trx, story, actor, latest.id, now);
    await recordEvent(trx, id, actor.id, "republished", `Version ${latest.version}`, now);
    return {
      value: { status: "published" },
      notices: [
        {
          userId: story.author_id,
          kind: "success",
          title: "Your story is back in the library",
          description: story.title,
        },
      ],
      points,
    };
  });
}

// ---------------------------------------------------------------------------
// Starting a story from a source (a discussion thread; later a survey comment)
// ---------------------------------------------------------------------------

export interface StorySource {
  /** What the text came from: "thread" today, "survey_response" later. */
  sourceType: string;
  sourceId: string | number;
  /** The words to start from; they become the story's challenge. */
  text: string;
  /** The advocate the story is attributed to; they accept before it moves on. */
  advocateId: number;
  /** A working title; the first line of the text when not given. */
  title?: string;
}

function titleFrom(text: string): string {
  const firstLine = text
    .split("\n")
    .map((l) => l.replace(/^[#>*\-\s]+/, "").trim())
    .find(Boolean);
  const title = (firstLine ?? "A customer story").slice(0, 120);
  return title.length >= 5 ? title : `Story: ${title}`;
}

/**
 * A manager starts a story draft for an advocate from something they said:
 * the text is copied in as the challenge and the draft is attributed to the
 * advocate, who must accept it before it can move on.
 */
export async function startStoryFromSource(
  db: Queryable,
  actor: Actor,
  source: StorySource,
  clock: Clock = {},
): Promise<Outcome<{ id: number; slug: string }>> {
  const now = clock.now ?? new Date();
  if (!policy.startStoryFromSource(viewerOf(actor)))
    throw new ForbiddenError("Only community managers can start a story for an advocate.");
  const text = source.text.trim();
  if (!text) throw new InvalidFieldsError({ text: "There is no text to start the story from." });
  if (text.length > 8000)
    throw new InvalidFieldsError({
      text: "The text is too long to start a story from (8,000 characters at most).",
    });
  const sourceId = String(source.sourceId);
  return changeWithNotices(db, { url: "/stories/mine", at: now }, async (trx) => {
    const advocate = await trx
      .selectFrom("users")
      .innerJoin("profiles", "profiles.user_id", "users.id")
      .select(["users.id", "users.role", "profiles.company", "profiles.industry"])
      .where("users.id", "=", source.advocateId)
      .executeTakeFirst();
    if (!advocate) throw new NotFoundError("We could not find that advocate.");
    if (advocate.role !== "advocate")
      throw new InvalidFieldsError({
        advocateId: "Stories are written by verified customers; choose an advocate.",
      });
    const existing = await trx
      .selectFrom("case_studies")
      .select("slug")
      .where("source_type", "=", source.sourceType)
      .where("source_id", "=", sourceId)
      .where("author_id", "=", advocate.id)
      .where("status", "!=", "withdrawn")
      .executeTakeFirst();
    if (existing)
      throw new ConflictError(
        "A story from this source has already been started for this advocate.",
      );
    const title = (source.title?.trim() || titleFrom(text)).slice(0, 140);
    const story = await trx
      .insertInto("case_studies")
      .values({
        slug: await uniqueSlug(trx, title),
        author_id: advocate.id,
        status: "proposed",
        title,
        company: advocate.company,
        industry: (STORY_INDUSTRIES as readonly string[]).includes(advocate.industry)
          ? advocate.industry
          : "",
        challenge_md: text,
        challenge_html: renderMarkdown(text),
        metrics: "[]",
        source_type: source.sourceType,
        source_id: sourceId,
        started_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    await recordEvent(
      trx,
      story.id,
      actor.id,
      "proposed",
      `Started from ${source.sourceType} ${sourceId}`,
      now,
    );
    return {
      value: story,
      notices: [
        {
          userId: advocate.id,
          kind: "info",
          title: "A community manager started a story for you",
          description: `“${title}” — accept it to start editing.`,
        },
      ],
      points: [],
    };
  });
}

/** Reads a discussion thread's title and opening post and starts a story from them. */
export async function startStoryFromThread(
  db: Queryable,
  actor: Actor,
  input: { threadId: number; advocateId: number },
  clock: Clock = {},
) {
  const thread = await db
    .selectFrom("threads")
    .innerJoin("posts", (join) =>
      join.onRef("posts.thread_id", "=", "threads.id").on("posts.is_opening", "=", true),
    )
    .select(["threads.id", "threads.title", "posts.body_md"])
    .where("threads.id", "=", input.threadId)
    .where("threads.deleted_at", "is", null)
    .where("threads.hidden_at", "is", null)
    .executeTakeFirst();
  if (!thread) throw new NotFoundError("We could not find that discussion thread.");
  return startStoryFromSource(
    db,
    actor,
    {
      sourceType: "thread",
      sourceId: thread.id,
      text: thread.body_md,
      title: thread.title,
      advocateId: input.advocateId,
    },
    clock,
  );
}

/** The author accepts (or turns down) a story a manager started for them. */
export async function answerStoryProposal(
  db: Queryable,
  actor: Actor,
  id: number,
  accept: boolean,
  clock: Clock = {},
): Promise<Outcome<{ status: StoryStatus }>> {
  const now = clock.now ?? new Date();
  return changeWithNotices(db, { url: "/stories/mine", at: now }, async (trx) => {
    const story = await lockStory(trx, id);
    if (!policy.editStory(viewerOf(actor), { authorId: story.author_id }))
      throw new ForbiddenError("Only the advocate this story is for can answer.");
    const action = accept ? "accept" : "turnDown";
    assertStoryTransition(action, story.status);
    const status = STORY_TRANSITIONS[action].to;
    await trx
      .updateTable("case_studies")
      .set({ status, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordEvent(trx, id, actor.id, accept ? "accepted" : "turned_down", "", now);
    const notices: Notice[] = story.started_by
      ? [
          {
            userId: story.started_by,
            url: `/manage/stories/${story.id}`,
            kind: "info",
            title: accept
              ? "An advocate accepted a story draft"
              : "An advocate turned down a story draft",
            description: story.title,
          },
        ]
      : [];
    return { value: { status }, notices, points: [] };
  });
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

export async function getStoryBySlug(db: Queryable, slug: string) {
  const story = await db
    .selectFrom("case_studies as s")
    .innerJoin("users as u", "u.id", "s.author_id")
    .innerJoin("profiles as p", "p.user_id", "s.author_id")
    .leftJoin("users as m", "m.id", "s.started_by")
    .selectAll("s")
    .select([
      "u.handle as author_handle",
      "u.display_name as author_name",
      "p.job_title as author_job_title",
      "p.is_public as author_public",
      "m.display_name as started_by_name",
    ])
    .where("s.slug", "=", slug)
    .executeTakeFirst();
  if (!story) throw new NotFoundError("We could not find that story.");
  return story;
}
export type StoryWithAuthor = Awaited<ReturnType<typeof getStoryBySlug>>;

export async function getStoryById(db: Queryable, id: number) {
  const row = await db
    .selectFrom("case_studies")
    .select("slug")
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError("We could not find that story.");
  return getStoryBySlug(db, row.slug);
}

/** The published version of a story, as the public sees it; 404 when it is not live. */
export async function getPublishedStory(db: Queryable, slug: string) {
  const story = await db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .innerJoin("profiles as p", "p.user_id", "s.author_id")
    .select([
      "s.id",
      "s.slug",
      "s.author_id",
      "s.status",
      "v.version",
      "v.published_at",
      ...contentColumns.map((c) => `v.${c}` as const),
      "u.handle as author_handle",
      "u.display_name as author_name",
      "p.job_title as author_job_title",
      "p.is_public as author_public",
    ])
    .where("s.slug", "=", slug)
    .executeTakeFirst();
  if (!story) throw new NotFoundError("We could not find that story.");
  return story;
}

export interface StoryFilters {
  q?: string;
  industry?: string;
  productArea?: string;
  page?: number;
}

/** The public library: live stories, newest first, with their headline metric. */
export async function listPublishedStories(db: Queryable, filters: StoryFilters) {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  let query = db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .innerJoin("users as u", "u.id", "s.author_id");
  if (filters.industry) query = query.where("v.industry", "=", filters.industry);
  if (filters.productArea) query = query.where("v.product_area", "=", filters.productArea);
  const q = filters.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb("v.title", "ilike", pattern),
        eb("v.company", "ilike", pattern),
        eb("v.pull_quote", "ilike", pattern),
        eb("v.challenge_md", "ilike", pattern),
        eb("v.solution_md", "ilike", pattern),
        eb("v.results_md", "ilike", pattern),
        eb("u.display_name", "ilike", pattern),
        sql<boolean>`v.metrics::text ilike ${pattern}`,
      ]),
    );
  }
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await query
    .select([
      "s.id",
      "s.slug",
      "v.title",
      "v.company",
      "v.industry",
      "v.product_area",
      "v.pull_quote",
      "v.metrics",
      "v.published_at",
      "u.handle as author_handle",
      "u.display_name as author_name",
    ])
    .orderBy("s.published_at", "desc")
    .orderBy("s.id", "desc")
    .limit(STORY_PAGE_SIZE)
    .offset((page - 1) * STORY_PAGE_SIZE)
    .execute();
  return {
    rows,
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / STORY_PAGE_SIZE)),
  };
}

/** Industries and product areas that have live stories, in catalogue order. */
export async function storyFacets(db: Queryable) {
  const rows = await db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .select(["v.industry", "v.product_area"])
    .execute();
  const industries = new Set(rows.map((r) => r.industry));
  const areas = new Set(rows.map((r) => r.product_area));
  return {
    industries: STORY_INDUSTRIES.filter((i) => industries.has(i)),
    productAreas: PRODUCT_AREAS.filter((a) => areas.has(a)),
  };
}

export async function listOwnStories(db: Queryable, authorId: number) {
  return db
    .selectFrom("case_studies")
    .select(["id", "slug", "title", "status", "live_version_id", "updated_at", "metrics"])
    .where("author_id", "=", authorId)
    .orderBy("updated_at", "desc")
    .execute();
}

/** Live stories by one author, for their profile. */
export async function listStoriesForProfile(db: Queryable, authorId: number) {
  return db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .select(["s.id", "s.slug", "v.title", "v.company", "v.metrics", "s.published_at"])
    .where("s.author_id", "=", authorId)
    .orderBy("s.published_at", "desc")
    .execute();
}

/** Stories by review state, for the managers' queue. */
export async function listStoriesForReview(db: Queryable, statuses: StoryStatus[], limit = 50) {
  return db
    .selectFrom("case_studies as s")
    .innerJoin("users as u", "u.id", "s.author_id")
    .select([
      "s.id",
      "s.slug",
      "s.title",
      "s.company",
      "s.status",
      "s.live_version_id",
      "s.submitted_at",
      "s.updated_at",
      "u.handle as author_handle",
      "u.display_name as author_name",
    ])
    .where("s.status", "in", statuses)
    .orderBy("s.updated_at", "desc")
    .limit(limit)
    .execute();
}

export async function listStoryEvents(db: Queryable, storyId: number) {
  return db
    .selectFrom("case_study_events as e")
    .leftJoin("users as u", "u.id", "e.actor_id")
    .select([
      "e.id",
      "e.action",
      "e.comment",
      "e.created_at",
      "u.display_name as actor_name",
      "u.handle as actor_handle",
    ])
    .where("e.case_study_id", "=", storyId)
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .execute();
}

export async function listStoryVersions(db: Queryable, storyId: number) {
  return db
    .selectFrom("case_study_versions as v")
    .leftJoin("users as u", "u.id", "v.published_by")
    .select([
      "v.id",
      "v.version",
      "v.title",
      "v.published_at",
      "u.display_name as published_by_name",
    ])
    .where("v.case_study_id", "=", storyId)
    .orderBy("v.version", "desc")
    .execute();
}

/** The manager comment the author should act on now (the latest request for changes). */
export function latestReviewNote(
  events: { action: string; comment: string }[],
): { action: string; comment: string } | null {
  return (
    events.find((e) => ["changes_requested", "declined", "revision_declined"].includes(e.action)) ??
    null
  );
}
