import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { BADGE_BY_KEY, BADGES, evaluateBadges, type LedgerFact } from "./badges.ts";

export interface BadgeGrant {
  userId: number;
  badge: string;
  name: string;
  icon: string;
  earnedAt: Date;
}

/**
 * Grants the badges this person's ledger has reached and they do not hold
 * yet. Idempotent and safe under races: a badge is a (user, badge) primary
 * key, so a second grant is a no-op. Returns only the newly granted ones.
 */
export async function checkBadges(db: Queryable, userId: number): Promise<BadgeGrant[]> {
  // One round trip: the badges held (repeated on every row) and the ledger to replay.
  const rows = await db
    .selectFrom("reputation_ledger")
    .select([
      "id",
      "amount",
      "rule",
      "area",
      "source_type",
      "source_id",
      "reverses_id",
      "created_at",
      sql<
        string[] | null
      >`(select array_agg(badge) from reputation_badges where user_id = ${userId})`.as("held"),
    ])
    .where("user_id", "=", userId)
    .execute();
  const earned = new Set(rows[0]?.held ?? []);
  if (rows.length === 0 || BADGES.every((b) => earned.has(b.key))) return [];
  const facts: LedgerFact[] = rows.map((f) => ({
    id: Number(f.id),
    amount: f.amount,
    rule: f.rule,
    area: f.area,
    source_type: f.source_type,
    source_id: f.source_id,
    reverses_id: f.reverses_id === null ? null : Number(f.reverses_id),
    created_at: new Date(f.created_at),
  }));
  const reached = evaluateBadges(facts, earned);
  if (reached.length === 0) return [];
  const inserted = await db
    .insertInto("reputation_badges")
    .values(reached.map((r) => ({ user_id: userId, badge: r.badge, earned_at: r.earnedAt })))
    .onConflict((oc) => oc.columns(["user_id", "badge"]).doNothing())
    .returning(["badge", "earned_at"])
    .execute();
  return inserted.map((row) => {
    const def = BADGE_BY_KEY.get(row.badge)!;
    return {
      userId,
      badge: row.badge,
      name: def.name,
      icon: def.icon,
      earnedAt: new Date(row.earned_at),
    };
  });
}

/** A person's badges, most recent first, with their definitions. */
export async function listBadges(db: Queryable, userId: number) {
  const rows = await db
    .selectFrom("reputation_badges")
    .select(["badge", "earned_at"])
    .where("user_id", "=", userId)
    .orderBy("earned_at", "desc")
    .orderBy("badge")
    .execute();
  return rows.flatMap((row) => {
    const def = BADGE_BY_KEY.get(row.badge);
    return def
      ? [
          {
            key: def.key,
            name: def.name,
            description: def.description,
            icon: def.icon,
            earnedAt: new Date(row.earned_at),
          },
        ]
      : [];
  });
}
