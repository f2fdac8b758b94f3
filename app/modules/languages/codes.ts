import { z } from "zod";
import { checkbox } from "../../utils/schema-fields.ts";
import type { WrittenIn } from "../../../db/columns.ts";

/** The languages content can be written in, in the order menus offer them. */
export const WRITTEN_IN = ["en", "zh", "es"] as const satisfies readonly WrittenIn[];

export const isWrittenIn = (value: unknown): value is WrittenIn =>
  typeof value === "string" && (WRITTEN_IN as readonly string[]).includes(value);

/** The reading form on /settings/language: one box per language, all or none meaning every one. */
export const ReadLanguagesSchema = z
  .object({ "read-en": checkbox, "read-zh": checkbox, "read-es": checkbox })
  .transform((v) => ({ languages: WRITTEN_IN.filter((language) => v[`read-${language}`]) }));
