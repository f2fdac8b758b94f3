import { detectWrittenIn } from "../languages/written-in.ts";
import type { Queryable } from "../../../db/client.ts";
import type { StoryMetric } from "../../../db/tables/advocacy.ts";
import { InvalidFieldsError as BaseInvalidFieldsError, NotFoundError } from "../../utils/errors.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { validateMetrics } from "./metrics.ts";
import type { StoryInput } from "./validation.ts";
import { slugify } from "./workflow.ts";

/** Several fields a person got wrong at once: an incomplete story cannot go to review. */
export class InvalidFieldsError extends BaseInvalidFieldsError {
  constructor(
    fieldErrors: Record<string, string>,
    message = "Some fields need your attention before this story can go to review.",
  ) {
    super(fieldErrors, message);
  }
}

/** The columns a story's working copy and each published version share. */
export const contentColumns = [
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
  "video_url",
  "video_transcript",
] as const;

/** Stored content from the form: markdown rendered and sanitised once, here. */
export function contentValues(input: StoryInput) {
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
    video_url: input.videoUrl,
    video_transcript: input.videoTranscript,
    language:
      input.language ??
      detectWrittenIn([input.title, input.challenge, input.solution].join("\n"), "en"),
  };
}

export function checkMetrics(metrics: StoryMetric[]) {
  const { errors } = validateMetrics(metrics);
  if (Object.keys(errors).length)
    throw new InvalidFieldsError(errors, "Some metrics are not valid.");
}

export async function uniqueSlug(db: Queryable, title: string): Promise<string> {
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

export async function lockStory(trx: Queryable, id: number) {
  const story = await trx
    .selectFrom("case_studies")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!story) throw new NotFoundError("We could not find that story.");
  return story;
}
export type StoryRow = Awaited<ReturnType<typeof lockStory>>;

/** What the policy weighs about a story. */
export const storySubject = (story: { author_id: number }) => ({ authorId: story.author_id });

/** One line in the story's own history, which its author and the reviewers read. */
export async function recordEvent(
  trx: Queryable,
  storyId: number,
  actorId: number | null,
  action: string,
  comment: string,
  at: Date,
) {
  await trx
    .insertInto("case_study_events")
    .values({ case_study_id: storyId, actor_id: actorId, action, comment, created_at: at })
    .execute();
}

/** Where an author's story notices lead unless they name a page. */
export const MY_STORIES = "/stories/mine";
