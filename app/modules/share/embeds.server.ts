import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";

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

/** A widget that cannot be shown: a short plain sentence, nothing about what was asked for. */
export function embedRefusal(status: 400 | 404, message: string) {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
