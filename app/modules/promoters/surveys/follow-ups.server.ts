import { sql } from "kysely";
import type { Queryable } from "../../../../db/client.ts";
import { FieldError, NotFoundError } from "../../../utils/errors.ts";
import { allowed, ensure } from "../../access/ensure.ts";
import { STAFF_ROLES } from "../../access/policy.ts";
import { defineCommand } from "../../commands/command.server.ts";
import { paginate } from "../../../utils/paginate.ts";

export const FOLLOW_UPS_PAGE_SIZE = 25;

/** Detractor follow-ups, open ones first (soonest due), then the closed ones. */
export async function listFollowUps(db: Queryable, filter: { open: boolean; page: number }) {
  const base = () => {
    let q = db
      .selectFrom("nps_follow_ups as f")
      .innerJoin("nps_responses as a", "a.id", "f.response_id")
      .leftJoin("nps_surveys as s", "s.id", "f.survey_id")
      .leftJoin("users as o", "o.id", "f.owner_id");
    q = filter.open ? q.where("f.closed_at", "is", null) : q.where("f.closed_at", "is not", null);
    return q;
  };
  return paginate(filter.page, FOLLOW_UPS_PAGE_SIZE, {
    rows: (limit, offset) =>
      base()
        .select([
          "f.id",
          "f.due_at",
          "f.notes",
          "f.outcome",
          "f.closed_at",
          "f.created_at",
          "f.owner_id",
          "o.display_name as owner_name",
          "a.email",
          "a.name",
          "a.company",
          "a.score",
          "a.comment",
          "s.name as survey_name",
        ])
        .orderBy(filter.open ? "f.due_at" : "f.closed_at", filter.open ? "asc" : "desc")
        .orderBy("f.id")
        .limit(limit)
        .offset(offset)
        .execute(),
    count: () =>
      base()
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
  });
}

/** Staff who can own a follow-up. */
export async function followUpOwners(db: Queryable) {
  const rows = await db
    .selectFrom("users")
    .select(["id", "display_name", "role"])
    .where("role", "in", [...STAFF_ROLES])
    .orderBy("display_name")
    .execute();
  return rows
    .filter((r) => allowed("manageSurveys", { id: r.id, role: r.role }))
    .map((r) => ({ id: r.id, name: r.display_name }));
}

/** For the dashboard: how many are open and overdue, and how quickly they are closed. */
export async function followUpSummary(db: Queryable, now = new Date()) {
  const row = await db
    .selectFrom("nps_follow_ups")
    .select([
      sql<number>`count(*) filter (where closed_at is null)`.as("open"),
      sql<number>`count(*) filter (where closed_at is null and due_at < ${now})`.as("overdue"),
      sql<number>`count(*) filter (where closed_at is not null)`.as("closed"),
      sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (closed_at - created_at)))`.as(
        "medianSeconds",
      ),
    ])
    .executeTakeFirstOrThrow();
  const median = row.medianSeconds === null ? null : Number(row.medianSeconds);
  return {
    open: Number(row.open),
    overdue: Number(row.overdue),
    closed: Number(row.closed),
    /** Median time from the answer to closing, in hours; null before any was closed. */
    medianHoursToClose: median === null ? null : Math.round((median / 3600) * 10) / 10,
  };
}

export interface FollowUpChange {
  id: number;
  ownerId: number | null;
  dueOn: string;
  notes: string;
  outcome: string;
  close: boolean;
}

/** A manager records what happened: owner, due date, notes, outcome; closing needs an outcome. */
export const updateFollowUp = defineCommand({
  name: "follow_up.update",
  authorize(viewer) {
    ensure("manageSurveys", viewer);
  },
  async run(trx, input: FollowUpChange, { viewer, effects, now }) {
    ensure("manageSurveys", viewer);
    const current = await trx
      .selectFrom("nps_follow_ups")
      .selectAll()
      .where("id", "=", input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new NotFoundError("That follow-up does not exist.");
    if (current.closed_at)
      throw new FieldError("outcome", "This follow-up is already closed.", 409);
    const due = new Date(`${input.dueOn}T12:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn) || Number.isNaN(due.getTime()))
      throw new FieldError("dueOn", "Choose a due date.");
    if (input.ownerId !== null) {
      const owners = await followUpOwners(trx);
      if (!owners.some((o) => o.id === input.ownerId))
        throw new FieldError("ownerId", "Choose a community manager as the owner.");
    }
    if (input.close && !input.outcome.trim())
      throw new FieldError("outcome", "Write the outcome before closing the follow-up.");
    await trx
      .updateTable("nps_follow_ups")
      .set({
        owner_id: input.ownerId,
        due_at: due,
        notes: input.notes,
        outcome: input.outcome,
        ...(input.close ? { closed_at: now, closed_by: viewer.id } : {}),
      })
      .where("id", "=", input.id)
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: input.close ? "follow_up.closed" : "follow_up.updated",
      subjectType: "nps_follow_up",
      subjectId: input.id,
    });
  },
});
