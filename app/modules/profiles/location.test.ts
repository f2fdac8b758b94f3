import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countriesIn, regionOf, REGIONS } from "../chapters/countries.ts";
import { policy } from "../access/policy.ts";
import { describeLocation, LocationSchema, parsePlace, placeValue } from "./location.ts";

describe("countries and regions", () => {
  it("puts every country in exactly one region", () => {
    const listed = REGIONS.flatMap((r) => countriesIn(r));
    expect([...listed].sort()).toEqual([...COUNTRY_CODES].sort());
    expect(regionOf("ES")).toBe("Europe");
    expect(regionOf("CN")).toBe("Asia");
    expect(regionOf("BR")).toBe("South America");
  });
});

describe("the region filter in the address", () => {
  it("reads a country, a region or remote, and ignores anything else", () => {
    expect(parsePlace("es")).toEqual({ kind: "country", code: "ES" });
    expect(parsePlace("Europe")).toMatchObject({ kind: "region", region: "Europe" });
    expect(parsePlace("remote")).toEqual({ kind: "remote" });
    for (const nonsense of ["", "XX", "Atlantis", "'; drop table profiles"])
      expect(parsePlace(nonsense)).toBeNull();
    expect(placeValue(parsePlace("br"))).toBe("BR");
  });
});

describe("a stated location", () => {
  it("is described in words, and an empty one is never public", () => {
    expect(describeLocation({ country: "ES", city: "Madrid", isRemote: false })).toBe(
      "Madrid, Spain",
    );
    expect(describeLocation({ country: "ES", city: "", isRemote: true })).toBe("Remote · Spain");
    const cleared = LocationSchema.parse({ mode: "", country: "ES", locationPublic: "on" });
    expect(cleared).toMatchObject({ country: null, locationPublic: false });
  });

  it("shows and matches only when public (the owner alone sees a private one)", () => {
    const owner = { id: 7, role: "advocate" as const };
    const manager = { id: 8, role: "manager" as const };
    const hidden = { userId: 7, locationPublic: false };
    expect(policy.viewLocation(owner, hidden)).toBe(true);
    expect(policy.viewLocation(manager, hidden)).toBe(false);
    expect(policy.viewLocation(null, hidden)).toBe(false);
    expect(policy.matchLocation(hidden)).toBe(false);
    expect(policy.matchLocation({ locationPublic: true })).toBe(true);
  });
});
