import type { Queryable } from "../../../db/client.ts";
import type { WrittenIn } from "../../../db/columns.ts";
import type { EarlyAccessKind } from "../../../db/tables/early-access.ts";
import { ForbiddenError, NotFoundError } from "../../utils/errors.ts";
import { unlockHint } from "../access/cascade.ts";
import { ensure, refusal } from "../access/ensure.ts";
import { isStaff, policy, tierRankOf, type Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { listTiers, ndaTermsForRank } from "../tiers/catalogue.server.ts";
import { recordView } from "./access-log.server.ts";
import {
  itemColumns,
  KIND_LABELS,
  releasesFor,
  subjectOf,
  type EarlyAccessSubject,
  type ItemRow,
} from "./items.server.ts";

/**
 * Reading early-access content. Every read goes through the access policy
 * at read time, so a new award or a cascade date that passes opens the
 * content without a deploy. Nothing gated leaves this file for someone who
 * may not read it: they get the teaser fields only (kind, teaser line, when
 * it unlocks).
 */

/** What someone who may not read an item sees: never its title, summary or body. */
export interface Teaser {
  access: "teaser";
  id: number;
  kind: EarlyAccessKind;
  kindLabel: string;
  teaser: string;
  hint: string;
  availableAt: string | null;
}

/** An item the viewer may read once they acknowledge their tier's NDA terms: still no title. */
export interface NdaCard {
  access: "nda";
  id: number;
  slug: string;
  kind: EarlyAccessKind;
  kindLabel: string;
  teaser: string;
  hint: string;
}

export interface ReadableCard {
  access: "read";
  id: number;
  slug: string;
  kind: EarlyAccessKind;
  kindLabel: string;
  title: string;
  summary: string;
  publishedAt: string | null;
  requiresNda: boolean;
  /** Read before general availability: the NDA applies to this reader. */
  underNda: boolean;
  isPublic: boolean;
}

function teaserOf(row: ItemRow, subject: EarlyAccessSubject, viewer: Viewer, now: Date): Teaser {
  const hint = unlockHint(subject, tierRankOf(viewer), now);
  return {
    access: "teaser",
    id: row.id,
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind],
    teaser: row.teaser || `An early-access ${KIND_LABELS[row.kind].toLowerCase()}`,
    hint: hint.text,
    availableAt: hint.availableAt?.toISOString() ?? null,
  };
}

function cardOf(
  row: ItemRow,
  subject: EarlyAccessSubject,
  viewer: Viewer,
  now: Date,
): ReadableCard {
  const isPublic = subject.publicAt !== null && subject.publicAt <= now;
  return {
    access: "read",
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind],
    title: row.title,
    summary: row.summary,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    requiresNda: row.requires_nda,
    underNda: policy.earlyAccessNeedsNda(viewer, subject, now),
    isPublic,
  };
}

export const LIST_PAGE_SIZE = 12;

/**
 * The /early-access list for this viewer: what they can read now, and
 * teasers for the rest they are allowed to know about. Visitors and
 * prospects see only items that are or will become public.
 */
export async function listForViewer(
  db: Queryable,
  viewer: Viewer,
  options: { page?: number; now?: Date; languages?: readonly WrittenIn[] } = {},
): Promise<{
  rows: Array<ReadableCard | NdaCard | Teaser>;
  total: number;
  page: number;
  pageCount: number;
}> {
  const now = options.now ?? new Date();
  const page = Math.max(1, options.page ?? 1);
  let base = db.selectFrom("early_access_items").where("status", "=", "published");
  if (!isStaff(viewer) && tierRankOf(viewer) === 0) base = base.where("public_at", "is not", null);
  if (options.languages?.length) base = base.where("language", "in", options.languages);
  const [rows, count] = await Promise.all([
    base
      .select(itemColumns)
      .orderBy("published_at", "desc")
      .orderBy("id", "desc")
      .limit(LIST_PAGE_SIZE)
      .offset((page - 1) * LIST_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const releases = await releasesFor(
    db,
    rows.map((r) => r.id),
  );
  const out: Array<ReadableCard | NdaCard | Teaser> = [];
  let nda: Awaited<ReturnType<typeof ndaStatus>> | undefined;
  for (const row of rows as ItemRow[]) {
    const subject = subjectOf(row, releases.get(row.id) ?? []);
    if (policy.readEarlyAccessItem(viewer, subject, now)) {
      if (viewer && policy.earlyAccessNeedsNda(viewer, subject, now)) {
        nda ??= await ndaStatus(db, viewer);
        if (nda && !nda.acknowledgedAt) {
          out.push({
            access: "nda",
            id: row.id,
            slug: row.slug,
            kind: row.kind,
            kindLabel: KIND_LABELS[row.kind],
            teaser: teaserOf(row, subject, viewer, now).teaser,
            hint: `Open to you once you acknowledge the ${nda.terms.tierName} NDA terms`,
          });
          continue;
        }
      }
      out.push(cardOf(row, subject, viewer, now));
    } else if (policy.seeEarlyAccessTeaser(viewer, subject, now))
      out.push(teaserOf(row, subject, viewer, now));
  }
  const total = Number(count.n);
  return { rows: out, total, page, pageCount: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)) };
}

export interface NdaTerms {
  tierId: number;
  tierName: string;
  version: number;
  html: string;
}

export type ItemView =
  | {
      state: "read";
      item: ReadableCard & {
        bodyHtml: string;
        downloadUrl: string | null;
        recordingUrl: string | null;
        cascade: Array<{ tierName: string; opensAt: string }>;
        publicAt: string | null;
      };
    }
  | { state: "nda"; teaser: Teaser; terms: NdaTerms; slug: string }
  | { state: "teaser"; teaser: Teaser };

/** The NDA terms of the viewer's own tier, and whether they acknowledged this version. */
async function ndaStatus(db: Queryable, viewer: NonNullable<Viewer>) {
  const terms = await ndaTermsForRank(db, tierRankOf(viewer));
  if (!terms) return null;
  const ack = await db
    .selectFrom("early_access_nda_acks")
    .select("acknowledged_at")
    .where("user_id", "=", viewer.id)
    .where("tier_id", "=", terms.tierId)
    .where("terms_version", "=", terms.version)
    .executeTakeFirst();
  return { terms, acknowledgedAt: ack?.acknowledged_at ?? null };
}

async function loadBySlug(db: Queryable, slug: string) {
  const row = (await db
    .selectFrom("early_access_items")
    .select(itemColumns)
    .where("slug", "=", slug.toLowerCase())
    .executeTakeFirst()) as ItemRow | undefined;
  if (!row) return null;
  const releases = await releasesFor(db, [row.id]);
  return { row, subject: subjectOf(row, releases.get(row.id) ?? []) };
}

export class TeaserOnlyError extends ForbiddenError {
  constructor(readonly teaser: Teaser) {
    super("This is early-access content you cannot read yet.");
  }
}

/**
 * One item for this viewer, as the policy allows: the full item (and an
 * access-log row), the NDA to acknowledge first, a teaser (403), or 404
 * when they may not even know it exists.
 */
export async function openItem(
  db: Queryable,
  viewer: Viewer,
  slug: string,
  now = new Date(),
): Promise<ItemView> {
  const found = await loadBySlug(db, slug);
  if (!found) throw new NotFoundError("We could not find that early-access item.");
  const { row, subject } = found;
  if (!policy.readEarlyAccessItem(viewer, subject, now)) {
    if (policy.seeEarlyAccessTeaser(viewer, subject, now))
      throw new TeaserOnlyError(teaserOf(row, subject, viewer, now));
    throw new NotFoundError("We could not find that early-access item.");
  }
  if (viewer && policy.earlyAccessNeedsNda(viewer, subject, now)) {
    const nda = await ndaStatus(db, viewer);
    if (nda && !nda.acknowledgedAt)
      return {
        state: "nda",
        teaser: teaserOf(row, subject, viewer, now),
        terms: nda.terms,
        slug: row.slug,
      };
  }
  if (viewer) await recordView(db, viewer, row.id, subject, now);
  const card = cardOf(row, subject, viewer, now);
  return {
    state: "read",
    item: {
      ...card,
      bodyHtml: row.body_html,
      downloadUrl: row.download_url,
      recordingUrl: row.recording_url,
      cascade: [...subject.releases]
        .sort((a, b) => b.rank - a.rank)
        .map((r) => ({ tierName: r.tierName, opensAt: r.opensAt.toISOString() })),
      publicAt: subject.publicAt?.toISOString() ?? null,
    },
  };
}

/**
 * How another page (an event's) may point at an item for this viewer: a link
 * when they may read it, the teaser's line when they may only know of it, or
 * nothing when the item is not for them to know about.
 */
export async function itemLinkFor(
  db: Queryable,
  viewer: Viewer,
  itemId: number,
  now = new Date(),
): Promise<
  { access: "read"; slug: string; title: string } | { access: "teaser"; hint: string } | null
> {
  const row = (await db
    .selectFrom("early_access_items")
    .select(itemColumns)
    .where("id", "=", itemId)
    .executeTakeFirst()) as ItemRow | undefined;
  if (!row) return null;
  const subject = subjectOf(row, (await releasesFor(db, [row.id])).get(row.id) ?? []);
  if (policy.readEarlyAccessItem(viewer, subject, now))
    return { access: "read", slug: row.slug, title: row.title };
  if (policy.seeEarlyAccessTeaser(viewer, subject, now))
    return { access: "teaser", hint: teaserOf(row, subject, viewer, now).hint };
  return null;
}

/** The viewer acknowledges the NDA terms of their tier (once per version of the terms). */
export const acknowledgeNda = defineCommand({
  name: "early_access.acknowledge_nda",
  async run(trx, { slug }: { slug: string }, { viewer, now }) {
    const found = await loadBySlug(trx, slug);
    // Someone who may not even know the item exists learns nothing more from acknowledging.
    if (!found || !policy.seeEarlyAccessTeaser(viewer, found.subject, now))
      throw new NotFoundError("We could not find that early-access item.");
    ensure("readEarlyAccessItem", viewer, found.subject, now);
    ensure("acknowledgeNdaTerms", viewer);
    const nda = await ndaStatus(trx, viewer);
    if (!nda) throw refusal("acknowledgeNdaTerms", viewer, []);
    await trx
      .insertInto("early_access_nda_acks")
      .values({
        user_id: viewer.id,
        tier_id: nda.terms.tierId,
        terms_version: nda.terms.version,
        acknowledged_at: now,
      })
      .onConflict((oc) => oc.columns(["user_id", "tier_id", "terms_version"]).doNothing())
      .execute();
    return { tierName: nda.terms.tierName, version: nda.terms.version };
  },
});

/** NDA acknowledgements a person has made (shown in their tier settings). */
export async function listAcknowledgements(db: Queryable, userId: number) {
  const [acks, tiers] = await Promise.all([
    db
      .selectFrom("early_access_nda_acks")
      .select(["tier_id", "terms_version", "acknowledged_at"])
      .where("user_id", "=", userId)
      .orderBy("acknowledged_at", "desc")
      .execute(),
    listTiers(db),
  ]);
  const names = new Map(tiers.map((t) => [t.id, t.name]));
  return acks
    .filter((a) => names.has(a.tier_id))
    .map((a) => ({
      tier_name: names.get(a.tier_id)!,
      terms_version: a.terms_version,
      acknowledged_at: a.acknowledged_at,
    }));
}
