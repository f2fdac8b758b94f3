import type { Queryable } from "../../../db/client.ts";
import { ConflictError, FieldError, NotFoundError, isUniqueViolation } from "../../utils/errors.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import type { Effects } from "../commands/effects.server.ts";
import type { TierRow } from "./catalogue.server.ts";
import { reconcileAutomaticTiers } from "./standing.server.ts";
import { tierKindProblem, type TierInput } from "./validation.ts";

/** Admins' changes to the tier catalogue; reading it is catalogue.server.ts. */

function columnsFor(input: TierInput) {
  const problem = tierKindProblem(input);
  if (problem) throw new FieldError(problem.field, problem.message);
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

/** The catalogue's unique columns, as the field a person should change. */
function catalogueConflict(error: unknown): never {
  if (rankTaken(error))
    throw new FieldError("rank", "Another tier has this rank; ranks are unique.", 409);
  if (isUniqueViolation(error) && String((error as Error).message).includes("slug"))
    throw new FieldError("name", "A tier with this name already exists.", 409);
  throw error;
}

/** Thresholds may have moved: everyone's automatic tier follows, and their sockets reload it. */
async function realignAutomaticTiers(trx: Queryable, effects: Effects, now: Date) {
  const changes = await reconcileAutomaticTiers(trx, { at: now });
  for (const change of changes) effects.refreshViewer(change.userId);
  return changes;
}

/**
 * An admin edits a tier. Terms that change get a new version, so everyone
 * acknowledges the new text before the next gated read. Audited; automatic
 * tiers are brought in line with the new thresholds in the same change.
 */
export const updateTier = defineCommand({
  name: "tier.update",
  async run(trx, input: TierInput & { tierId: number }, { viewer, effects, now }) {
    ensure("editTierCatalogue", viewer);
    const before = await trx
      .selectFrom("tiers")
      .selectAll()
      .where("id", "=", input.tierId)
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
        updated_at: now,
      })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(catalogueConflict);
    effects.audit({
      actorId: viewer.id,
      action: "tier.updated",
      subjectType: "tier",
      subjectId: updated.id,
      details: {
        name: updated.name,
        rank: updated.rank,
        kind: updated.kind,
        threshold: updated.reputation_threshold,
        termsVersion: updated.nda_terms_version,
      },
    });
    return { tier: updated, changes: await realignAutomaticTiers(trx, effects, now) };
  },
});

/** An admin adds a tier to the catalogue. */
export const createTier = defineCommand({
  name: "tier.create",
  async run(trx, input: TierInput & { slug: string }, { viewer, effects, now }) {
    ensure("editTierCatalogue", viewer);
    const created = await trx
      .insertInto("tiers")
      .values({
        slug: input.slug,
        ...columnsFor(input),
        nda_terms_md: input.ndaTerms,
        nda_terms_html: renderMarkdown(input.ndaTerms, { trustedLinks: true }),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(catalogueConflict);
    effects.audit({
      actorId: viewer.id,
      action: "tier.created",
      subjectType: "tier",
      subjectId: created.id,
      details: { name: created.name, rank: created.rank, kind: created.kind },
    });
    return { tier: created, changes: await realignAutomaticTiers(trx, effects, now) };
  },
});

/** An admin recomputes everyone's automatic tier from their reputation (a consistency check). */
export const recomputeAutomaticTiers = defineCommand({
  name: "tier.recompute_automatic",
  async run(trx, _input: Record<string, never>, { viewer, effects, now }) {
    ensure("editTierCatalogue", viewer);
    return realignAutomaticTiers(trx, effects, now);
  },
});

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
