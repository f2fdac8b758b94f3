import type { Queryable } from "../../../db/client.ts";
import { listOwnTalks } from "../advocacy/talks.server.ts";
import { listStoriesForProfile } from "../advocacy/story-queries.server.ts";
import { listBadges } from "../reputation/badges.server.ts";
import { pointsByAreaPerYear } from "../reputation/reads.server.ts";
import { activeAwardsOf } from "../tiers/award-list.server.ts";
import { issuerUrls, yearSpan, type AchievementFacts } from "./document.ts";

/**
 * What one person has achieved that deserves a credential today, read
 * through the owning modules: their active awards (the current term), badges,
 * verified talks, published case studies, and a contribution record for each
 * finished year in which they earned points.
 */
export async function achievementsOf(
  db: Queryable,
  person: { id: number; handle: string },
  publicUrl: string,
  now: Date,
): Promise<AchievementFacts[]> {
  const { base } = issuerUrls(publicUrl);
  const profileUrl = `${base}/u/${encodeURIComponent(person.handle)}`;
  const [awards, badges, talks, stories, years] = await Promise.all([
    activeAwardsOf(db, person.id),
    listBadges(db, person.id),
    listOwnTalks(db, person.id),
    listStoriesForProfile(db, person.id),
    pointsByAreaPerYear(db, person.id, now),
  ]);
  const out: AchievementFacts[] = [];
  for (const award of awards) {
    const span = yearSpan(award.termStart, award.termEnd);
    out.push({
      kind: "tier",
      key: `tier:${award.id}:${award.renewals}`,
      sourceType: "tier_award",
      sourceId: String(award.id),
      name: `${award.tierName} ${span}`,
      description:
        award.tierDescription ||
        `Awarded the ${award.tierName} tier for the term ${span} by the community team.`,
      criteria: `Awarded by the community team for a term: ${award.reason}`,
      achievedAt: award.termStart,
      validUntil: award.termEnd,
      evidence: [{ url: profileUrl, name: "Public profile and reputation history" }],
    });
  }
  for (const badge of badges) {
    out.push({
      kind: "badge",
      key: `badge:${badge.key}`,
      sourceType: "badge",
      sourceId: badge.key,
      name: `${badge.name} badge`,
      description: badge.description,
      criteria: badge.description,
      achievedAt: badge.earnedAt,
      validUntil: null,
      evidence: [{ url: profileUrl, name: "The contributions on the public profile" }],
    });
  }
  for (const talk of talks) {
    if (talk.status !== "verified") continue;
    const talkUrl = `${base}/speaking/talks/${talk.id}`;
    out.push({
      kind: "talk",
      key: `talk:${talk.id}`,
      sourceType: "talk",
      sourceId: String(talk.id),
      name: `Verified talk: ${talk.title}`,
      description: `Gave “${talk.title}” at ${talk.event_name}; the community team verified delivery.`,
      criteria: "A talk delivered to an audience and verified by the community team.",
      achievedAt: new Date(talk.decided_at ?? talk.given_at),
      validUntil: null,
      evidence: [
        { url: talkUrl, name: talk.title, narrative: `At ${talk.event_name}` },
        ...(talk.recording_url ? [{ url: talk.recording_url, name: "Recording" }] : []),
      ],
    });
  }
  for (const story of stories) {
    out.push({
      kind: "story",
      key: `story:${story.id}`,
      sourceType: "case_study",
      sourceId: String(story.id),
      name: `Published case study: ${story.title}`,
      description: `Wrote the case study “${story.title}”${story.company ? ` for ${story.company}` : ""}, reviewed and published by the community team.`,
      criteria: "A customer case study reviewed and published in the public library.",
      achievedAt: new Date(story.published_at ?? now),
      validUntil: null,
      evidence: [{ url: `${base}/stories/${encodeURIComponent(story.slug)}`, name: story.title }],
    });
  }
  for (const year of years) {
    out.push({
      kind: "contribution",
      key: `contribution:${year.year}`,
      sourceType: "ledger_year",
      sourceId: String(year.year),
      name: `Contribution record ${year.year}`,
      description: `${year.total.toLocaleString("en-GB")} reputation points earned in ${year.year} by helping peers, speaking and telling stories.`,
      criteria: "Points from the community's public ledger, summed by area for the calendar year.",
      achievedAt: new Date(Date.UTC(year.year, 11, 31, 23, 59, 59)),
      validUntil: null,
      evidence: [{ url: profileUrl, name: "Answers, talks and stories on the public profile" }],
      results: Object.entries(year.areas).map(([area, points]) => ({ area, points })),
    });
  }
  return out;
}
