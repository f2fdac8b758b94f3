import type { Queryable } from "../../../db/client.ts";
import { policy } from "../access/policy.ts";
import { headlineMetric, type StoryMetric } from "../advocacy/metrics.ts";
import { STORY_INDUSTRIES } from "../advocacy/formats.ts";
import { listPublishedStories } from "../advocacy/story-queries.server.ts";
import { listWall } from "../testimonials/testimonials.server.ts";

/** How much of each list a widget shows; the rest is one link away. */
export const WALL_STORIES = 6;
export const WALL_TESTIMONIALS = 9;

export interface EmbedWall {
  industry: string;
  stories: { slug: string; title: string; company: string; metric: StoryMetric | null }[];
  storyTotal: number;
  testimonials: { id: number; body: string; creditLine: string }[];
  testimonialTotal: number;
}

/** The query string's industry: one from the list, or none for everything. Unknown ones are refused. */
export function wallIndustry(value: string | null): string | null {
  if (!value) return "";
  return (STORY_INDUSTRIES as readonly string[]).includes(value) ? value : null;
}

/**
 * The wall another website frames, read as an anonymous visitor: live
 * stories and testimonials that have not been withdrawn, newest first. The
 * policy decides each list, so a rule that closes the public wall or the
 * library empties the widget too.
 */
export async function loadEmbedWall(db: Queryable, industry: string): Promise<EmbedWall> {
  const anonymous = null;
  const [stories, testimonials] = await Promise.all([
    policy.readPublishedStories(anonymous)
      ? listPublishedStories(db, { industry: industry || undefined })
      : null,
    policy.readTestimonials(anonymous)
      ? listWall(db, { industry: industry || undefined, page: 1 })
      : null,
  ]);
  return {
    industry,
    stories: (stories?.rows ?? []).slice(0, WALL_STORIES).map((s) => ({
      slug: s.slug,
      title: s.title,
      company: s.company,
      metric: headlineMetric(s.metrics),
    })),
    storyTotal: stories?.total ?? 0,
    testimonials: (testimonials?.rows ?? []).slice(0, WALL_TESTIMONIALS).map((t) => ({
      id: t.id,
      body: t.body,
      creditLine: t.credit_line,
    })),
    testimonialTotal: testimonials?.total ?? 0,
  };
}
