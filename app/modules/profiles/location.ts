import { z } from "zod";
import { isValidTimeZone } from "../advocacy/time.ts";
import {
  countriesIn,
  countryName,
  isCountryCode,
  isRegion,
  REGIONS,
  type Region,
} from "../chapters/countries.ts";
import { checkbox } from "../../utils/schema-fields.ts";

/**
 * Where an advocate says they are: a country and a city, or remote (with a
 * country if they like), or nothing at all. It is private unless they make
 * it public; only a public location is ever shown to others or matched by a
 * region filter (policy.viewLocation, policy.matchLocation).
 */
export const LOCATION_MODES = ["", "place", "remote"] as const;
export type LocationMode = (typeof LOCATION_MODES)[number];

export const LocationSchema = z
  .object({
    mode: z.enum(LOCATION_MODES, {
      errorMap: () => ({ message: "Choose a place, remote, or not saying." }),
    }),
    country: z.string().trim().toUpperCase().default(""),
    city: z.string().trim().max(80, "Keep the city under 80 characters.").default(""),
    timeZone: z.string().trim().default(""),
    locationPublic: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.country !== "" && !isCountryCode(v.country))
      ctx.addIssue({
        code: "custom",
        path: ["country"],
        message: "Choose a country from the list.",
      });
    if (v.mode === "place" && v.country === "")
      ctx.addIssue({
        code: "custom",
        path: ["country"],
        message: "Choose the country you are in.",
      });
    if (v.timeZone !== "" && !isValidTimeZone(v.timeZone))
      ctx.addIssue({
        code: "custom",
        path: ["timeZone"],
        message: "That time zone does not exist: choose one such as Europe/Madrid.",
      });
  })
  .transform((v) => ({
    country: v.mode === "" || v.country === "" ? null : v.country,
    city: v.mode === "place" ? v.city : "",
    isRemote: v.mode === "remote",
    timeZone: v.timeZone === "" ? null : v.timeZone,
    // Nothing said is nothing to show: an empty location is never public.
    locationPublic: v.mode !== "" && v.locationPublic,
  }));
export type LocationInput = z.infer<typeof LocationSchema>;

export interface Location {
  country: string | null;
  city: string;
  isRemote: boolean;
}

export const locationMode = (l: Location): LocationMode =>
  l.isRemote ? "remote" : l.country ? "place" : "";

/** "Madrid, Spain", "Remote · Spain", "Remote", or "" when nothing is said. */
export function describeLocation(l: Location, locale = "en", remote = "Remote"): string {
  const country = l.country ? countryName(l.country, locale) : "";
  if (l.isRemote) return country ? `${remote} · ${country}` : remote;
  return [l.city, country].filter(Boolean).join(", ");
}

/**
 * The region filter of the directory, the leaderboard and the reference
 * finder, as it travels in the address (`?place=ES`, `?place=Europe`,
 * `?place=remote`): a country, a region, or remote workers.
 */
export type Place =
  | { kind: "country"; code: string }
  | { kind: "region"; region: Region; codes: string[] }
  | { kind: "remote" };

export function parsePlace(value: string | null | undefined): Place | null {
  const v = (value ?? "").trim();
  if (v === "") return null;
  if (v === "remote") return { kind: "remote" };
  if (isRegion(v)) return { kind: "region", region: v, codes: countriesIn(v) };
  const code = v.toUpperCase();
  return isCountryCode(code) ? { kind: "country", code } : null;
}

export const placeValue = (place: Place | null): string =>
  !place
    ? ""
    : place.kind === "country"
      ? place.code
      : place.kind === "region"
        ? place.region
        : "remote";

export function placeLabel(place: Place, locale = "en"): string {
  if (place.kind === "country") return countryName(place.code, locale);
  if (place.kind === "region") return place.region;
  return "Remote";
}

export { REGIONS };
