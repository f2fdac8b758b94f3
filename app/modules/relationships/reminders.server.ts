import { defineCommand } from "../commands/command.server.ts";
import { mailDay } from "../mail/templates/locale-context.ts";
import { NextStepDueEmail } from "../mail/templates/relationships.tsx";
import { mailPerson } from "../mail/to-person.server.ts";

/** How long before its due day the owner of a next step is reminded. */
export const NEXT_STEP_REMINDER_HOURS = 24;

export const relationshipPath = (advocateId: number) => `/manage/people/${advocateId}/relationship`;

const dayText = (date: Date) =>
  date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/**
 * Reminds the owner of each open next step once, a day before it is due: a
 * notice in their notifications and an email through the outbox. Time alone
 * makes this due, so the hourly sweep runs it; `reminded_at` (and the mail's
 * key) keep it to one reminder per step however often and wherever it runs.
 */
export const remindNextStepsDue = defineCommand({
  name: "relationship.remind_next_steps",
  async run(trx, _input: Record<string, never>, { effects, now }) {
    const horizon = new Date(now.getTime() + NEXT_STEP_REMINDER_HOURS * 3_600_000);
    const due = await trx
      .selectFrom("relationship_next_steps as s")
      .innerJoin("users as a", "a.id", "s.advocate_id")
      .select(["s.id", "s.body", "s.due_at", "s.owner_id", "s.advocate_id", "a.display_name"])
      .where("s.done_at", "is", null)
      .where("s.reminded_at", "is", null)
      .where("s.owner_id", "is not", null)
      .where("s.due_at", "<=", horizon)
      .orderBy("s.id")
      .forUpdate("s")
      .skipLocked()
      .execute();
    for (const step of due) {
      const ownerId = step.owner_id!;
      const dueOn = dayText(new Date(step.due_at));
      const url = relationshipPath(step.advocate_id);
      effects.notify({
        userId: ownerId,
        kind: "info",
        title: `Next step for ${step.display_name} is due ${dueOn}`,
        description: step.body,
        url,
      });
      mailPerson(effects, {
        userId: ownerId,
        kind: "relationship_next_step_due",
        idempotencyKey: `relationship_next_step_due:${step.id}`,
        subject: (t, locale) =>
          t("mail.nextStepDue.subject", {
            advocate: step.display_name,
            dueOn: mailDay(locale, step.due_at),
          }),
        template: (person, link) =>
          NextStepDueEmail({
            name: person.name,
            advocateName: step.display_name,
            step: step.body,
            dueOn: new Date(step.due_at),
            link: link(url),
          }),
      });
    }
    if (due.length)
      await trx
        .updateTable("relationship_next_steps")
        .set({ reminded_at: now })
        .where(
          "id",
          "in",
          due.map((s) => s.id),
        )
        .execute();
    return due.map((s) => s.id);
  },
});
