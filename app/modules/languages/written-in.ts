import { franc } from "franc-min";
import { z } from "zod";
import type { WrittenIn } from "../../../db/columns.ts";

import { isWrittenIn } from "./codes.ts";

export type { WrittenIn } from "../../../db/columns.ts";
export { isWrittenIn, WRITTEN_IN } from "./codes.ts";

// franc names languages by ISO 639-3; only the shipped ones are considered.
const FROM_ISO_639_3: Record<string, WrittenIn> = { eng: "en", cmn: "zh", spa: "es" };
const CANDIDATES = Object.keys(FROM_ISO_639_3);
const HAN = /\p{Script=Han}/gu;

/**
 * The language a text is most likely written in, among the shipped ones
 * (franc's trigram model; Han script alone is enough for Chinese). Text too
 * short to tell, or in none of them, gives `fallback`: the writer's own
 * page language, so a one-word title is never guessed.
 */
export function detectWrittenIn(text: string, fallback: WrittenIn): WrittenIn {
  const sample = text.slice(0, 2000);
  // Two Han characters say Chinese, however short the text (franc needs more).
  if ((sample.match(HAN) ?? []).length >= 2) return "zh";
  const found = franc(sample, { only: CANDIDATES, minLength: 12 });
  return FROM_ISO_639_3[found] ?? fallback;
}

/**
 * A form's "Written in" field: one of the shipped languages, or empty for
 * "detect it from my words".
 */
export const writtenInField = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .refine((value) => value === undefined || isWrittenIn(value), {
    message: "Choose English, Chinese or Spanish.",
  })
  .transform((value) => value as WrittenIn | undefined);

/**
 * A list's language filter from the address (`?lang=zh`), else the reader's
 * own list, else every language. An unknown value in the address is ignored
 * like any other stale filter.
 */
export function languagesToShow(asked: string | null, reads: readonly WrittenIn[]): WrittenIn[] {
  if (asked === "all") return [];
  if (isWrittenIn(asked)) return [asked];
  return reads.filter(isWrittenIn);
}
