import { detectWrittenIn } from "../languages/written-in.ts";
import type { Queryable } from "../../../db/client.ts";
import { FieldError, NotFoundError, isUniqueViolation } from "../../utils/errors.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { checkCascade, readableFrom, type CascadeSubject } from "../access/cascade.ts";
import { ensure } from "../access/ensure.ts";
import type { EventSubject, Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { cascadeTiers } from "../tiers/catalogue.server.ts";
import { slugify, type ItemInput } from "../tiers/validation.ts";
import { KIND_LABELS, releasesFor } from "./items.server.ts";

/** Managers writing, publishing and listing early-access content. */

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

export type ItemFields = ItemInput & { dates: Map<number, Date | null> };

/** An item's own words and links, as stored (the body also as safe HTML). */
function contentColumns(input: ItemInput) {
  return {
    kind: input.kind,
    title: input.title,
    teaser: input.teaser,
    summary: input.summary,
    body_md: input.body,
    body_html: renderMarkdown(input.body, { trustedLinks: true }),
    download_url: input.downloadUrl,
    recording_url: input.recordingUrl,
    requires_nda: input.requiresNda,
    language:
      input.language ?? detectWrittenIn([input.title, input.summary, input.body].join("\n"), "en"),
  };
}

export const createItem = defineCommand({
  name: "early_access.create",
  async run(
    trx,
    input: ItemFields & {
      publish?: boolean;
      /** A chosen address (imports and the demo); otherwise made from the title. */
      slug?: string;
    },
    { viewer, effects, now },
  ) {
    ensure("manageEarlyAccess", viewer);
    if (!input.title.trim()) throw new FieldError("title", "Give the item a title.");
    validateCascade(await cascadeTiers(trx), input.dates, input.publicAt);
    const slug = await uniqueSlug(trx, input.slug ?? input.title);
    const item = await trx
      .insertInto("early_access_items")
      .values({
        slug,
        ...contentColumns(input),
        status: input.publish ? "published" : "draft",
        published_at: input.publish ? now : null,
        public_at: input.publicAt,
        author_id: viewer.id,
        updated_by: viewer.id,
        created_at: now,
        updated_at: now,
      })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    await writeReleases(trx, item.id, input.dates);
    effects.audit({
      actorId: viewer.id,
      action: input.publish ? "early_access.published" : "early_access.drafted",
      subjectType: "early_access_item",
      subjectId: item.id,
    });
    return item;
  },
  // Two managers picked the same title at the same moment: take the next free address.
  retryOn: (error) => isUniqueViolation(error, "early_access_items_slug_key"),
});

/**
 * An event's recording, published at once as an early-access item: for one
 * tier (and every tier above it) from now on, or for everyone. Events call
 * this for the people who run them, who need not be managers, so the rule
 * asked is the event's (policy.publishEventRecording), not manageEarlyAccess.
 */
export const publishRecording = defineCommand({
  name: "early_access.publish_recording",
  async run(
    trx,
    input: {
      event: EventSubject;
      title: string;
      summary: string;
      recordingUrl: string;
      /** The lowest tier that may watch it; null publishes it for everyone. */
      tierId: number | null;
    },
    { viewer, effects, now },
  ) {
    ensure("publishEventRecording", viewer, input.event);
    const tiers = await cascadeTiers(trx);
    if (input.tierId !== null && !tiers.some((t) => t.id === input.tierId))
      throw new FieldError("audience", "Choose a tier from the list, or everyone.");
    const slug = await uniqueSlug(trx, input.title);
    const item = await trx
      .insertInto("early_access_items")
      .values({
        slug,
        kind: "recording",
        title: input.title,
        teaser: "",
        summary: input.summary,
        body_md: "",
        body_html: "",
        download_url: null,
        recording_url: input.recordingUrl,
        requires_nda: false,
        language: detectWrittenIn(`${input.title}\n${input.summary}`, "en"),
        status: "published",
        published_at: now,
        public_at: input.tierId === null ? now : null,
        author_id: viewer!.id,
        updated_by: viewer!.id,
        created_at: now,
        updated_at: now,
      })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    if (input.tierId !== null) await writeReleases(trx, item.id, new Map([[input.tierId, now]]));
    effects.audit({
      actorId: viewer!.id,
      action: "early_access.published",
      subjectType: "early_access_item",
      subjectId: item.id,
    });
    return item;
  },
  retryOn: (error) => isUniqueViolation(error, "early_access_items_slug_key"),
});

export const updateItem = defineCommand({
  name: "early_access.update",
  async run(trx, input: ItemFields & { itemId: number }, { viewer, effects, now }) {
    ensure("manageEarlyAccess", viewer);
    validateCascade(await cascadeTiers(trx), input.dates, input.publicAt);
    const updated = await trx
      .updateTable("early_access_items")
      .set({
        ...contentColumns(input),
        public_at: input.publicAt,
        updated_by: viewer.id,
        updated_at: now,
      })
      .where("id", "=", input.itemId)
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (!updated) throw new NotFoundError("That early-access item does not exist.");
    await writeReleases(trx, updated.id, input.dates);
    effects.audit({
      actorId: viewer.id,
      action: "early_access.updated",
      subjectType: "early_access_item",
      subjectId: updated.id,
    });
    return updated;
  },
});

/** Publishes an item (each tier reads it from its date) or takes it back to a draft. */
export const setPublished = defineCommand({
  name: "early_access.set_published",
  async run(trx, input: { itemId: number; published: boolean }, { viewer, effects, now }) {
    ensure("manageEarlyAccess", viewer);
    const item = await trx
      .selectFrom("early_access_items")
      .select(["id", "slug", "title", "published_at"])
      .where("id", "=", input.itemId)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw new NotFoundError("That early-access item does not exist.");
    await trx
      .updateTable("early_access_items")
      .set({
        status: input.published ? "published" : "draft",
        published_at: input.published ? (item.published_at ?? now) : item.published_at,
        updated_by: viewer.id,
        updated_at: now,
      })
      .where("id", "=", item.id)
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: input.published ? "early_access.published" : "early_access.unpublished",
      subjectType: "early_access_item",
      subjectId: item.id,
    });
    return { slug: item.slug, title: item.title };
  },
});

/** Everything about an item for its editor. */
export async function getItemForEditing(db: Queryable, viewer: Viewer, itemId: number) {
  ensure("manageEarlyAccess", viewer);
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
  viewer: Viewer,
  options: { page?: number; now?: Date } = {},
) {
  ensure("manageEarlyAccess", viewer);
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
