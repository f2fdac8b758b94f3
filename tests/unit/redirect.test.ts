import { describe, expect, it } from "vitest";
import { safeRedirectTo } from "../../app/utils/auth.server.ts";

describe("safeRedirectTo (where sign-in sends a person back to)", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectTo("/settings/profile")).toBe("/settings/profile");
    expect(safeRedirectTo("/advocates?tag=sso&page=2")).toBe("/advocates?tag=sso&page=2");
  });

  it("falls back for anything that could leave the site", () => {
    for (const to of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      // Browsers drop tabs and newlines inside URLs, so these become //evil.example.
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      " //evil.example",
      "",
      null,
      undefined,
    ])
      expect(safeRedirectTo(to, "/home"), JSON.stringify(to)).toBe("/home");
  });

  it("resolves dot segments and backslashes as a browser would before judging", () => {
    for (const to of [
      "/x/../\\evil.test",
      "/x/..//evil.test",
      "/./\\evil.test",
      "/x/%2e%2e/\\evil.test",
      "/x/../../\\\\evil.test",
    ])
      expect(safeRedirectTo(to, "/home"), JSON.stringify(to)).toBe("/home");
    expect(safeRedirectTo("/x/../advocates")).toBe("/advocates");
  });

  it("answers with ASCII only, so non-ASCII targets cannot break the Location header", () => {
    expect(safeRedirectTo("/u/zoë?q=café")).toBe("/u/zo%C3%AB?q=caf%C3%A9");
    expect(safeRedirectTo("/ü/../\\evil.test", "/home")).toBe("/home");
  });

  it("accepts a full address on the site's own origin, as a path", () => {
    expect(
      safeRedirectTo("https://limelight.example/settings", "/", "https://limelight.example"),
    ).toBe("/settings");
    expect(
      safeRedirectTo("https://limelight.example.evil.test/", "/", "https://limelight.example"),
    ).toBe("/");
  });
});
