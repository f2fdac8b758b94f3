import { describe, expect, it } from "vitest";
import {
  formatEventTime,
  instantToZonedLocal,
  isValidTimeZone,
  zonedLocalToInstant,
} from "./time.ts";

describe("event times in the event's own zone", () => {
  it("turns a wall-clock time in a zone into the right instant, across daylight saving", () => {
    // Chicago is UTC-6 in winter and UTC-5 in summer.
    expect(zonedLocalToInstant("2026-01-15T09:30", "America/Chicago")?.toISOString()).toBe(
      "2026-01-15T15:30:00.000Z",
    );
    expect(zonedLocalToInstant("2026-07-15T09:30", "America/Chicago")?.toISOString()).toBe(
      "2026-07-15T14:30:00.000Z",
    );
    expect(zonedLocalToInstant("2026-03-10T18:00", "Asia/Kolkata")?.toISOString()).toBe(
      "2026-03-10T12:30:00.000Z",
    );
    expect(zonedLocalToInstant("2026-03-10T18:00", "UTC")?.toISOString()).toBe(
      "2026-03-10T18:00:00.000Z",
    );
  });

  it("round-trips to what a datetime-local input shows", () => {
    const instant = zonedLocalToInstant("2026-10-05T14:00", "Europe/Berlin")!;
    expect(instantToZonedLocal(instant, "Europe/Berlin")).toBe("2026-10-05T14:00");
  });

  it("refuses impossible dates and unknown zones", () => {
    expect(zonedLocalToInstant("2026-02-30T10:00", "UTC")).toBeNull();
    expect(zonedLocalToInstant("tomorrow", "UTC")).toBeNull();
    expect(zonedLocalToInstant("2026-02-10T10:00", "Mars/Olympus")).toBeNull();
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("America/New_York")).toBe(true);
  });

  it("shows the time where the event happens, with the zone", () => {
    const instant = new Date("2026-01-15T15:30:00Z");
    expect(formatEventTime(instant, "America/Chicago")).toBe(
      "Thu 15 Jan 2026, 09:30 GMT-6 (Chicago)",
    );
    expect(formatEventTime(instant, "Asia/Kolkata")).toBe(
      "Thu 15 Jan 2026, 21:00 GMT+5:30 (Kolkata)",
    );
    expect(formatEventTime(instant, "UTC")).toBe("Thu 15 Jan 2026, 15:30 UTC");
  });
});
