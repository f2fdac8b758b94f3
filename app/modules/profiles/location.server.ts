import { sql, type RawBuilder } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { DEFAULT_LOCALE, i18nFor, type Locale } from "../../i18n/index.ts";
import { describeLocation, type LocationInput, type Place } from "./location.ts";

/** A person states (or clears) where they are, and whether others may see it. */
export const setLocation = defineCommand({
  name: "profile.set_location",
  async run(trx, input: LocationInput & { userId: number }, { viewer, now }) {
    ensure("editProfile", viewer, { userId: input.userId, isPublic: false });
    await trx
      .updateTable("profiles")
      .set({
        country: input.country,
        city: input.city,
        is_remote: input.isRemote,
        time_zone: input.timeZone,
        location_public: input.locationPublic,
        updated_at: now,
      })
      .where("user_id", "=", input.userId)
      .execute();
  },
});

export async function getOwnLocation(db: Queryable, userId: number) {
  const row = await db
    .selectFrom("profiles")
    .select(["country", "city", "is_remote", "time_zone", "location_public"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return {
    country: row?.country ?? null,
    city: row?.city ?? "",
    isRemote: row?.is_remote ?? false,
    timeZone: row?.time_zone ?? null,
    locationPublic: row?.location_public ?? false,
  };
}

/** The zone a person chose for their mail, or null when they have not said. */
export async function personTimeZone(db: Queryable, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom("profiles")
    .select("time_zone")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.time_zone ?? null;
}

/**
 * A region filter as SQL on a `profiles` row. It is policy.matchLocation in
 * the query: only a public location ever matches, so a private one can never
 * be found out by filtering.
 */
export function placeCondition(place: Place, profiles = "profiles"): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${profiles}.${name}`);
  const where =
    place.kind === "remote"
      ? sql`${col("is_remote")} = true`
      : place.kind === "country"
        ? sql`${col("country")} = ${place.code}`
        : sql`${col("country")} in (${sql.join(place.codes)})`;
  return sql<boolean>`(${col("location_public")} = true and ${where})`;
}

/**
 * The location this viewer may see on a row, as a phrase in their language
 * ("Madrid, Spain", "马德里, 西班牙"), or "" when hidden.
 */
export function visibleLocation(
  viewer: Viewer,
  row: {
    id: number;
    country: string | null;
    city: string;
    is_remote: boolean;
    location_public: boolean;
  },
  locale: Locale = DEFAULT_LOCALE,
): string {
  if (!policy.viewLocation(viewer, { userId: row.id, locationPublic: row.location_public }))
    return "";
  return describeLocation(
    { country: row.country, city: row.city, isRemote: row.is_remote },
    locale,
    i18nFor(locale).t("places.remote"),
  );
}
