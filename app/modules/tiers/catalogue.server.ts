import type { Selectable } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import type { TiersTable } from "../../../db/tables/tiers.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { recordAudit } from "../audit/audit.server.ts";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "../auth/errors.ts";
import type { TierRule } from "./rules.ts";
import type { TierInput } from "./validation.ts";

export type TierRow = Selectable<TiersTable>;

export function toRule(row: TierRow): TierRule {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    rank: row.rank,
    kind: row.kind,
    reputationThreshold: row.reputation_threshold,
    requiresShowcase: row.requires_showcase,
    termMonths: row.term_months,
  };
}

/** The catalogue, lowest rank first. */
export async function listTiers(db: Queryable): Promise<TierRow[]> {
  return db.selectFrom("tiers").selectAll().orderBy("rank").execute();
}

export async function getTier(db: Queryable, id: number): Promise<TierRow> {
  const tier = await db.selectFrom("tiers").selectAll().where("id", "=", id).executeTakeFirst();
  if (!tier) throw new NotFoundError("That tier does not exist.");
  return tier;
}

/** The public face of a tier: what a badge and a profile show. */
export interface TierBadgeInfo {
  id: number;
  slug: string;
  name: string;
  rank: number;
  kind: TierRow["kind"];
  colour: string;
  icon: string;
  description: string;
}

export function badgeInfo(tier: TierRow): TierBadgeInfo {
  return {
    id: tier.id,
    slug: tier.slug,
    name: tier.name,
    rank: tier.rank,
    kind: tier.kind,
    colour: tier.colour,
    icon: tier.icon,
    description: tier.description,
  };
}

function assertAdmin(actor: { id: number; role: Role }) {
  if (actor.role !== "admin")
    throw new ForbiddenError("Only admins can change the tier catalogue.");
}

function columnsFor(input: TierInput) {
  return {
    name: input.name,
    rank: input.rank,
    kind: input.kind,
    description: input.description,
    colour: input.colour,
    icon: input.icon,
    reputation_threshold: input.kind === "automatic" ? input.reputationThreshold! : null,
    requires_showcase: input.kind === "automatic" ? input.requiresShowcase : false,
    term_months: input.kind === "awarded" ? input.termMonths! : null,
    unlocks: input.unlocks,
  };
}

function rankTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === "23505" && `${e.constraint} ${e.message}`.includes("rank");
}

/**
 * An admin edits a tier. Terms that change get a new version, so everyone
 * acknowledges the new text before the next gated read. Audited.
 */
export async function updateTier(
  db: Queryable,
  actor: { id: number; role: Role },
  tierId: number,
  input: TierInput,
): Promise<TierRow> {
  assertAdmin(actor);
  try {
    return await inTransaction(db, async (trx) => {
      const before = await trx
        .selectFrom("tiers")
        .selectAll()
        .where("id", "=", tierId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw new NotFoundError("That tier does not exist.");
      if (before.kind !== input.kind) await assertKindChangeAllowed(trx, before, input.kind);
      const termsChanged = before.nda_terms_md !== input.ndaTerms;
      const updated = await trx
        .updateTable("tiers")
        .set({
          ...columnsFor(input),
          nda_terms_md: input.ndaTerms,
          nda_terms_html: renderMarkdown(input.ndaTerms, { trustedLinks: true }),
          nda_terms_version: termsChanged ? before.nda_terms_version + 1 : before.nda_terms_version,
          updated_at: new Date(),
        })
        .where("id", "=", tierId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "tier.updated",
        subjectType: "tier",
        subjectId: tierId,
        details: {
          name: updated.name,
          rank: updated.rank,
          kind: updated.kind,
          threshold: updated.reputation_threshold,
          termsVersion: updated.nda_terms_version,
        },
      });
      return updated;
    });
  } catch (error) {
    if (rankTaken(error))
      throw new FieldError("rank", "Another tier has this rank; ranks are unique.", 409);
    throw error;
  }
}

/** An admin adds a tier to the catalogue. */
export async function createTier(
  db: Queryable,
  actor: { id: number; role: Role },
  input: TierInput & { slug: string },
): Promise<TierRow> {
  assertAdmin(actor);
  try {
    return await inTransaction(db, async (trx) => {
      const created = await trx
        .insertInto("tiers")
        .values({
          slug: input.slug,
          ...columnsFor(input),
          nda_terms_md: input.ndaTerms,
          nda_terms_html: renderMarkdown(input.ndaTerms, { trustedLinks: true }),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "tier.created",
        subjectType: "tier",
        subjectId: created.id,
        details: { name: created.name, rank: created.rank, kind: created.kind },
      });
      return created;
    });
  } catch (error) {
    if (rankTaken(error))
      throw new FieldError("rank", "Another tier has this rank; ranks are unique.", 409);
    const e = error as { code?: string; message?: string };
    if (e?.code === "23505" && e.message?.includes("slug"))
      throw new FieldError("name", "A tier with this name already exists.", 409);
    throw error;
  }
}

/** A tier that people hold one way cannot silently switch to another way of being reached. */
async function assertKindChangeAllowed(trx: Queryable, tier: TierRow, next: TierRow["kind"]) {
  if (tier.kind === "awarded") {
    const active = await trx
      .selectFrom("tier_awards")
      .select("id")
      .where("tier_id", "=", tier.id)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (active)
      throw new ConflictError(
        `${tier.name} is held by award; revoke or let the awards lapse before it is reached another way.`,
      );
  }
  if (tier.kind === "automatic" && next !== "automatic") {
    const held = await trx
      .selectFrom("tier_automatic_holdings")
      .select("user_id")
      .where("tier_id", "=", tier.id)
      .executeTakeFirst();
    if (held)
      throw new ConflictError(
        `People hold ${tier.name} through their reputation; lower the threshold to zero holders first.`,
      );
  }
}
