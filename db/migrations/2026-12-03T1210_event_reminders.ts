import type { Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// When each seat holder's reminder was queued, so the sweep reminds every
// attendee once, including someone who takes a seat after the first round.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("event_rsvps").addColumn("reminded_at", "timestamptz").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("event_rsvps").dropColumn("reminded_at").execute();
}
