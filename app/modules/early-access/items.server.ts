import type { Queryable } from "../../../db/client.ts";
import type { EarlyAccessKind } from "../../../db/tables/early-access.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { isStaff, policy, type Viewer } from "../access/policy.ts";
import { recordAudit } from "../audit/audit.server.ts";
import { FieldError, ForbiddenError, NotFoundError, isUniqueViolation } from "../auth/errors.ts";
import {
  checkCascade,
  readableFrom,
  unlockHint,
  type CascadeRelease,
  type CascadeSubject,
} from "../access/cascade.ts";
import { slugify, type ItemInput } from "../tiers/validation.ts";

/**
 * Early-access content: releases, briefings, roadmaps, insider articles and
 * recordings, each opening tier by tier (the release cascade) and perhaps
 * under NDA. Every read goes through the access policy at read time, so a
 * new award or a cascade date that passes opens the content without a
 * deploy. Nothing gated leaves this module for someone who may not read it:
 * they get the teaser fields only (kind, teaser line, when it unlocks).
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

type ItemRow = {
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

async function releasesFor(db: Queryable, itemIds: number[]) {
  const byItem = new Map<number, CascadeRelease[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .selectFrom("early_access_releases as r")
    .innerJoin("tiers as t", "t.id", "r.tier_id")
    .select(["r.item_id", "r.tier_id", "r.opens_at", "t.rank", "t.name"])
    .where("r.item_id", "in", itemIds)
    .orderBy("t.rank", "desc")
    .execute();
  for (const r of rows) {
    const list = byItem.get(r.item_id) ?? [];
    list.push({ tierId: r.tier_id, rank: r.rank, tierName: r.name, opensAt: new Date(r.opens_at) });
    byItem.set(r.item_id, list);
  }
  return byItem;
}

function subjectOf(row: ItemRow, releases: CascadeRelease[]): EarlyAccessSubject {
  return {
    status: row.status,
    publicAt: row.public_at ? new Date(row.public_at) : null,
    releases,
    requiresNda: row.requires_nda,
  };
}

const rankOf = (viewer: Viewer) =>
  viewer && viewer.role !== "prospect" ? (viewer.tierRank ?? 0) : 0;

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
  const hint = unlockHint(subject, rankOf(viewer), now);
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

const itemColumns = [
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

/**
 * The /early-access list for this viewer: what they can read now, and
 * teasers for the rest they are allowed to know about. Visitors and
 * prospects see only items that are or will become public.
 */
export async function listForViewer(
  db: Queryable,
  viewer: Viewer,
  options: { page?: number; now?: Date } = {},
): Promise<{
  rows: Array<ReadableCard | NdaCard | Teaser>;
  total: number;
  page: number;
  pageCount: number;
}> {
  const now = options.now ?? new Date();
  const page = Math.max(1, options.page ?? 1);
  let base = db.selectFrom("early_access_items").where("status", "=", "published");
  if (!isStaff(viewer) && rankOf(viewer) === 0) base = base.where("public_at", "is not", null);
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
  const tier = await db
    .selectFrom("tiers")
    .select(["id", "name", "nda_terms_html", "nda_terms_version"])
    .where("rank", "<=", rankOf(viewer))
    .orderBy("rank", "desc")
    .executeTakeFirst();
  if (!tier) return null;
  const ack = await db
    .selectFrom("early_access_nda_acks")
    .select("acknowledged_at")
    .where("user_id", "=", viewer.id)
    .where("tier_id", "=", tier.id)
    .where("terms_version", "=", tier.nda_terms_version)
    .executeTakeFirst();
  return {
    terms: {
      tierId: tier.id,
      tierName: tier.name,
      version: tier.nda_terms_version,
      html: tier.nda_terms_html,
    },
    acknowledgedAt: ack?.acknowledged_at ?? null,
  };
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
  if (viewer) {
    const isPublic = subject.publicAt !== null && subject.publicAt <= now;
    await db
      .insertInto("early_access_views")
      .values({
        item_id: row.id,
        user_id: viewer.id,
        tier_rank: rankOf(viewer),
        via: isStaff(viewer) ? "staff" : isPublic ? "public" : "tier",
        created_at: now,
      })
      .execute();
  }
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

/** The viewer acknowledges the NDA terms of their tier (once per version of the terms). */
export async function acknowledgeNda(
  db: Queryable,
  viewer: Viewer,
  slug: string,
  now = new Date(),
): Promise<void> {
  if (!viewer) throw new ForbiddenError("Sign in to acknowledge the terms.");
  const found = await loadBySlug(db, slug);
  if (!found || !policy.readEarlyAccessItem(viewer, found.subject, now)) {
    if (found && policy.seeEarlyAccessTeaser(viewer, found.subject, now))
      throw new ForbiddenError("This item is not open to your tier yet.");
    throw new NotFoundError("We could not find that early-access item.");
  }
  const nda = await ndaStatus(db, viewer);
  if (!nda) throw new ForbiddenError("Only members with a tier acknowledge these terms.");
  await db
    .insertInto("early_access_nda_acks")
    .values({
      user_id: viewer.id,
      tier_id: nda.terms.tierId,
      terms_version: nda.terms.version,
      acknowledged_at: now,
    })
    .onConflict((oc) => oc.columns(["user_id", "tier_id", "terms_version"]).doNothing())
    .execute();
}

/** NDA acknowledgements a person has made (shown in their tier settings). */
export async function listAcknowledgements(db: Queryable, userId: number) {
  return db
    .selectFrom("early_access_nda_acks as a")
    .innerJoin("tiers as t", "t.id", "a.tier_id")
    .select(["t.name as tier_name", "a.terms_version", "a.acknowledged_at"])
    .where("a.user_id", "=", userId)
    .orderBy("a.acknowledged_at", "desc")
    .execute();
}

// ---------------------------------------------------------------------------
// Managers: writing, publishing and the access log.
// ---------------------------------------------------------------------------

export interface Actor {
  id: number;
  role: NonNullable<Viewer>["role"];
}

function assertManager(actor: Actor) {
  if (!policy.manageEarlyAccess(actor))
    throw new ForbiddenError("Only community managers can publish early-access content.");
}

async function cascadeTiers(db: Queryable) {
  return db.selectFrom("tiers").select(["id", "name", "rank"]).orderBy("rank", "desc").execute();
}

function validateCascade(
  tiers: Array<{ id: number; name: string; rank: number }>,
  dates: Map<number, Date | null>,
  publicAt: Date | null,
) {
  const problem = checkCascade(
    tiers.map((t) => ({
      tierId: t.id,
      rank: t.rank,
      tierName: t.name,
      opensAt: dates.get(t.id) ?? null,
    })),
    publicAt,
  );
  if (problem) throw new FieldError(problem.field, problem.message);
}

async function writeReleases(trx: Queryable, itemId: number, dates: Map<number, Date | null>) {
  await trx.deleteFrom("early_access_releases").where("item_id", "=", itemId).execute();
  const rows = [...dates.entries()]
    .filter((entry): entry is [number, Date] => entry[1] !== null)
    .map(([tierId, opensAt]) => ({ item_id: itemId, tier_id: tierId, opens_at: opensAt }));
  if (rows.length) await trx.insertInto("early_access_releases").values(rows).execute();
}

async function uniqueSlug(trx: Queryable, title: string): Promise<string> {
  const base = slugify(title);
  const taken = await trx
    .selectFrom("early_access_items")
    .select("slug")
    .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
    .execute();
  const used = new Set(taken.map((t) => t.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createItem(
  db: Queryable,
  actor: Actor,
  input: ItemInput & {
    dates: Map<number, Date | null>;
    publish?: boolean;
    at?: Date;
    /** A chosen address (imports and the demo); otherwise made from the title. */
    slug?: string;
  },
): Promise<{ id: number; slug: string }> {
  assertManager(actor);
  if (!input.title.trim()) throw new FieldError("title", "Give the item a title.");
  const tiers = await cascadeTiers(db);
  validateCascade(tiers, input.dates, input.publicAt);
  const bodyHtml = renderMarkdown(input.body, { trustedLinks: true });
  const at = input.at ?? new Date();
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(db, async (trx) => {
        const slug = await uniqueSlug(trx, input.slug ?? input.title);
        const item = await trx
          .insertInto("early_access_items")
          .values({
            slug,
            kind: input.kind,
            title: input.title,
            teaser: input.teaser,
            summary: input.summary,
            body_md: input.body,
            body_html: bodyHtml,
            download_url: input.downloadUrl,
            recording_url: input.recordingUrl,
            requires_nda: input.requiresNda,
            status: input.publish ? "published" : "draft",
            published_at: input.publish ? at : null,
            public_at: input.publicAt,
            author_id: actor.id,
            updated_by: actor.id,
            created_at: at,
            updated_at: at,
          })
          .returning(["id", "slug"])
          .executeTakeFirstOrThrow();
        await writeReleases(trx, item.id, input.dates);
        await recordAudit(trx, {
          actorId: actor.id,
          action: input.publish ? "early_access.published" : "early_access.drafted",
          subjectType: "early_access_item",
          subjectId: item.id,
        });
        return item;
      });
    } catch (error) {
      // Two managers picked the same title at the same moment: take the next free address.
      if (attempt < 3 && isUniqueViolation(error, "early_access_items_slug_key")) continue;
      throw error;
    }
  }
}

export async function updateItem(
  db: Queryable,
  actor: Actor,
  itemId: number,
  input: ItemInput & { dates: Map<number, Date | null> },
): Promise<{ id: number; slug: string }> {
  assertManager(actor);
  const tiers = await cascadeTiers(db);
  validateCascade(tiers, input.dates, input.publicAt);
  const bodyHtml = renderMarkdown(input.body, { trustedLinks: true });
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("early_access_items")
      .set({
        kind: input.kind,
        title: input.title,
        teaser: input.teaser,
        summary: input.summary,
        body_md: input.body,
        body_html: bodyHtml,
        download_url: input.downloadUrl,
        recording_url: input.recordingUrl,
        requires_nda: input.requiresNda,
        public_at: input.publicAt,
        updated_by: actor.id,
        updated_at: new Date(),
      })
      .where("id", "=", itemId)
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (!updated) throw new NotFoundError("That early-access item does not exist.");
    await writeReleases(trx, itemId, input.dates);
    await recordAudit(trx, {
      actorId: actor.id,
      action: "early_access.updated",
      subjectType: "early_access_item",
      subjectId: itemId,
    });
    return updated;
  });
}

export async function setPublished(
  db: Queryable,
  actor: Actor,
  itemId: number,
  published: boolean,
): Promise<{ slug: string; title: string }> {
  assertManager(actor);
  return inTransaction(db, async (trx) => {
    const item = await trx
      .selectFrom("early_access_items")
      .select(["id", "slug", "title", "published_at"])
      .where("id", "=", itemId)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw new NotFoundError("That early-access item does not exist.");
    await trx
      .updateTable("early_access_items")
      .set({
        status: published ? "published" : "draft",
        published_at: published ? (item.published_at ?? new Date()) : item.published_at,
        updated_by: actor.id,
        updated_at: new Date(),
      })
      .where("id", "=", itemId)
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: published ? "early_access.published" : "early_access.unpublished",
      subjectType: "early_access_item",
      subjectId: itemId,
    });
    return { slug: item.slug, title: item.title };
  });
}

/** Everything about an item for its editor. */
export async function getItemForEditing(db: Queryable, actor: Actor, itemId: number) {
  assertManager(actor);
  const item = await db
    .selectFrom("early_access_items")
    .selectAll()
    .where("id", "=", itemId)
    .executeTakeFirst();
  if (!item) throw new NotFoundError("That early-access item does not exist.");
  const releases = await db
    .selectFrom("early_access_releases")
    .select(["tier_id", "opens_at"])
    .where("item_id", "=", itemId)
    .execute();
  return { item, releases };
}

export const MANAGE_PAGE_SIZE = 20;

export async function listForManagers(
  db: Queryable,
  actor: Actor,
  options: { page?: number; now?: Date } = {},
) {
  assertManager(actor);
  const now = options.now ?? new Date();
  const page = Math.max(1, options.page ?? 1);
  const [rows, count] = await Promise.all([
    db
      .selectFrom("early_access_items as i")
      .leftJoin("users as a", "a.id", "i.author_id")
      .select([
        "i.id",
        "i.slug",
        "i.kind",
        "i.title",
        "i.status",
        "i.requires_nda",
        "i.published_at",
        "i.public_at",
        "i.updated_at",
        "a.display_name as author_name",
        (eb) =>
          eb
            .selectFrom("early_access_views as v")
            .select((v) => v.fn.countAll<number>().as("n"))
            .whereRef("v.item_id", "=", "i.id")
            .as("views"),
      ])
      .orderBy("i.updated_at", "desc")
      .orderBy("i.id", "desc")
      .limit(MANAGE_PAGE_SIZE)
      .offset((page - 1) * MANAGE_PAGE_SIZE)
      .execute(),
    db
      .selectFrom("early_access_items")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const releases = await releasesFor(
    db,
    rows.map((r) => r.id),
  );
  const tiers = await cascadeTiers(db);
  const total = Number(count.n);
  return {
    rows: rows.map((r) => {
      const subject: CascadeSubject = {
        status: r.status,
        publicAt: r.public_at ? new Date(r.public_at) : null,
        releases: releases.get(r.id) ?? [],
      };
      return {
        id: r.id,
        slug: r.slug,
        kind: r.kind,
        kindLabel: KIND_LABELS[r.kind],
        title: r.title,
        status: r.status,
        requiresNda: r.requires_nda,
        publishedAt: r.published_at,
        publicAt: r.public_at,
        authorName: r.author_name,
        views: Number(r.views ?? 0),
        // Who may read it right now, and when each tier opens.
        publicOpen:
          r.status === "published" && r.public_at !== null && new Date(r.public_at) <= now,
        cascade: tiers.map((t) => {
          const from = readableFrom(subject, t.rank);
          return {
            tierName: t.name,
            opensAt: from ? from.toISOString() : null,
            open: r.status === "published" && from !== null && from <= now,
          };
        }),
      };
    }),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MANAGE_PAGE_SIZE)),
  };
}

export const LOG_PAGE_SIZE = 50;

/** Who opened which item, and when (managers only). */
export async function accessLog(
  db: Queryable,
  actor: Actor,
  options: { itemId?: number; page?: number } = {},
) {
  if (!policy.readEarlyAccessLog(actor))
    throw new ForbiddenError("Only community managers can read the access log.");
  const page = Math.max(1, options.page ?? 1);
  let base = db
    .selectFrom("early_access_views as v")
    .innerJoin("early_access_items as i", "i.id", "v.item_id")
    .innerJoin("users as u", "u.id", "v.user_id");
  if (options.itemId !== undefined) base = base.where("v.item_id", "=", options.itemId);
  const [rows, count] = await Promise.all([
    base
      .select([
        "v.id",
        "v.created_at",
        "v.via",
        "v.tier_rank",
        "i.id as item_id",
        "i.title",
        "i.slug",
        "u.handle",
        "u.display_name",
      ])
      .orderBy("v.created_at", "desc")
      .orderBy("v.id", "desc")
      .limit(LOG_PAGE_SIZE)
      .offset((page - 1) * LOG_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return {
    rows: rows.map((r) => ({ ...r, id: Number(r.id) })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)),
  };
}
