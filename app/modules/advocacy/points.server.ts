import type { Queryable } from "../../../db/client.ts";
import type { TalkFormat } from "../../../db/tables/advocacy.ts";
import { loadReputationConfig } from "../reputation/config.server.ts";
import { awardPoints, reversePoints, type AwardedEntry } from "../reputation/ledger.server.ts";
import { STORY_RULE, TALK_FORMATS, talkRuleFor } from "./formats.ts";
// Ledger lines earned by talks and stories link back to them.
import "./sources.server.ts";

/**
 * How talks and stories meet the reputation ledger.
 *
 * A verified talk and a live story each carry their points exactly once: the
 * key of the award they carry is kept on the row (award_key). Verifying or
 * publishing awards under a new key — "talk:<id>:<n>" for the n-th
 * verification, "story:<id>:<n>" for the n-th time the story went live — and
 * rejecting or unpublishing reverses that key. So a retry or a second click
 * awards nothing (same key), while a talk verified again after a mistaken
 * rejection, or a story published again after being taken down, earns its
 * points again; at any moment the author holds them at most once.
 */

export const talkAwardKey = (talkId: number, verification: number) =>
  `talk:${talkId}:${verification}`;
export const storyAwardKey = (storyId: number, publication: number) =>
  `story:${storyId}:${publication}`;

/** Points a verified talk of each format earns now, from the rule catalogue. */
export async function talkPointsByFormat(db: Queryable): Promise<Record<TalkFormat, number>> {
  const { rules } = await loadReputationConfig(db);
  return Object.fromEntries(TALK_FORMATS.map((f) => [f.value, rules[f.rule]])) as Record<
    TalkFormat,
    number
  >;
}

export async function storyPoints(db: Queryable): Promise<number> {
  const { rules } = await loadReputationConfig(db);
  return rules[STORY_RULE];
}

export function awardTalk(
  db: Queryable,
  talk: { id: number; speakerId: number; format: TalkFormat; title: string },
  key: string,
  managerId: number,
  at?: Date,
): Promise<AwardedEntry | null> {
  return awardPoints(db, {
    userId: talk.speakerId,
    rule: talkRuleFor(talk.format),
    source: { type: "talk", id: talk.id, title: talk.title },
    idempotencyKey: key,
    awardedBy: managerId,
    at,
  });
}

export function awardStory(
  db: Queryable,
  story: { id: number; authorId: number; title: string },
  key: string,
  managerId: number,
  at?: Date,
): Promise<AwardedEntry | null> {
  return awardPoints(db, {
    userId: story.authorId,
    rule: STORY_RULE,
    source: { type: "story", id: story.id, title: story.title },
    idempotencyKey: key,
    awardedBy: managerId,
    at,
  });
}

export function reverseAward(
  db: Queryable,
  key: string,
  reason: string,
  managerId: number,
  at?: Date,
): Promise<AwardedEntry | null> {
  return reversePoints(db, { idempotencyKey: key, reason, reversedBy: managerId, at });
}
