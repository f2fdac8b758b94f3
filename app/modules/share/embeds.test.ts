import { describe, expect, it } from "vitest";
import { FieldError } from "../../utils/errors.ts";
import { parseEmbedOrigins } from "./embed-origins.ts";
import { frameAncestors } from "./embeds.server.ts";

describe("embed origins", () => {
  it("keeps scheme, host and port, once each", () => {
    expect(
      parseEmbedOrigins("https://www.example.com/\nhttp://localhost:4000 https://www.example.com"),
    ).toEqual(["https://www.example.com", "http://localhost:4000"]);
  });
  it.each(["https://example.com/path", "*.example.com", "javascript:alert(1)", "https://a.com'"])(
    "refuses %s by the field",
    (line) => {
      expect(() => parseEmbedOrigins(line)).toThrow(FieldError);
    },
  );
  it("frames nobody when the list is empty", () => {
    expect(frameAncestors([])).toBe("frame-ancestors 'none'");
    expect(frameAncestors(["https://a.example"])).toBe("frame-ancestors https://a.example");
  });
});
