import type { Queryable } from "../../../db/client.ts";
import type { EarlyAccessKind } from "../../../db/tables/early-access.ts";
import type { CascadeRelease, CascadeSubject } from "../access/cascade.ts";
import { cascadeTiers } from "../tiers/catalogue.server.ts";

/**
 * Early-access content: releases, briefings, roadmaps, insider articles and
 * recordings, each opening tier by tier (the release cascade) and perhaps
 * under NDA. This file holds what the reader (reader.server.ts), the
 * managers' side (manage.server.ts) and the access log (access-log.server.ts)
 * share: the kinds, the item's columns and the cascade an item follows.
 */

export const KIND_LABELS: Record<EarlyAccessKind, string> = {
  release: "Early release",
  briefing: "Briefing",
  roadmap: "Roadmap",
  insider: "Insider article",
  recording: "Recording",
};

export interface EarlyAccessSubject extends CascadeSubject {
  requiresNda: boolean;
}

export type ItemRow = {
  id: number;
  slug: string;
  kind: EarlyAccessKind;
  title: string;
  teaser: string;
  summary: string;
  body_html: string;
  download_url: string | null;
  recording_url: string | null;
  requires_nda: boolean;
  status: "draft" | "published";
  published_at: Date | null;
  public_at: Date | null;
};

/** Each item's cascade, highest tier first, with the tiers' names and ranks from the catalogue. */
export async function releasesFor(db: Queryable, itemIds: number[]) {
  const byItem = new Map<number, CascadeRelease[]>();
  if (itemIds.length === 0) return byItem;
  const [rows, tiers] = await Promise.all([
    db
      .selectFrom("early_access_releases")
      .select(["item_id", "tier_id", "opens_at"])
      .where("item_id", "in", itemIds)
      .execute(),
    cascadeTiers(db),
  ]);
  const tierById = new Map(tiers.map((t) => [t.id, t]));
  const sorted = rows
    .filter((r) => tierById.has(r.tier_id))
    .sort((a, b) => tierById.get(b.tier_id)!.rank - tierById.get(a.tier_id)!.rank);
  for (const r of sorted) {
    const tier = tierById.get(r.tier_id)!;
    const list = byItem.get(r.item_id) ?? [];
    list.push({
      tierId: r.tier_id,
      rank: tier.rank,
      tierName: tier.name,
      opensAt: new Date(r.opens_at),
    });
    byItem.set(r.item_id, list);
  }
  return byItem;
}

export function subjectOf(row: ItemRow, releases: CascadeRelease[]): EarlyAccessSubject {
  return {
    status: row.status,
    publicAt: row.public_at ? new Date(row.public_at) : null,
    releases,
    requiresNda: row.requires_nda,
  };
}

export const itemColumns = [
  "id",
  "slug",
  "kind",
  "title",
  "teaser",
  "summary",
  "body_html",
  "download_url",
  "recording_url",
  "requires_nda",
  "status",
  "published_at",
  "public_at",
] as const;
