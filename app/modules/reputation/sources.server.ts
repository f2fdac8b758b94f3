import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";

/** Where a ledger entry's source lives, and what it is called there. */
export interface SourceLink {
  href: string;
  title: string;
}

/**
 * Resolves many sources of one type at once (one query per type per page
 * of history): ids in, links out. Ids it cannot resolve (deleted, or not
 * visible to this viewer by the access policy) are left out, and the line
 * shows as plain text.
 */
export type SourceResolver = (
  db: Queryable,
  ids: string[],
  viewer: Viewer,
) => Promise<Map<string, SourceLink>>;

const resolvers = new Map<string, SourceResolver>();

/**
 * The one registry of source types. Each capability registers its own from
 * its module (e.g. discussions: "post" → /t/<thread>#post-<id>), so the
 * ledger needs no knowledge of the things that earn points.
 */
export function registerSourceResolver(type: string, resolver: SourceResolver): void {
  resolvers.set(type, resolver);
}

export function hasSourceResolver(type: string): boolean {
  return resolvers.has(type);
}

export const sourceKey = (type: string, id: string) => `${type}:${id}`;

/** Links for a set of sources, keyed "type:id"; sources without a resolver get none. */
export async function resolveSources(
  db: Queryable,
  viewer: Viewer,
  refs: { type: string; id: string }[],
): Promise<Map<string, SourceLink>> {
  const byType = new Map<string, Set<string>>();
  for (const ref of refs) {
    if (!resolvers.has(ref.type)) continue;
    let ids = byType.get(ref.type);
    if (!ids) byType.set(ref.type, (ids = new Set()));
    ids.add(ref.id);
  }
  const out = new Map<string, SourceLink>();
  await Promise.all(
    [...byType.entries()].map(async ([type, ids]) => {
      const links = await resolvers.get(type)!(db, [...ids], viewer);
      for (const [id, link] of links) out.set(sourceKey(type, id), link);
    }),
  );
  return out;
}

// A person as a source (a referral, a reference call with someone on Limelight).
registerSourceResolver("user", async (db, ids, viewer) => {
  const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (numeric.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select(["users.id", "users.handle", "users.display_name"])
    .where("users.id", "in", numeric)
    .select("profiles.is_public")
    .execute();
  return new Map(
    rows
      .filter((r) => policy.viewProfile(viewer, { userId: r.id, isPublic: r.is_public }))
      .map((r) => [String(r.id), { href: `/u/${r.handle}`, title: r.display_name }]),
  );
});
