import type { Queryable } from "../../../db/client.ts";
import type { SpaceVisibility } from "../../../db/tables/discussions.ts";
import { policy, type SpaceSubject, type Viewer } from "../access/policy.ts";
import { NotFoundError } from "../../utils/errors.ts";
import { defineCommand } from "../commands/command.server.ts";

export interface Space {
  id: number;
  slug: string;
  name: string;
  description: string;
  colour: string;
  position: number;
  visibility: SpaceVisibility;
  minTierRank: number | null;
  prospectsMayAsk: boolean;
}

export const spaceSubject = (space: Space): SpaceSubject => ({
  visibility: space.visibility,
  minTierRank: space.minTierRank,
  prospectsMayAsk: space.prospectsMayAsk,
});

/** Every space, in display order (a handful of rows; read once per request). */
export async function listAllSpaces(db: Queryable): Promise<Space[]> {
  const rows = await db
    .selectFrom("spaces")
    .select([
      "id",
      "slug",
      "name",
      "description",
      "colour",
      "position",
      "visibility",
      "min_tier_rank",
      "prospects_may_ask",
    ])
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    colour: r.colour,
    position: r.position,
    visibility: r.visibility,
    minTierRank: r.min_tier_rank,
    prospectsMayAsk: r.prospects_may_ask,
  }));
}

/** The spaces this viewer may read, in display order. */
export async function listReadableSpaces(db: Queryable, viewer: Viewer): Promise<Space[]> {
  const spaces = await listAllSpaces(db);
  return spaces.filter((s) => policy.readSpace(viewer, spaceSubject(s)));
}

/** A space this viewer may read; a missing and a restricted space look the same (404). */
export async function getReadableSpace(db: Queryable, viewer: Viewer, slug: string) {
  const spaces = await listAllSpaces(db);
  const space = spaces.find((s) => s.slug === slug);
  if (!space || !policy.readSpace(viewer, spaceSubject(space)))
    throw new NotFoundError("We could not find that space.");
  return space;
}

export interface NewSpace {
  slug: string;
  name: string;
  description: string;
  colour: string;
  position: number;
  visibility: SpaceVisibility;
  minTierRank?: number | null;
  prospectsMayAsk?: boolean;
}

/** Opens a space (seeds and set-up; spaces have no page of their own to create them yet). */
export const createSpace = defineCommand({
  name: "space.create",
  async run(trx, input: NewSpace): Promise<Space> {
    const minTierRank = input.visibility === "tier" ? (input.minTierRank ?? null) : null;
    const row = await trx
      .insertInto("spaces")
      .values({
        slug: input.slug,
        name: input.name,
        description: input.description,
        colour: input.colour,
        position: input.position,
        visibility: input.visibility,
        min_tier_rank: minTierRank,
        prospects_may_ask: input.prospectsMayAsk ?? false,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ...input, id: row.id, minTierRank, prospectsMayAsk: input.prospectsMayAsk ?? false };
  },
});

/** Threads per space, for the space list (what this viewer can see in each). */
export async function spaceThreadCounts(
  db: Queryable,
  viewer: Viewer,
  spaceIds: number[],
): Promise<Map<number, number>> {
  if (!spaceIds.length) return new Map();
  let query = db
    .selectFrom("threads")
    .select(["space_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("space_id", "in", spaceIds)
    .where("deleted_at", "is", null)
    .groupBy("space_id");
  if (!policy.moderateDiscussions(viewer)) query = query.where("hidden_at", "is", null);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.space_id, Number(r.n)]));
}
