import type { Queryable } from "../../../db/client.ts";
import { recipientLocale } from "../../i18n/community.ts";
import { isLocale, type Locale } from "../../i18n/index.ts";
import { SignInRequiredError } from "../../utils/errors.ts";
import { defineCommand } from "../commands/command.server.ts";

/**
 * A member chooses the language of the site and of their mail, on
 * /settings/language or in the footer's menu; null follows their browser
 * again (and their mail the community's language).
 */
export const setOwnLocale = defineCommand({
  name: "account.set_locale",
  authorize(viewer) {
    if (!viewer) throw new SignInRequiredError("Sign in to choose your language.");
  },
  async run(trx, input: { locale: Locale | null }, { viewer, now }) {
    await trx
      .updateTable("users")
      .set({ locale: input.locale, updated_at: now })
      .where("id", "=", viewer!.id)
      .execute();
  },
});

/** The language a person chose on their account, or null when they follow their browser. */
export async function storedLocale(db: Queryable, userId: number): Promise<Locale | null> {
  const row = await db
    .selectFrom("users")
    .select("locale")
    .where("id", "=", userId)
    .executeTakeFirst();
  return isLocale(row?.locale) ? row.locale : null;
}

/** The language of mail to a person: a member's stored choice, else the community's. */
export async function mailLocaleOf(db: Queryable, userId: number | null): Promise<Locale> {
  return recipientLocale(userId === null ? null : await storedLocale(db, userId));
}
