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
});
