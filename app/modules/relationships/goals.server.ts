import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { FieldError } from "../../utils/errors.ts";
import { MAX_GOAL_LENGTH, MAX_GOALS } from "./validation.ts";

/** A person's goals in their own words, in their order. Theirs to read, and staff's. */
export async function goalsOf(db: Queryable, userId: number) {
  return db
    .selectFrom("advocate_goals")
    .select(["id", "body", "updated_at"])
    .where("user_id", "=", userId)
    .orderBy("position")
    .execute();
}

/** Replaces the viewer's goals with this list (one transaction: the old list or the new, never half). */
export const saveOwnGoals = defineCommand({
  name: "goals.save",
  authorize(viewer) {
    ensure("editOwnGoals", viewer);
  },
  async run(trx, input: { goals: string[] }, { viewer, effects, now }) {
    ensure("editOwnGoals", viewer);
    const goals = input.goals.map((g) => g.trim()).filter(Boolean);
    if (goals.length > MAX_GOALS)
      throw new FieldError("goals", `Keep it to ${MAX_GOALS} goals, one per line.`);
    if (goals.some((g) => g.length > MAX_GOAL_LENGTH))
      throw new FieldError("goals", `Keep each goal under ${MAX_GOAL_LENGTH} characters.`);
    await trx.deleteFrom("advocate_goals").where("user_id", "=", viewer.id).execute();
    if (goals.length)
      await trx
        .insertInto("advocate_goals")
        .values(
          goals.map((body, i) => ({
            user_id: viewer.id,
            position: i + 1,
            body,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    effects.audit({
      actorId: viewer.id,
      action: "goals.saved",
      subjectType: "user",
      subjectId: viewer.id,
      details: { goals: goals.length },
    });
    return goals;
  },
});
