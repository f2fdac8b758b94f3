import type { Queryable } from "../../../db/client.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { isStaff, type Viewer } from "../access/policy.ts";
import { extractMentions, htmlToText } from "./text.ts";

/** Authors at or above this reputation (and staff) get followed links. */
export const TRUSTED_LINKS_REPUTATION = 100;
/** At most this many people are notified from one post's mentions. */
export const MENTIONS_NOTIFIED_MAX = 10;

export interface RenderedBody {
  html: string;
  text: string;
  /** People mentioned who exist (lowercase handle → id). */
  mentioned: Map<string, number>;
}

/**
 * Renders a post once, when it is written or edited: sanitised HTML with
 * highlighted code and @mentions linked, plain text for search snippets.
 */
export async function renderPostBody(
  db: Queryable,
  markdown: string,
  author: NonNullable<Viewer>,
): Promise<RenderedBody> {
  const handles = extractMentions(markdown).slice(0, 50);
  const mentioned = new Map<string, number>();
  if (handles.length) {
    const rows = await db
      .selectFrom("users")
      .select(["id", "handle"])
      .where((eb) => eb(eb.fn("lower", ["handle"]), "in", handles))
      .execute();
    for (const row of rows) mentioned.set(row.handle.toLowerCase(), row.id);
  }
  const html = renderMarkdown(markdown, {
    trustedLinks: isStaff(author) || (author.reputation ?? 0) >= TRUSTED_LINKS_REPUTATION,
    mentionHandles: new Set(mentioned.keys()),
  });
  return { html, text: htmlToText(html), mentioned };
}
