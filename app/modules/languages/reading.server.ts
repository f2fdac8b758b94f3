import type { Queryable } from "../../../db/client.ts";
import { SignInRequiredError } from "../../utils/errors.ts";
import { defineCommand } from "../commands/command.server.ts";
import { isWrittenIn, WRITTEN_IN, type WrittenIn } from "./written-in.ts";

/** The languages a member reads (empty: every language); a visitor reads them all. */
export async function readLanguagesOf(db: Queryable, userId: number | null): Promise<WrittenIn[]> {
  if (userId === null) return [];
  const row = await db
    .selectFrom("users")
    .select("read_languages")
    .where("id", "=", userId)
    .executeTakeFirst();
  return (row?.read_languages ?? []).filter(isWrittenIn);
}

/**
 * A member chooses the languages their lists and search show. Choosing all of
 * them, or none, is the same: everything is shown, including languages added
 * later.
 */
export const saveReadLanguages = defineCommand({
  name: "languages.reading.save",
  authorize(viewer) {
    if (!viewer) throw new SignInRequiredError("Sign in to choose the languages you read.");
  },
  async run(trx, input: { languages: readonly WrittenIn[] }, { viewer, now }) {
    const chosen = WRITTEN_IN.filter((language) => input.languages.includes(language));
    await trx
      .updateTable("users")
      .set({ read_languages: chosen.length === WRITTEN_IN.length ? [] : chosen, updated_at: now })
      .where("id", "=", viewer!.id)
      .execute();
    return { languages: chosen };
  },
});
