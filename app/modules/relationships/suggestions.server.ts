import type { Queryable } from "../../../db/client.ts";
import { openOpportunitiesForMatching } from "../advocacy/opportunity-matching.server.ts";
import { listForViewer } from "../early-access/reader.server.ts";
import { openReferenceRequestsFromIndustry } from "../promoters/funnel-reads.server.ts";
import { loadViewer } from "../viewer/viewer.server.ts";
import { keywords, shared } from "./matching.ts";
import type { RelationshipSubject } from "./relationship.server.ts";

const MAX_EACH = 3;

/**
 * Opportunities that fit what this advocate wants: open speaking slots on
 * their topics or near them, open reference requests from prospects in their
 * industry, and early-access items they may read (asked of the policy as
 * them, so nothing is suggested that they could not open).
 */
export async function suggestionsFor(
  db: Queryable,
  advocate: RelationshipSubject,
  goals: { body: string }[],
  now = new Date(),
) {
  const interests = keywords(...goals.map((g) => g.body), ...(advocate.expertise ?? []));
  const place = keywords(advocate.location ?? "");
  const viewer = await loadViewer(db, { id: advocate.id, role: advocate.role });
  const [opportunities, references, earlyAccess] = await Promise.all([
    openOpportunitiesForMatching(db, now),
    openReferenceRequestsFromIndustry(db, advocate.industry ?? "", advocate.id),
    listForViewer(db, viewer, { now }),
  ]);

  const speaking = opportunities
    .map((o) => {
      const topics = shared(
        interests,
        keywords(o.title, o.event_name, o.topic_md, o.audience_description),
      );
      const nearby = !o.is_virtual && shared(place, keywords(o.location)).length > 0;
      const reasons = [
        ...(topics.length ? [`on ${topics.slice(0, 3).join(", ")}`] : []),
        ...(nearby ? [`near ${advocate.location}`] : []),
      ];
      return { ...o, reasons, topics, nearby, score: topics.length * 2 + (nearby ? 1 : 0) };
    })
    .filter((o) => o.score > 0)
    .sort((a, b) => b.score - a.score || +new Date(a.starts_at) - +new Date(b.starts_at))
    .slice(0, MAX_EACH)
    .map(({ id, title, event_name, starts_at, is_virtual, location, reasons, topics, nearby }) => ({
      id,
      title,
      eventName: event_name,
      startsAt: starts_at,
      where: is_virtual ? "Online" : location,
      reason: reasons.join(" · "),
      // The same, in parts, for a page to word in its own language.
      online: is_virtual,
      topics: topics.slice(0, 3),
      near: nearby ? advocate.location : null,
    }));

  const readable = earlyAccess.rows.flatMap((item) =>
    item.access === "read"
      ? [
          {
            slug: item.slug,
            title: item.title,
            kind: item.kindLabel,
            kindKey: item.kind,
            matches: shared(interests, keywords(item.title, item.summary)),
          },
        ]
      : [],
  );
  const early = readable
    .filter((i) => i.matches.length)
    .sort((a, b) => b.matches.length - a.matches.length)
    .slice(0, MAX_EACH)
    .map(({ slug, title, kind, kindKey, matches }) => ({
      slug,
      title,
      kind,
      kindKey,
      reason: `on ${matches.slice(0, 3).join(", ")}`,
      topics: matches.slice(0, 3),
    }));

  return {
    speaking,
    references: references.slice(0, MAX_EACH).map((r) => ({
      id: r.id,
      topic: r.topic,
      company: r.company,
      industry: r.industry,
      waiting: r.status === "queued",
      createdAt: r.created_at,
    })),
    earlyAccess: early,
  };
}
export type Suggestions = Awaited<ReturnType<typeof suggestionsFor>>;
