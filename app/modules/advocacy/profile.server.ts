import type { Queryable } from "../../../db/client.ts";
import type { Viewer } from "../access/policy.ts";
import { describeMetric, headlineMetric } from "./metrics.ts";
import { listStoriesForProfile } from "./story-queries.server.ts";
import { listTalksForProfile } from "./talks.server.ts";
import { formatEventDate } from "./time.ts";

/** A person's talks and published stories, as their profile shows them to this viewer. */
export async function loadProfileAdvocacy(db: Queryable, viewer: Viewer, userId: number) {
  const [talks, stories] = await Promise.all([
    listTalksForProfile(db, viewer, userId),
    listStoriesForProfile(db, userId),
  ]);
  const now = Date.now();
  return {
    talks: talks.map((t) => ({
      id: t.id,
      title: t.title,
      event: t.event_name,
      format: t.format,
      status: t.status,
      upcoming: new Date(t.given_at).getTime() > now,
      date: formatEventDate(t.given_at, t.time_zone),
      link: t.recording_url || t.slides_url || t.event_url,
      linkLabel: t.recording_url
        ? "Recording"
        : t.slides_url
          ? "Slides"
          : t.event_url
            ? "Event"
            : "",
      points: t.status === "verified" ? (t.points ?? null) : null,
    })),
    stories: stories.map((s) => {
      const headline = headlineMetric(s.metrics);
      return {
        slug: s.slug,
        title: s.title,
        company: s.company,
        headline: headline ? describeMetric(headline) : null,
        date: s.published_at ? formatEventDate(s.published_at) : "",
      };
    }),
  };
}
export type ProfileAdvocacy = Awaited<ReturnType<typeof loadProfileAdvocacy>>;
