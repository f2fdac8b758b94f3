import { describe, expect, it } from "vitest";
import { excerpt, extractMentions, htmlToText, quoteMarkdown } from "./text.ts";

describe("extractMentions", () => {
  it("finds @handles once each, lowercase, in order", () => {
    expect(extractMentions("Thanks @Catie and @tomas-aguilar, and @catie again.")).toEqual([
      "catie",
      "tomas-aguilar",
    ]);
  });

  it("ignores email addresses, code spans and fenced code", () => {
    const md = [
      "Mail me at ops@bluewater.example or ask `@not-a-mention`.",
      "```sql",
      "select '@also-not' from t;",
      "```",
      "But @real-person is.",
    ].join("\n");
    expect(extractMentions(md)).toEqual(["real-person"]);
  });

  it("keeps to the handle rules (3–30 characters, not ending in a dash)", () => {
    expect(extractMentions("@ab @abc @abc- @" + "x".repeat(31))).toEqual(["abc"]);
  });
});

describe("htmlToText", () => {
  it("drops tags, decodes entities and keeps words apart", () => {
    expect(htmlToText("<p>Use <code>a &lt; b</code> &amp; go</p><p>Next</p>")).toBe(
      "Use a < b & go Next",
    );
  });
});

describe("excerpt", () => {
  it("cuts at a word boundary with an ellipsis, and leaves short text alone", () => {
    expect(excerpt("short", 10)).toBe("short");
    expect(excerpt("The nightly flow finishes at two in the morning", 20)).toBe(
      "The nightly flow…",
    );
  });
});

describe("quoteMarkdown", () => {
  it("quotes each line under the author's handle", () => {
    expect(quoteMarkdown("catie", "One\n\nTwo")).toBe("> @catie wrote:\n> One\n>\n> Two\n\n");
  });

  it("shortens long posts", () => {
    const quoted = quoteMarkdown("catie", "word ".repeat(300), 50);
    expect(quoted.length).toBeLessThan(120);
    expect(quoted).toContain("…");
  });
});
