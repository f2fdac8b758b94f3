import { z } from "zod";
import { LOCALES } from "../../i18n/index.ts";

/** "Follow my browser" on /settings/language: no language kept on the account. */
export const FOLLOW_BROWSER = "browser";

/** /settings/language: one of the shipped languages, or "follow my browser". */
export const LanguageSettingSchema = z
  .object({ locale: z.enum([FOLLOW_BROWSER, ...LOCALES]) })
  .transform(({ locale }) => ({ locale: locale === FOLLOW_BROWSER ? null : locale }));
