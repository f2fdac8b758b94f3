import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";

/**
 * The funnel's "recommended" step: which of these addresses (lower-case) wrote
 * a testimonial that still stands. A withdrawn testimonial is gone
 * everywhere, so its author no longer counts as having recommended.
 */
export async function emailsWithLiveTestimonial(
  db: Queryable,
  emails: string[],
): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows = await db
    .selectFrom("testimonials")
    .select(sql<string>`lower(author_email)`.as("email"))
    .where(sql<string>`lower(author_email)`, "in", emails)
    .where("withdrawn_at", "is", null)
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.email));
}
