import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { recordAudit } from "../audit/audit.server.ts";
import {
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  isUniqueViolation,
} from "../auth/errors.ts";
import { recordNotices, type RecordedNotice } from "../notifications/record.server.ts";
import type { RealtimePublisher } from "../realtime/publisher.ts";
import { formatDay } from "../access/cascade.ts";

/**
 * Awarded tiers (MVP-style): a manager grants, renews or revokes, always
 * with a reason and a term. Each change is one transaction that writes the
 * award, a history row and an audit row; the advocate is told live after
 * the commit (see announceTierChange).
 */

export interface Actor {
  id: number;
  role: Role;
}

export interface TierNotice {
  userId: number;
  kind: "success" | "info";
  title: string;
  description: string;
  /** The notice as kept in the person's notifications list. */
  recorded?: RecordedNotice;
}

/** Keeps a tier notice in the person's notifications, in the caller's transaction. */
export async function keepTierNotice(
  trx: Queryable,
  notice: TierNotice,
  at: Date,
  url = "/settings/tier",
): Promise<TierNotice> {
  const [recorded] = await recordNotices(
    trx,
    [{ userId: notice.userId, title: notice.title, description: notice.description, url }],
    at,
  );
  return { ...notice, recorded };
}

function assertManager(actor: Actor) {
  if (actor.role !== "manager" && actor.role !== "admin")
    throw new ForbiddenError("Only community managers can grant, renew or revoke tiers.");
}

async function awardableTier(db: Queryable, tierId: number) {
  const tier = await db.selectFrom("tiers").selectAll().where("id", "=", tierId).executeTakeFirst();
  if (!tier) throw new FieldError("tierId", "Choose a tier from the list.", 404);
  if (tier.kind !== "awarded")
    throw new FieldError(
      "tierId",
      tier.kind === "automatic"
        ? `${tier.name} follows reputation; it cannot be awarded by hand.`
        : `${tier.name} is every advocate's tier; it cannot be awarded.`,
    );
  return tier;
}

/** The person an award may go to: a verified customer (advocate). */
async function awardableAdvocate(
  db: Queryable,
  who: { userId?: number; handle?: string },
  field = "handle",
) {
  let query = db.selectFrom("users").select(["id", "handle", "display_name", "role"]).forUpdate();
  if (who.userId !== undefined) query = query.where("id", "=", who.userId);
  else query = query.where((eb) => eb(eb.fn("lower", ["handle"]), "=", who.handle!.toLowerCase()));
  const user = await query.executeTakeFirst();
  if (!user) throw new FieldError(field, "We could not find anyone with that handle.", 404);
  if (user.role === "prospect")
    throw new FieldError(
      field,
      `${user.display_name} is a prospect: verify them as a customer before awarding a tier.`,
      409,
    );
  if (user.role !== "advocate")
    throw new FieldError(
      field,
      `${user.display_name} is on the community team; tiers are for advocates.`,
      409,
    );
  return user;
}

function checkTerm(termStart: Date, termEnd: Date) {
  if (!(termEnd.getTime() > termStart.getTime()))
    throw new FieldError("termEnd", "The term must end after it starts.");
}

export interface GrantResult {
  awardId: number;
  notice: TierNotice;
}

/** A manager grants an awarded tier for a term. */
export async function grantTier(
  db: Queryable,
  actor: Actor,
  input: {
    userId?: number;
    handle?: string;
    tierId: number;
    reason: string;
    termStart: Date;
    termEnd: Date;
    at?: Date;
  },
): Promise<GrantResult> {
  assertManager(actor);
  const reason = input.reason.trim();
  if (!reason) throw new FieldError("reason", "Give a reason: the advocate reads it.");
  checkTerm(input.termStart, input.termEnd);
  const at = input.at ?? new Date();
  try {
    return await inTransaction(db, async (trx) => {
      const tier = await awardableTier(trx, input.tierId);
      const user = await awardableAdvocate(trx, input);
      const existing = await trx
        .selectFrom("tier_awards")
        .select("id")
        .where("user_id", "=", user.id)
        .where("tier_id", "=", tier.id)
        .where("status", "=", "active")
        .executeTakeFirst();
      if (existing)
        throw new ConflictError(
          `${user.display_name} already holds ${tier.name}; renew the award instead.`,
        );
      const award = await trx
        .insertInto("tier_awards")
        .values({
          user_id: user.id,
          tier_id: tier.id,
          status: "active",
          since: input.termStart,
          term_start: input.termStart,
          term_end: input.termEnd,
          granted_by: actor.id,
          reason,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("tier_history")
        .values({
          user_id: user.id,
          tier_id: tier.id,
          change: "granted",
          award_id: award.id,
          actor_id: actor.id,
          reason,
          term_start: input.termStart,
          term_end: input.termEnd,
          created_at: at,
        })
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "tier.granted",
        subjectType: "user",
        subjectId: user.id,
        reason,
        details: {
          tier: tier.name,
          awardId: award.id,
          termStart: input.termStart.toISOString(),
          termEnd: input.termEnd.toISOString(),
        },
      });
      return {
        awardId: award.id,
        notice: await keepTierNotice(
          trx,
          {
            userId: user.id,
            kind: "success",
            title: `You are now ${article(tier.name)} ${tier.name}`,
            description: `${reason} Your term runs until ${formatDay(input.termEnd, at)}.`,
          },
          at,
        ),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, "tier_awards_one_active"))
      throw new ConflictError("This advocate already holds that tier; renew the award instead.");
    throw error;
  }
}

async function lockAward(trx: Queryable, awardId: number) {
  const award = await trx
    .selectFrom("tier_awards")
    .innerJoin("tiers", "tiers.id", "tier_awards.tier_id")
    .innerJoin("users", "users.id", "tier_awards.user_id")
    .selectAll("tier_awards")
    .select(["tiers.name as tier_name", "users.display_name"])
    .where("tier_awards.id", "=", awardId)
    .forUpdate("tier_awards")
    .executeTakeFirst();
  if (!award) throw new NotFoundError("That award does not exist.");
  return award;
}

/** A manager renews an active award for a new term (usually the next 12 months). */
export async function renewAward(
  db: Queryable,
  actor: Actor,
  awardId: number,
  input: { reason: string; termStart: Date; termEnd: Date; at?: Date },
): Promise<GrantResult> {
  assertManager(actor);
  const reason = input.reason.trim();
  if (!reason) throw new FieldError("reason", "Give a reason: the advocate reads it.");
  checkTerm(input.termStart, input.termEnd);
  const at = input.at ?? new Date();
  return inTransaction(db, async (trx) => {
    const award = await lockAward(trx, awardId);
    if (award.status !== "active")
      throw new ConflictError(
        `This award was ${award.status}; grant ${award.tier_name} again instead of renewing it.`,
      );
    await trx
      .updateTable("tier_awards")
      .set({
        term_start: input.termStart,
        term_end: input.termEnd,
        renewals: award.renewals + 1,
        updated_at: at,
      })
      .where("id", "=", awardId)
      .execute();
    await trx
      .insertInto("tier_history")
      .values({
        user_id: award.user_id,
        tier_id: award.tier_id,
        change: "renewed",
        award_id: awardId,
        actor_id: actor.id,
        reason,
        term_start: input.termStart,
        term_end: input.termEnd,
        created_at: at,
      })
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "tier.renewed",
      subjectType: "user",
      subjectId: award.user_id,
      reason,
      details: {
        tier: award.tier_name,
        awardId,
        previousEnd: new Date(award.term_end).toISOString(),
        termStart: input.termStart.toISOString(),
        termEnd: input.termEnd.toISOString(),
      },
    });
    return {
      awardId,
      notice: await keepTierNotice(
        trx,
        {
          userId: award.user_id,
          kind: "success",
          title: `Your ${award.tier_name} award is renewed`,
          description: `${reason} Your new term runs until ${formatDay(input.termEnd, at)}.`,
        },
        at,
      ),
    };
  });
}

/** A manager revokes an award before its term ends. */
export async function revokeAward(
  db: Queryable,
  actor: Actor,
  awardId: number,
  input: { reason: string; at?: Date },
): Promise<GrantResult> {
  assertManager(actor);
  const reason = input.reason.trim();
  if (!reason) throw new FieldError("reason", "Give a reason: the advocate reads it.");
  const at = input.at ?? new Date();
  return inTransaction(db, async (trx) => {
    const award = await lockAward(trx, awardId);
    if (award.status !== "active")
      throw new ConflictError(
        `This award has already ${award.status === "revoked" ? "been revoked" : "lapsed"}.`,
      );
    await trx
      .updateTable("tier_awards")
      .set({ status: "revoked", ended_at: at, ended_by: actor.id, updated_at: at })
      .where("id", "=", awardId)
      .execute();
    await trx
      .insertInto("tier_history")
      .values({
        user_id: award.user_id,
        tier_id: award.tier_id,
        change: "revoked",
        award_id: awardId,
        actor_id: actor.id,
        reason,
        term_start: award.term_start,
        term_end: award.term_end,
        created_at: at,
      })
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "tier.revoked",
      subjectType: "user",
      subjectId: award.user_id,
      reason,
      details: { tier: award.tier_name, awardId },
    });
    return {
      awardId,
      notice: await keepTierNotice(
        trx,
        {
          userId: award.user_id,
          kind: "info",
          title: `Your ${award.tier_name} award was revoked`,
          description: reason,
        },
        at,
      ),
    };
  });
}

/**
 * Ends every active award whose term is over, with a history row each. Safe
 * to run from several processes at once: rows are claimed with SKIP LOCKED.
 * Returns what the advocates should be told.
 */
export async function lapseExpiredAwards(db: Queryable, now = new Date()): Promise<TierNotice[]> {
  return inTransaction(db, async (trx) => {
    const expired = await trx
      .selectFrom("tier_awards")
      .innerJoin("tiers", "tiers.id", "tier_awards.tier_id")
      .select([
        "tier_awards.id",
        "tier_awards.user_id",
        "tier_awards.tier_id",
        "tier_awards.term_start",
        "tier_awards.term_end",
        "tiers.name as tier_name",
      ])
      .where("tier_awards.status", "=", "active")
      .where("tier_awards.term_end", "<=", now)
      .orderBy("tier_awards.id")
      .forUpdate("tier_awards")
      .skipLocked()
      .execute();
    const notices: TierNotice[] = [];
    for (const award of expired) {
      await trx
        .updateTable("tier_awards")
        .set({ status: "lapsed", ended_at: award.term_end, ended_by: null, updated_at: now })
        .where("id", "=", award.id)
        .execute();
      await trx
        .insertInto("tier_history")
        .values({
          user_id: award.user_id,
          tier_id: award.tier_id,
          change: "lapsed",
          award_id: award.id,
          actor_id: null,
          reason: "The term ended without a renewal.",
          term_start: award.term_start,
          term_end: award.term_end,
          created_at: now,
        })
        .execute();
      await recordAudit(trx, {
        actorId: null,
        action: "tier.lapsed",
        subjectType: "user",
        subjectId: award.user_id,
        details: { tier: award.tier_name, awardId: award.id },
      });
      notices.push(
        await keepTierNotice(
          trx,
          {
            userId: award.user_id,
            kind: "info",
            title: `Your ${award.tier_name} term has ended`,
            description:
              "Thank you for all you gave the community this year. Your history keeps it.",
          },
          new Date(award.term_end),
        ),
      );
    }
    return notices;
  });
}

/**
 * After commit: each advocate's open sockets reload their standing (so tier
 * spaces open, or close, without a reload), and they are told live,
 * wherever they are signed in.
 */
export function announceTierChange(publisher: RealtimePublisher, notices: TierNotice[]): void {
  for (const userId of new Set(notices.map((n) => n.userId))) publisher.refreshViewer?.(userId);
  for (const notice of notices) {
    publisher.toUser(notice.userId, "toast", {
      kind: notice.kind,
      title: notice.title,
      description: notice.description,
    });
    publisher.toUser(notice.userId, "tier:changed", { title: notice.title });
    if (notice.recorded)
      publisher.toUser(notice.userId, "notification:new", notice.recorded.payload);
  }
}

export interface AwardRow {
  id: number;
  userId: number;
  handle: string;
  displayName: string;
  tierId: number;
  tierName: string;
  status: "active" | "revoked" | "lapsed";
  since: Date;
  termStart: Date;
  termEnd: Date;
  renewals: number;
  reason: string;
  grantedByName: string | null;
}

export const AWARDS_PAGE_SIZE = 25;

/** Awards for the manager's list: active first (ending soonest), then ended ones. */
export async function listAwards(
  db: Queryable,
  options: { status?: "active" | "ended"; page?: number } = {},
): Promise<{ rows: AwardRow[]; total: number; page: number; pageCount: number }> {
  const page = Math.max(1, options.page ?? 1);
  let base = db
    .selectFrom("tier_awards as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .innerJoin("tiers as t", "t.id", "a.tier_id")
    .leftJoin("users as g", "g.id", "a.granted_by");
  if (options.status === "active") base = base.where("a.status", "=", "active");
  if (options.status === "ended") base = base.where("a.status", "<>", "active");
  const [rows, count] = await Promise.all([
    base
      .select([
        "a.id",
        "a.user_id",
        "u.handle",
        "u.display_name",
        "a.tier_id",
        "t.name as tier_name",
        "a.status",
        "a.since",
        "a.term_start",
        "a.term_end",
        "a.renewals",
        "a.reason",
        "g.display_name as granted_by_name",
      ])
      .orderBy((eb) => eb.case().when("a.status", "=", "active").then(0).else(1).end())
      .orderBy("a.term_end", "asc")
      .orderBy("a.id", "desc")
      .limit(AWARDS_PAGE_SIZE)
      .offset((page - 1) * AWARDS_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      handle: r.handle,
      displayName: r.display_name,
      tierId: r.tier_id,
      tierName: r.tier_name,
      status: r.status,
      since: r.since,
      termStart: r.term_start,
      termEnd: r.term_end,
      renewals: r.renewals,
      reason: r.reason,
      grantedByName: r.granted_by_name,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AWARDS_PAGE_SIZE)),
  };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) || /^MVP/.test(word) ? "an" : "a";
}
