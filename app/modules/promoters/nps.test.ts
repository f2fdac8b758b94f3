import { describe, expect, it } from "vitest";
import {
  checkSurveyCsv,
  classifyScore,
  countCategories,
  netPromoterScore,
  parseRespondedAt,
  SurveyFileError,
} from "./nps.ts";

describe("NPS rules", () => {
  it("classifies 9–10 as promoters, 7–8 as passives and 0–6 as detractors", () => {
    expect([0, 6, 7, 8, 9, 10].map(classifyScore)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
  });

  it("computes % promoters minus % detractors", () => {
    expect(netPromoterScore(countCategories([10, 9, 9, 8, 3]))).toBe(40);
    expect(netPromoterScore(countCategories([1, 2, 10]))).toBe(-33);
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});

describe("response dates", () => {
  it("reads ISO dates as UTC and honours offsets", () => {
    expect(parseRespondedAt("2026-03-04")?.toISOString()).toBe("2026-03-04T00:00:00.000Z");
    expect(parseRespondedAt("2026-03-04 09:30")?.toISOString()).toBe("2026-03-04T09:30:00.000Z");
    expect(parseRespondedAt("2026-03-04T09:30:00+0200")?.toISOString()).toBe(
      "2026-03-04T07:30:00.000Z",
    );
  });

  it("refuses ambiguous and impossible dates", () => {
    expect(parseRespondedAt("03/04/2026")).toBeNull();
    expect(parseRespondedAt("2026-02-30")).toBeNull();
    expect(parseRespondedAt("2026-01-01T25:00")).toBeNull();
  });
});

describe("checking a survey export", () => {
  it("matches headers whatever their case and order", () => {
    const { rows } = checkSurveyCsv(
      "Responded At,SCORE,Email,Name\n2026-01-05,10,Lee@Example.com,Lee\n",
    );
    expect(rows[0].errors).toEqual([]);
    expect(rows[0].row).toMatchObject({ email: "lee@example.com", score: 10, name: "Lee" });
  });

  it("refuses the whole file when a required column is missing", () => {
    expect(() => checkSurveyCsv("email,name\nx@y.z,X\n")).toThrow(SurveyFileError);
    expect(() => checkSurveyCsv("email,name\nx@y.z,X\n")).toThrow(/score.*responded at/);
  });

  it("reports each bad row with its line and keeps the good ones", () => {
    const { rows } = checkSurveyCsv(
      [
        "email,score,responded at",
        "ok@example.com,9,2026-01-01",
        "not-an-email,9,2026-01-01",
        "a@example.com,11,2026-01-01",
        "b@example.com,7.5,2026-01-01",
        "c@example.com,8,yesterday",
        "OK@example.com,3,2026-01-01",
      ].join("\n"),
    );
    expect(rows.map((r) => [r.line, r.errors.length > 0])).toEqual([
      [2, false],
      [3, true],
      [4, true],
      [5, true],
      [6, true],
      [7, true],
    ]);
    expect(rows[1].errors[0]).toMatch(/not an email/);
    expect(rows[2].errors[0]).toMatch(/0 to 10/);
    expect(rows[5].duplicateInFile).toBe(true);
    expect(rows[5].errors[0]).toMatch(/Repeats line 2/);
  });
});
