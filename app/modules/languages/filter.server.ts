import type { Queryable } from "../../../db/client.ts";
import { readLanguagesOf } from "./reading.server.ts";
import { isWrittenIn, languagesToShow, type WrittenIn } from "./written-in.ts";

/** What a list shows, by language: the address's choice, else the reader's own. */
export interface LanguageFilter {
  /** The languages to show (empty: all). */
  languages: WrittenIn[];
  /** The choice in the address (`?lang=`), if it names one. */
  asked: WrittenIn | "all" | null;
  /** The reader's own languages, from their settings (empty: all). */
  reads: WrittenIn[];
}

export async function languageFilterOf(
  db: Queryable,
  viewerId: number | null,
  url: URL,
): Promise<LanguageFilter> {
  const param = url.searchParams.get("lang");
  const asked = param === "all" || isWrittenIn(param) ? param : null;
  const reads = await readLanguagesOf(db, viewerId);
  return { languages: languagesToShow(asked, reads), asked, reads };
}
