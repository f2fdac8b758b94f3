import { describe, expect, it } from "vitest";
import { readListParams } from "./list-params.ts";
import { pageParam, parseId } from "../../utils/params.ts";
import { NewThreadSchema, normaliseTags, slugify } from "./validation.ts";

describe("slugify", () => {
  it("makes a readable address from a title", () => {
    expect(slugify("SSO & SAML: rotating certs!")).toBe("sso-saml-rotating-certs");
    expect(slugify("Créer un flux à 02:00")).toBe("creer-un-flux-a-02-00");
    expect(slugify("!!!")).toBe("thread");
    expect(slugify("a".repeat(200)).length).toBeLessThanOrEqual(80);
  });
});

describe("normaliseTags", () => {
  it("lowercases, hyphenates and removes duplicates", () => {
    expect(normaliseTags("Data Pipelines, sso ,SSO,, c#")).toEqual(["data-pipelines", "sso", "c#"]);
  });
});

describe("NewThreadSchema", () => {
  const valid = {
    kind: "question",
    title: "How do I rotate the SAML certificate?",
    body: "Our IdP certificate expires next month.",
    tags: "sso, saml",
  };

  it("accepts a sensible thread and trims it", () => {
    const parsed = NewThreadSchema.parse({ ...valid, title: `  ${valid.title}  ` });
    expect(parsed.title).toBe(valid.title);
    expect(parsed.tags).toEqual(["sso", "saml"]);
  });

  it("refuses empty, short and oversized fields with a message each", () => {
    const result = NewThreadSchema.safeParse({
      kind: "poll",
      title: "short",
      body: " ",
      tags: "a,b,c,d,e,f",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["kind", "title", "body", "tags"]));
    expect(NewThreadSchema.safeParse({ ...valid, body: "x".repeat(20_001) }).success).toBe(false);
    expect(NewThreadSchema.safeParse({ ...valid, title: "t".repeat(151) }).success).toBe(false);
  });
});

describe("URL parameters", () => {
  it("reads ids and pages defensively", () => {
    expect(parseId("42")).toBe(42);
    expect(parseId("0")).toBeNull();
    expect(parseId("1e3")).toBeNull();
    expect(parseId("9".repeat(12))).toBeNull();
    expect(pageParam("3")).toBe(3);
    expect(pageParam("-1")).toBe(1);
    expect(pageParam("abc")).toBe(1);
  });

  it("falls back to the latest list for unknown tabs and periods", () => {
    expect(readListParams(new URL("http://x/discussions?tab=top&period=month&page=2"))).toEqual({
      tab: "top",
      period: "month",
      page: 2,
    });
    expect(readListParams(new URL("http://x/discussions?tab=drop&period=year"))).toEqual({
      tab: "latest",
      period: "week",
      page: 1,
    });
  });
});
