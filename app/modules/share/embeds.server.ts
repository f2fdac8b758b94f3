import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { FieldError } from "../../utils/errors.ts";

export const MAX_EMBED_ORIGINS = 20;

/**
 * Reads the admin's list, one website per line, into origins: scheme, host
 * and port only ("https://www.example.com"). A path, a wildcard, a quote or a
 * non-web scheme is refused by the field, since the list goes into a header.
 */
export function parseEmbedOrigins(text: string): string[] {
  const lines = text
    .split(/[\s,]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const origins = new Set<string>();
  for (const line of lines) {
    let url: URL | null = null;
    try {
      url = new URL(line);
    } catch {
      url = null;
    }
    const bare = url && (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash;
    if (
      !url ||
      !bare ||
      (url.protocol !== "https:" && url.protocol !== "http:") ||
      url.username ||
      url.password ||
      !/^[a-z0-9.-]+$/i.test(url.hostname) ||
      line.replace(/\/$/, "").toLowerCase() !== url.origin.toLowerCase()
    )
      throw new FieldError(
        "origins",
        `“${line.slice(0, 80)}” is not a website address: write it as https://www.example.com, without a path.`,
      );
    origins.add(url.origin);
  }
  if (origins.size > MAX_EMBED_ORIGINS)
    throw new FieldError("origins", `List at most ${MAX_EMBED_ORIGINS} websites.`);
  return [...origins];
}

export async function listEmbedOrigins(db: Queryable): Promise<string[]> {
  const rows = await db.selectFrom("embed_origins").select("origin").orderBy("origin").execute();
  return rows.map((r) => r.origin);
}

/** The frame-ancestors value of a widget: only the listed websites, or nobody. */
export function frameAncestors(origins: string[]): string {
  return origins.length ? `frame-ancestors ${origins.join(" ")}` : "frame-ancestors 'none'";
}

export const saveEmbedOrigins = defineCommand({
  name: "embeds.configure",
  authorize(viewer) {
    ensure("configureEmbeds", viewer);
  },
  async run(trx, input: { origins: string[] }, { viewer, effects }) {
    const before = await listEmbedOrigins(trx);
    await trx.deleteFrom("embed_origins").execute();
    if (input.origins.length)
      await trx
        .insertInto("embed_origins")
        .values(input.origins.map((origin) => ({ origin, added_by: viewer!.id })))
        .execute();
    effects.audit({
      actorId: viewer!.id,
      action: "embeds.origins_changed",
      subjectType: "settings",
      subjectId: "embeds",
      details: { before, after: input.origins },
    });
  },
});

/** A widget page: static HTML, no script, framed only by the listed websites. */
export async function embedResponse(db: Queryable, html: string, status = 200) {
  const origins = await listEmbedOrigins(db);
  return new Response(`<!doctype html>${html}`, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": `default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; ${frameAncestors(origins)}`,
      "Cache-Control": "no-store",
    },
  });
}
