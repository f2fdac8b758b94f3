import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import type { TierChange } from "../../../db/tables/tiers.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { isProspect, isVerifiedCustomer, policy, type Viewer } from "../access/policy.ts";
import {
  balanceSql,
  countLiveShowcases,
  standingFacts,
  usersWithBalance,
} from "../reputation/reads.server.ts";
import {
  badgeInfo,
  listTiers,
  toRule,
  type TierBadgeInfo,
  type TierRow,
} from "./catalogue.server.ts";
import {
  automaticTierFor,
  keepsThreshold,
  describeProgress,
  progressPercent,
  progressToNext,
  type Standing,
  type TierRule,
} from "./rules.ts";

/**
 * A person's standing: the base tier every advocate has, the automatic tier
 * they hold through reputation (stored, with hysteresis) and any active
 * award. Their effective tier is the highest of these. Awards are checked
 * against the clock at read time, so an expired term never counts even
 * before the lapse sweep has written its history row.
 */

export interface AutomaticTierChange {
  userId: number;
  from: { id: number; name: string; rank: number } | null;
  to: { id: number; name: string; rank: number } | null;
}

/**
 * Brings the automatic tier a person holds in line with their balance:
 * reached at a threshold, lost only below 90 % of it. Call it inside the
 * transaction that changed the balance (the ledger does); writes a history
 * row when the tier changes and returns the change, or null.
 */
export async function syncAutomaticTier(
  db: Queryable,
  userId: number,
  options: { at?: Date; tiers?: TierRow[] } = {},
): Promise<AutomaticTierChange | null> {
  return inTransaction(db, async (trx) => {
    // One round trip in the common case: who they are, what they hold, their
    // balance and the automatic tiers of the catalogue.
    const row = await sql<{
      role: Role;
      held_id: number | null;
      held_rank: number | null;
      held_name: string | null;
      balance: number | null;
      tiers: TierRule[] | string | null;
    }>`
      select u.role, h.tier_id as held_id, t.rank as held_rank, t.name as held_name,
        ${balanceSql(sql`u.id`)} as balance,
        (select json_agg(json_build_object(
            'id', a.id, 'slug', a.slug, 'name', a.name, 'rank', a.rank, 'kind', a.kind,
            'reputationThreshold', a.reputation_threshold, 'requiresShowcase', a.requires_showcase,
            'termMonths', a.term_months))
          from tiers a where a.kind = 'automatic') as tiers
      from users u
      left join tier_automatic_holdings h on h.user_id = u.id
      left join tiers t on t.id = h.tier_id
      where u.id = ${userId}`.execute(trx);
    const user = row.rows[0];
    if (!user) return null;
    const tiers: TierRule[] = options.tiers
      ? options.tiers.map(toRule)
      : typeof user.tiers === "string"
        ? JSON.parse(user.tiers)
        : (user.tiers ?? []);
    const held =
      user.held_id !== null
        ? { id: user.held_id, name: user.held_name!, rank: user.held_rank! }
        : null;
    const balance = Number(user.balance ?? 0);
    // Showcases matter only once the balance is near a tier that needs one.
    const showcasesMatter = tiers.some(
      (t) =>
        t.requiresShowcase &&
        t.reputationThreshold !== null &&
        keepsThreshold(balance, t.reputationThreshold),
    );
    const showcases = showcasesMatter ? await countLiveShowcases(trx, userId) : 0;
    // Only verified customers hold tiers; anyone else loses what they held.
    const target = isVerifiedCustomer(user)
      ? automaticTierFor(tiers, held?.rank ?? null, { balance, showcases })
      : null;
    if ((target?.id ?? null) === (held?.id ?? null)) return null;

    const at = options.at ?? new Date();
    if (target) {
      await trx
        .insertInto("tier_automatic_holdings")
        .values({ user_id: userId, tier_id: target.id, since: at, updated_at: at })
        .onConflict((oc) =>
          oc.column("user_id").doUpdateSet({ tier_id: target.id, since: at, updated_at: at }),
        )
        .execute();
    } else {
      await trx.deleteFrom("tier_automatic_holdings").where("user_id", "=", userId).execute();
    }
    const rising = !held || (target !== null && target.rank > held.rank);
    const change: TierChange = rising ? "reached" : "lost";
    const historyTier = rising ? target! : held!;
    await trx
      .insertInto("tier_history")
      .values({
        user_id: userId,
        tier_id: historyTier.id,
        change,
        actor_id: null,
        reason: rising
          ? "Reached through reputation."
          : target
            ? `Reputation fell below 90 % of the ${held!.name} threshold; ${target.name} is kept.`
            : isVerifiedCustomer(user)
              ? `Reputation fell below 90 % of the ${held!.name} threshold.`
              : "No longer a verified customer.",
        created_at: at,
      })
      .execute();
    return {
      userId,
      from: held,
      to: target ? { id: target.id, name: target.name, rank: target.rank } : null,
    };
  });
}

/**
 * Recomputes the automatic tier of everyone who has a balance or holds a
 * tier (after a catalogue change, or as a consistency check). Returns the
 * changes it made.
 */
export async function reconcileAutomaticTiers(
  db: Queryable,
  options: { at?: Date } = {},
): Promise<AutomaticTierChange[]> {
  const [tiers, withBalance, holders] = await Promise.all([
    listTiers(db),
    usersWithBalance(db),
    db.selectFrom("tier_automatic_holdings").select("user_id").execute(),
  ]);
  const people = [...new Set([...withBalance, ...holders.map((h) => h.user_id)])]
    .sort((a, b) => a - b)
    .map((id) => ({ id }));
  const changes: AutomaticTierChange[] = [];
  for (const person of people) {
    const change = await syncAutomaticTier(db, person.id, { at: options.at, tiers });
    if (change) changes.push(change);
  }
  return changes;
}

export interface EffectiveTier {
  tier: TierBadgeInfo;
  /** How it is held: every advocate's base tier, reputation, or an award. */
  source: "base" | "automatic" | "award";
  since: Date | null;
  /** For awards: when the current term ends. */
  termEnd: Date | null;
  /** Why they hold it, in a sentence. */
  why: string;
}

/** Effective tiers of many people at once (lists, profiles); prospects and unknowns are absent. */
export async function effectiveTiers(
  db: Queryable,
  userIds: number[],
  now = new Date(),
): Promise<Map<number, EffectiveTier>> {
  const result = new Map<number, EffectiveTier>();
  if (userIds.length === 0) return result;
  const [tiers, users, holdings, awards] = await Promise.all([
    listTiers(db),
    db
      .selectFrom("users")
      .select(["id", "role", "verified_customer_at", "created_at"])
      .where("id", "in", userIds)
      .execute(),
    db
      .selectFrom("tier_automatic_holdings")
      .select(["user_id", "tier_id", "since"])
      .where("user_id", "in", userIds)
      .execute(),
    db
      .selectFrom("tier_awards")
      .select(["user_id", "tier_id", "since", "term_end", "reason"])
      .where("user_id", "in", userIds)
      .where("status", "=", "active")
      .where("since", "<=", now)
      .where("term_end", ">", now)
      .execute(),
  ]);
  const byId = new Map(tiers.map((t) => [t.id, t]));
  const base = tiers.filter((t) => t.kind === "base").sort((a, b) => b.rank - a.rank)[0];
  for (const user of users) {
    if (isProspect(user)) continue;
    const candidates: EffectiveTier[] = [];
    if (isVerifiedCustomer(user) && base)
      candidates.push({
        tier: badgeInfo(base),
        source: "base",
        since: user.verified_customer_at ?? user.created_at,
        termEnd: null,
        why: "Every verified customer is a member.",
      });
    const holding = holdings.find((h) => h.user_id === user.id);
    if (holding && byId.has(holding.tier_id))
      candidates.push({
        tier: badgeInfo(byId.get(holding.tier_id)!),
        source: "automatic",
        since: holding.since,
        termEnd: null,
        why: reachedBecause(byId.get(holding.tier_id)!),
      });
    for (const award of awards.filter((a) => a.user_id === user.id)) {
      if (!byId.has(award.tier_id)) continue;
      candidates.push({
        tier: badgeInfo(byId.get(award.tier_id)!),
        source: "award",
        since: award.since,
        termEnd: award.term_end,
        why: award.reason,
      });
    }
    const best = candidates.sort((a, b) => b.tier.rank - a.tier.rank)[0];
    if (best) result.set(user.id, best);
  }
  return result;
}

function reachedBecause(tier: TierRow): string {
  if (tier.reputation_threshold === null) return "Reached through reputation.";
  return `Reached ${tier.reputation_threshold.toLocaleString("en-GB")} reputation${
    tier.requires_showcase ? " with a verified talk or published case study" : ""
  }.`;
}

export async function effectiveTier(
  db: Queryable,
  userId: number,
  now = new Date(),
): Promise<EffectiveTier | null> {
  return (await effectiveTiers(db, [userId], now)).get(userId) ?? null;
}

export interface HistoryLine {
  id: number;
  change: TierChange;
  tierName: string;
  reason: string | null;
  termStart: Date | null;
  termEnd: Date | null;
  actorName: string | null;
  actorHandle: string | null;
  createdAt: Date;
}

export async function tierHistory(
  db: Queryable,
  userId: number,
  limit = 50,
): Promise<HistoryLine[]> {
  const rows = await db
    .selectFrom("tier_history as h")
    .innerJoin("tiers as t", "t.id", "h.tier_id")
    .leftJoin("users as actor", "actor.id", "h.actor_id")
    .select([
      "h.id",
      "h.change",
      "t.name as tier_name",
      "h.reason",
      "h.term_start",
      "h.term_end",
      "h.created_at",
      "actor.display_name as actor_name",
      "actor.handle as actor_handle",
    ])
    .where("h.user_id", "=", userId)
    .orderBy("h.created_at", "desc")
    .orderBy("h.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    change: r.change,
    tierName: r.tier_name,
    reason: r.reason,
    termStart: r.term_start,
    termEnd: r.term_end,
    actorName: r.actor_name,
    actorHandle: r.actor_handle,
    createdAt: r.created_at,
  }));
}

export interface TierOverview {
  current: EffectiveTier | null;
  standing: Standing;
  next: {
    tier: TierBadgeInfo;
    text: string;
    percent: number;
    awarded: boolean;
  } | null;
  catalogue: Array<TierBadgeInfo & { unlocks: string[]; reached: string }>;
}

function howReached(tier: TierRow): string {
  if (tier.kind === "base") return "Every verified customer.";
  if (tier.kind === "automatic")
    return `Reached automatically at ${tier.reputation_threshold!.toLocaleString("en-GB")} reputation${
      tier.requires_showcase ? " with at least one verified talk or published case study" : ""
    }; kept down to 90 % of it.`;
  return `Awarded by a community manager for a ${tier.term_months}-month term, reviewed on contributions.`;
}

/** What /settings/tier and the profile show: tier, since when, term end, progress. */
export async function tierOverview(
  db: Queryable,
  user: { id: number; role: Role },
  now = new Date(),
): Promise<TierOverview> {
  const [tiers, standing, current] = await Promise.all([
    listTiers(db),
    standingFacts(db, user.id),
    effectiveTier(db, user.id, now),
  ]);
  const rank = isProspect(user) ? 0 : (current?.tier.rank ?? 0);
  const progress = isVerifiedCustomer(user)
    ? progressToNext(tiers.map(toRule), rank, standing)
    : null;
  const nextTier = progress ? tiers.find((t) => t.id === progress.tier.id) : undefined;
  return {
    current,
    standing,
    next:
      progress && nextTier
        ? {
            tier: badgeInfo(nextTier),
            text: describeProgress(progress),
            percent: progressPercent(progress),
            awarded: progress.awarded,
          }
        : null,
    catalogue: tiers.map((t) => ({ ...badgeInfo(t), unlocks: t.unlocks, reached: howReached(t) })),
  };
}

/** The tier part of a profile page: badge, since, term end; progress only for its owner. */
export async function profileTier(
  db: Queryable,
  viewer: Viewer,
  profile: { id: number; role: Role },
  now = new Date(),
) {
  if (isProspect(profile)) return null;
  const isOwner = viewer?.id === profile.id;
  // Others see the tier only; the standing and progress behind it are the owner's.
  const overview = isOwner
    ? await tierOverview(db, profile, now)
    : { current: await effectiveTier(db, profile.id, now), next: null };
  return {
    current: overview.current,
    next: isOwner ? overview.next : null,
    isOwner,
    canNominate: !isOwner && isVerifiedCustomer(profile) && policy.nominateForTier(viewer),
  };
}
