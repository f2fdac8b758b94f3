import type { Queryable } from "../../../db/client.ts";

/** A person's talks and the stories they wrote, for their data download. */
export async function advocacyOf(db: Queryable, userId: number) {
  const [talks, stories] = await Promise.all([
    db.selectFrom("talks").selectAll().where("speaker_id", "=", userId).orderBy("id").execute(),
    db
      .selectFrom("case_studies")
      .selectAll()
      .where("author_id", "=", userId)
      .orderBy("id")
      .execute(),
  ]);
  return { talks, stories };
}
