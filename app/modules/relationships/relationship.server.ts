import type { Queryable } from "../../../db/client.ts";
import { FieldError, NotFoundError } from "../../utils/errors.ts";
import { allowed, ensure } from "../access/ensure.ts";
import { isStaff, STAFF_ROLES } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { goalsOf } from "./goals.server.ts";
import {
  atNoon,
  MAX_GOAL_LENGTH,
  MAX_GOALS,
  type ConversationInput,
  type GoalInput,
  type NextStepInput,
} from "./validation.ts";

const DAY = 86_400_000;

/** The member a relationship page is about: anyone signed up who is not on the community team. */
export async function relationshipSubject(db: Queryable, userId: number) {
  const person = await db
    .selectFrom("users")
    .leftJoin("profiles", "profiles.user_id", "users.id")
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "users.email",
      "users.role",
      "users.created_at",
      "profiles.company",
      "profiles.job_title",
      "profiles.industry",
      "profiles.location",
      "profiles.expertise",
    ])
    .where("users.id", "=", userId)
    .where("users.deleted_at", "is", null)
    .executeTakeFirst();
  if (!person || isStaff({ id: person.id, role: person.role }))
    throw new NotFoundError("We could not find that advocate.");
  return person;
}
export type RelationshipSubject = Awaited<ReturnType<typeof relationshipSubject>>;

/** Staff who can own a next step (and so receive its reminder). */
export async function relationshipOwners(db: Queryable) {
  const staff = await db
    .selectFrom("users")
    .select(["id", "display_name as name", "role"])
    .where("role", "in", [...STAFF_ROLES])
    .where("deleted_at", "is", null)
    .orderBy("display_name")
    .execute();
  return staff
    .filter((s) => allowed("manageRelationships", { id: s.id, role: s.role }))
    .map(({ id, name }) => ({ id, name }));
}

/** Everything the staff-only relationship page shows about one advocate. */
export async function relationshipOf(db: Queryable, userId: number) {
  const advocate = await relationshipSubject(db, userId);
  const [goals, conversations, nextSteps, owners] = await Promise.all([
    goalsOf(db, userId),
    db
      .selectFrom("relationship_conversations as c")
      .leftJoin("users as a", "a.id", "c.author_id")
      .select(["c.id", "c.held_at", "c.notes", "c.created_at", "a.display_name as author_name"])
      .where("c.advocate_id", "=", userId)
      .orderBy("c.held_at", "desc")
      .orderBy("c.id", "desc")
      .execute(),
    db
      .selectFrom("relationship_next_steps as s")
      .leftJoin("users as o", "o.id", "s.owner_id")
      .select([
        "s.id",
        "s.body",
        "s.due_at",
        "s.reminded_at",
        "s.done_at",
        "s.owner_id",
        "o.display_name as owner_name",
      ])
      .where("s.advocate_id", "=", userId)
      // Open steps first, soonest due; then what was done, latest first.
      .orderBy((eb) => eb.case().when("s.done_at", "is", null).then(0).else(1).end())
      .orderBy("s.due_at")
      .orderBy("s.id")
      .execute(),
    relationshipOwners(db),
  ]);
  return { advocate, goals, conversations, nextSteps, owners };
}

/**
 * A manager writes down a goal the advocate told them, in the advocate's
 * words. It joins the advocate's own list, which they see and edit in their
 * settings: a goal is theirs, never a staff note.
 */
export const recordGoal = defineCommand({
  name: "relationship.record_goal",
  authorize(viewer) {
    ensure("manageRelationships", viewer);
  },
  async run(trx, input: GoalInput & { advocateId: number }, { viewer, effects, now }) {
    ensure("manageRelationships", viewer);
    await relationshipSubject(trx, input.advocateId);
    const body = input.goal.trim();
    if (body.length > MAX_GOAL_LENGTH)
      throw new FieldError("goal", `Keep the goal under ${MAX_GOAL_LENGTH} characters.`);
    const goals = await trx
      .selectFrom("advocate_goals")
      .select(["position"])
      .where("user_id", "=", input.advocateId)
      .orderBy("position", "desc")
      .forUpdate()
      .execute();
    if (goals.length >= MAX_GOALS)
      throw new FieldError(
        "goal",
        `They already have ${MAX_GOALS} goals. They can change their list in their settings.`,
      );
    await trx
      .insertInto("advocate_goals")
      .values({
        user_id: input.advocateId,
        position: (goals[0]?.position ?? 0) + 1,
        body,
        created_at: now,
        updated_at: now,
      })
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: "relationship.goal_recorded",
      subjectType: "user",
      subjectId: input.advocateId,
    });
    return body;
  },
});

/** A manager records a conversation with an advocate: the day and what was said. */
export const recordConversation = defineCommand({
  name: "relationship.record_conversation",
  authorize(viewer) {
    ensure("manageRelationships", viewer);
  },
  async run(trx, input: ConversationInput & { advocateId: number }, { viewer, effects, now }) {
    ensure("manageRelationships", viewer);
    await relationshipSubject(trx, input.advocateId);
    const heldAt = atNoon(input.heldOn);
    if (heldAt.getTime() > now.getTime() + DAY)
      throw new FieldError("heldOn", "A conversation cannot be in the future.");
    const row = await trx
      .insertInto("relationship_conversations")
      .values({
        advocate_id: input.advocateId,
        author_id: viewer.id,
        held_at: heldAt,
        notes: input.notes.trim(),
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: "relationship.conversation_recorded",
      subjectType: "user",
      subjectId: input.advocateId,
      details: { conversationId: row.id },
    });
    return row.id;
  },
});

/** A manager plans a next step for an advocate: what, by when, and who on the team owns it. */
export const addNextStep = defineCommand({
  name: "relationship.add_next_step",
  authorize(viewer) {
    ensure("manageRelationships", viewer);
  },
  async run(trx, input: NextStepInput & { advocateId: number }, { viewer, effects, now }) {
    ensure("manageRelationships", viewer);
    await relationshipSubject(trx, input.advocateId);
    const dueAt = atNoon(input.dueOn);
    if (dueAt.getTime() < now.getTime() - DAY)
      throw new FieldError("dueOn", "Choose today or a later day.");
    const ownerId = input.ownerId ?? viewer.id;
    const owners = await relationshipOwners(trx);
    if (!owners.some((o) => o.id === ownerId))
      throw new FieldError("ownerId", "Choose someone on the community team as the owner.");
    const row = await trx
      .insertInto("relationship_next_steps")
      .values({
        advocate_id: input.advocateId,
        owner_id: ownerId,
        body: input.body.trim(),
        due_at: dueAt,
        created_by: viewer.id,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: "relationship.next_step_added",
      subjectType: "user",
      subjectId: input.advocateId,
      details: { nextStepId: row.id, ownerId },
    });
    return row.id;
  },
});

/** Marks a next step done; a step already done stays as it was (409). */
export const completeNextStep = defineCommand({
  name: "relationship.complete_next_step",
  authorize(viewer) {
    ensure("manageRelationships", viewer);
  },
  async run(trx, input: { advocateId: number; stepId: number }, { viewer, effects, now }) {
    ensure("manageRelationships", viewer);
    const step = await trx
      .selectFrom("relationship_next_steps")
      .select(["id", "done_at"])
      .where("id", "=", input.stepId)
      .where("advocate_id", "=", input.advocateId)
      .forUpdate()
      .executeTakeFirst();
    if (!step) throw new NotFoundError("That next step does not exist.");
    if (step.done_at) throw new FieldError("stepId", "That next step is already done.", 409);
    await trx
      .updateTable("relationship_next_steps")
      .set({ done_at: now, done_by: viewer.id })
      .where("id", "=", step.id)
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: "relationship.next_step_done",
      subjectType: "user",
      subjectId: input.advocateId,
      details: { nextStepId: step.id },
    });
  },
});
