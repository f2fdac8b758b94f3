import type { Queryable } from "../client.ts";

const DAY = 86_400_000;
const noon = (date: Date) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12));

/** Catie's goals in her own words, two conversations with the community team, and a next step. */
export async function seedRelationships(trx: Queryable, ids: Map<string, number>, now: Date) {
  const catie = ids.get("catie");
  const manager = ids.get("morgan") ?? null;
  if (!catie) return;
  const goals = [
    "Speak at a data engineering conference next year",
    "Grow my network in healthcare",
    "Get known as an expert in pipeline observability",
  ];
  await trx
    .insertInto("advocate_goals")
    .values(goals.map((body, i) => ({ user_id: catie, position: i + 1, body })))
    .execute();
  await trx
    .insertInto("relationship_conversations")
    .values([
      {
        advocate_id: catie,
        author_id: manager,
        held_at: noon(new Date(now.getTime() - 40 * DAY)),
        notes:
          "Quarterly check-in. She wants to move from meetups to a conference stage; her on-call story lands well. Worried about time away from her team in Q1.",
      },
      {
        advocate_id: catie,
        author_id: manager,
        held_at: noon(new Date(now.getTime() - 6 * DAY)),
        notes:
          "After her webinar. Open to one reference call a month with healthcare prospects. Asked for early access to the lineage preview.",
      },
    ])
    .execute();
  await trx
    .insertInto("relationship_next_steps")
    .values({
      advocate_id: catie,
      owner_id: manager,
      body: "Send Catie the call for speakers of the healthcare data summit and offer a rehearsal",
      due_at: noon(new Date(now.getTime() + 5 * DAY)),
      created_by: manager,
    })
    .execute();
}
