import { createHash } from "node:crypto";
import type { Queryable } from "../../../db/client.ts";
import { describeMetric, headlineMetric } from "../advocacy/metrics.ts";
import { getPublishedStory } from "../advocacy/story-queries.server.ts";
import { getVisibleTalk } from "../advocacy/talks.server.ts";
import { policy } from "../access/policy.ts";
import { getVisibleProfile } from "../profiles/profiles.server.ts";
import { getTestimonial } from "../testimonials/testimonials.server.ts";
import { profileTier } from "../tiers/standing.server.ts";
import { parseId } from "../../utils/params.ts";
import type { StoryMetric } from "../../../db/tables/advocacy.ts";

export const SHARE_KINDS = ["profile", "story", "talk", "award", "testimonial"] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** What a share image shows: only what an anonymous visitor may already read on the page. */
export interface ShareCard {
  kind: ShareKind;
  eyebrow: string;
  title: string;
  subtitle: string;
  metric: StoryMetric | null;
  footer: string;
}

/** Bump when the picture's layout changes, so every cached image is drawn again. */
const LAYOUT_VERSION = "1";

export const isShareKind = (value: string): value is ShareKind =>
  (SHARE_KINDS as readonly string[]).includes(value);

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/**
 * The card for one subject, read as an anonymous visitor (a crawler is one):
 * a private profile, an unpublished story, an unverified talk or a withdrawn
 * testimonial gives null, so its content is never drawn.
 */
export async function loadShareCard(
  db: Queryable,
  kind: ShareKind,
  key: string,
): Promise<ShareCard | null> {
  const anonymous = null;
  switch (kind) {
    case "profile":
    case "award": {
      const profile = await getVisibleProfile(db, anonymous, key).catch(() => null);
      if (!profile) return null;
      const place = [profile.job_title, profile.company].filter(Boolean).join(" · ");
      if (kind === "profile")
        return {
          kind,
          eyebrow: "Customer advocate",
          title: clip(profile.display_name, 60),
          subtitle: clip(profile.headline || place, 140),
          metric: null,
          footer: place,
        };
      const tier = await profileTier(db, anonymous, profile);
      const current = tier?.current;
      if (!current || current.source !== "award") return null;
      const term = [current.since, current.termEnd]
        .filter((d): d is Date => d !== null)
        .map((d) => new Date(d).getUTCFullYear())
        .join("–");
      return {
        kind,
        eyebrow: "Awarded",
        title: clip(`${current.tier.name}${term ? ` ${term}` : ""}`, 60),
        subtitle: clip(profile.display_name, 80),
        metric: null,
        footer: place,
      };
    }
    case "story": {
      const story = await getPublishedStory(db, key).catch(() => null);
      if (!story) return null;
      const authorShown = policy.viewProfile(anonymous, {
        userId: story.author_id,
        isPublic: story.author_public,
      });
      const metric = headlineMetric(story.metrics);
      return {
        kind,
        eyebrow: "Customer story",
        title: clip(story.title, 90),
        subtitle: clip(metric ? describeMetric(metric) : story.pull_quote, 140),
        metric,
        footer: [story.company, authorShown ? story.author_name : ""].filter(Boolean).join(" · "),
      };
    }
    case "talk": {
      const id = parseId(key);
      if (id === null) return null;
      const talk = await getVisibleTalk(db, anonymous, id).catch(() => null);
      if (!talk) return null;
      return {
        kind,
        eyebrow: talk.status === "verified" ? "Verified talk" : "Upcoming talk",
        title: clip(talk.title, 90),
        subtitle: clip(talk.event_name, 100),
        metric: null,
        footer: talk.speaker_public ? talk.speaker_name : "",
      };
    }
    case "testimonial": {
      const id = parseId(key);
      if (id === null || !policy.readTestimonials(anonymous)) return null;
      const t = await getTestimonial(db, id);
      if (!t) return null;
      return {
        kind,
        eyebrow: "Recommendation",
        title: clip(`“${t.body}”`, 180),
        subtitle: "",
        metric: null,
        footer: t.credit_line,
      };
    }
  }
}

/** A short fingerprint of what the picture shows: a change gives a new address. */
export function shareCardHash(card: ShareCard): string {
  return createHash("sha256")
    .update(LAYOUT_VERSION)
    .update(JSON.stringify(card))
    .digest("base64url")
    .slice(0, 16);
}

export const shareImagePath = (card: ShareCard, key: string) =>
  `/og/${card.kind}/${encodeURIComponent(key)}/${shareCardHash(card)}.png`;

/** The absolute image address for a page's meta tags, or null when there is nothing to show. */
export async function shareImageUrl(
  db: Queryable,
  publicUrl: string,
  kind: ShareKind,
  key: string,
): Promise<string | null> {
  const card = await loadShareCard(db, kind, key);
  return card ? `${publicUrl.replace(/\/+$/, "")}${shareImagePath(card, key)}` : null;
}
