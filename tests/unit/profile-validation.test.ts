import { describe, expect, it } from "vitest";
import { ProfileSchema } from "../../app/modules/profiles/validation.ts";

const valid = { displayName: "Ada Okafor" };
const errors = (input: Record<string, string>) => {
  const result = ProfileSchema.safeParse({ ...valid, ...input });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("profile form", () => {
  it("fills in empty defaults and reads checkboxes", () => {
    const parsed = ProfileSchema.parse({ ...valid, openToSpeaking: "on", isPublic: "on" });
    expect(parsed).toMatchObject({
      headline: "",
      bio: "",
      expertise: [],
      linkedinUrl: "",
      openToSpeaking: true,
      openToReferences: false,
      isPublic: true,
    });
  });

  it("accepts only full http(s) links", () => {
    expect(errors({ linkedinUrl: "https://www.linkedin.com/in/ada" })).toEqual({});
    expect(errors({ blogUrl: "http://blog.example.com/x?y=1" })).toEqual({});
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,hi",
      "ftp://files.example",
      "www.example.com",
      "//example.com",
      "https://",
      "https://exa mple.com",
    ])
      expect(errors({ websiteUrl: bad }), bad).toHaveProperty("websiteUrl");
    expect(errors({ blogUrl: `https://example.com/${"a".repeat(300)}` }).blogUrl).toMatch(/300/);
  });

  it("normalises expertise tags and allows at most 10", () => {
    const parsed = ProfileSchema.parse({
      ...valid,
      expertise: " Data Pipelines, SSO,sso , c++, , node.js ",
    });
    expect(parsed.expertise).toEqual(["data-pipelines", "sso", "c++", "node.js"]);
    const eleven = Array.from({ length: 11 }, (_, i) => `tag${i}`).join(",");
    expect(errors({ expertise: eleven }).expertise).toMatch(/at most 10/);
    expect(errors({ expertise: "<script>" }).expertise).toMatch(/letters, numbers/);
    expect(errors({ expertise: "x".repeat(31) }).expertise).toMatch(/30/);
  });

  it("limits the length of every text field", () => {
    const tooLong = errors({
      displayName: "n".repeat(81),
      headline: "h".repeat(121),
      company: "c".repeat(81),
      jobTitle: "j".repeat(81),
      industry: "i".repeat(61),
      location: "l".repeat(81),
      bio: "b".repeat(5001),
    });
    expect(Object.keys(tooLong).sort()).toEqual(
      ["bio", "company", "displayName", "headline", "industry", "jobTitle", "location"].sort(),
    );
    expect(
      errors({
        headline: "h".repeat(120),
        company: "c".repeat(80),
        jobTitle: "j".repeat(80),
        industry: "i".repeat(60),
        location: "l".repeat(80),
        bio: "b".repeat(5000),
      }),
    ).toEqual({});
  });
});
