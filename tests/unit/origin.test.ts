import { describe, expect, it } from "vitest";
import { loadEnv } from "../../app/utils/env.server.ts";
import { isAllowedOrigin } from "../../server/origin.ts";

const env = loadEnv({ NODE_ENV: "production", ALLOWED_ORIGINS: "https://partner.example" });

describe("isAllowedOrigin", () => {
  it("allows the site's own origin", () => {
    expect(isAllowedOrigin("https://limelight.example", "limelight.example", env)).toBe(true);
    expect(isAllowedOrigin("http://127.0.0.1:3000", "127.0.0.1:3000", env)).toBe(true);
  });

  it("refuses other origins, including look-alikes and other ports", () => {
    for (const origin of [
      "https://evil.example",
      "https://limelight.example.evil.example",
      "https://evil-limelight.example",
      "http://127.0.0.1:4000",
      "null",
      "not a url",
    ])
      expect(isAllowedOrigin(origin, "limelight.example", env), origin).toBe(false);
    expect(isAllowedOrigin("http://127.0.0.1:4000", "127.0.0.1:3000", env)).toBe(false);
  });

  it("allows the extra origins in ALLOWED_ORIGINS", () => {
    expect(isAllowedOrigin("https://partner.example", "limelight.example", env)).toBe(true);
    expect(isAllowedOrigin("https://partner.example:8443", "limelight.example", env)).toBe(false);
  });

  it("leaves requests without an Origin (not from a browser form) to SameSite cookies", () => {
    expect(isAllowedOrigin(undefined, "limelight.example", env)).toBe(true);
  });
});
