import type { StoryStatus } from "../../../db/tables/advocacy.ts";
import { ConflictError, NotFoundError, isUniqueViolation } from "../../utils/errors.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { allowed, ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { threadForStory } from "../discussions/story-sources.server.ts";
import { STORY_INDUSTRIES } from "./formats.ts";
import {
  InvalidFieldsError,
  MY_STORIES,
  checkMetrics,
  contentValues,
  lockStory,
  recordEvent,
  storySubject,
  uniqueSlug,
  type StoryRow,
} from "./story-rows.server.ts";
import { storySubmissionProblems, type StoryInput } from "./validation.ts";
import { assertStoryTransition, canStory, STORY_TRANSITIONS } from "./workflow.ts";

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

export interface SaveStoryInput {
  /** The story to change; a new draft when not given. */
  id?: number;
  story: StoryInput;
  /** Also send it to review, in the same transaction, once it is complete. */
  submit?: boolean;
}

/**
 * The author saves a story: a new draft, or changes to their draft (or to a
 * story with changes requested). Editing a published story starts its next
 * version as a draft while the published one stays up. With `submit`, the
 * story also goes to review, in the same transaction, once it is complete.
 */
export const saveStory = defineCommand({
  name: "story.save",
  authorize(viewer, { story: input, submit }: SaveStoryInput) {
    ensure("writeStory", viewer);
    checkMetrics(input.metrics);
    if (submit) {
      const problems = storySubmissionProblems(input);
      if (Object.keys(problems).length) throw new InvalidFieldsError(problems);
    }
  },
  async run(
    trx,
    { id, story: input, submit },
    { viewer, effects, now },
  ): Promise<{ id: number; slug: string; status: StoryStatus }> {
    ensure("writeStory", viewer);
    let story: StoryRow;
    if (id === undefined) {
      story = await trx
        .insertInto("case_studies")
        .values({
          ...contentValues(input),
          slug: await uniqueSlug(trx, input.title),
          author_id: viewer.id,
          status: "draft",
          consent_at: input.consent ? now : null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(trx, story.id, viewer.id, "created", "", now);
    } else {
      const current = await lockStory(trx, id);
      ensure("editStory", viewer, storySubject(current));
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
      if (revising) await recordEvent(trx, story.id, viewer.id, "revision_started", "", now);
    }
    if (submit) {
      assertStoryTransition("submit", story.status);
      story = await trx
        .updateTable("case_studies")
        .set({ status: "submitted", submitted_at: now, updated_at: now })
        .where("id", "=", story.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(trx, story.id, viewer.id, "submitted", "", now);
      if (story.started_by && story.started_by !== viewer.id)
        effects.notify({
          userId: story.started_by,
          kind: "info",
          title: "A story is ready for review",
          url: `/manage/stories/${story.id}`,
          description: story.title,
        });
    }
    return { id: story.id, slug: story.slug, status: story.status };
  },
  // Two drafts with the same title at the same moment: the second gets the next free slug.
  retryOn: (error) => isUniqueViolation(error, "case_studies_slug_key"),
});

/** Submits a saved draft for review, checking what is stored (consent included). */
export const submitStory = defineCommand({
  name: "story.submit",
  async run(trx, { id }: { id: number }, { viewer, now }) {
    const story = await lockStory(trx, id);
    ensure("editStory", viewer, storySubject(story));
    assertStoryTransition("submit", story.status);
    const problems = storySubmissionProblems(storyInputOf(story, story.consent_at !== null));
    if (Object.keys(problems).length) throw new InvalidFieldsError(problems);
    await trx
      .updateTable("case_studies")
      .set({ status: "submitted", submitted_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordEvent(trx, id, viewer.id, "submitted", "", now);
    return { status: "submitted" as StoryStatus };
  },
});

/** The author accepts (or turns down) a story a manager started for them. */
export const answerStoryProposal = defineCommand({
  name: "story.answer_proposal",
  async run(trx, { id, accept }: { id: number; accept: boolean }, { viewer, effects, now }) {
    const story = await lockStory(trx, id);
    ensure("editStory", viewer, storySubject(story));
    const action = accept ? "accept" : "turnDown";
    assertStoryTransition(action, story.status);
    const status = STORY_TRANSITIONS[action].to;
    await trx
      .updateTable("case_studies")
      .set({ status, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordEvent(trx, id, viewer.id, accept ? "accepted" : "turned_down", "", now);
    if (story.started_by)
      effects.notify({
        userId: story.started_by,
        url: `/manage/stories/${story.id}`,
        kind: "info",
        title: accept
          ? "An advocate accepted a story draft"
          : "An advocate turned down a story draft",
        description: story.title,
      });
    return { status };
  },
});

// ---------------------------------------------------------------------------
// Starting a story from a source (a discussion thread, a survey comment)
// ---------------------------------------------------------------------------

export interface StorySource {
  /** What the text came from: "thread", "survey_response". */
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
export const startStoryFromSource = defineCommand({
  name: "story.start_from_source",
  authorize(viewer, source: StorySource) {
    ensure("startStoryFromSource", viewer);
    const text = source.text.trim();
    if (!text) throw new InvalidFieldsError({ text: "There is no text to start the story from." });
    if (text.length > 8000)
      throw new InvalidFieldsError({
        text: "The text is too long to start a story from (8,000 characters at most).",
      });
  },
  async run(trx, source, { viewer, effects, now }): Promise<{ id: number; slug: string }> {
    ensure("startStoryFromSource", viewer);
    const text = source.text.trim();
    const sourceId = String(source.sourceId);
    const advocate = await trx
      .selectFrom("users")
      .innerJoin("profiles", "profiles.user_id", "users.id")
      .select(["users.id", "users.role", "profiles.company", "profiles.industry"])
      .where("users.id", "=", source.advocateId)
      .executeTakeFirst();
    if (!advocate) throw new NotFoundError("We could not find that advocate.");
    // The story will be theirs to write, so they must be someone who may write one.
    if (!allowed("writeStory", { id: advocate.id, role: advocate.role }))
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
        started_by: viewer.id,
        created_at: now,
        updated_at: now,
      })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    await recordEvent(
      trx,
      story.id,
      viewer.id,
      "proposed",
      `Started from ${source.sourceType} ${sourceId}`,
      now,
    );
    effects.notify({
      userId: advocate.id,
      kind: "info",
      title: "A community manager started a story for you",
      description: `“${title}” — accept it to start editing.`,
      url: MY_STORIES,
    });
    return story;
  },
  retryOn: (error) => isUniqueViolation(error, "case_studies_slug_key"),
});

/** Starts a story from a discussion thread's title and opening post. */
export const startStoryFromThread = defineCommand({
  name: "story.start_from_thread",
  async run(trx, input: { threadId: number; advocateId: number }, { nested }) {
    const thread = await threadForStory(trx, input.threadId);
    if (!thread) throw new NotFoundError("We could not find that discussion thread.");
    return nested(startStoryFromSource, {
      sourceType: "thread",
      sourceId: thread.id,
      text: thread.text,
      title: thread.title,
      advocateId: input.advocateId,
    });
  },
});
