import { describe, expect, it } from "vitest";
import { allows, checkManifest, pinnedLine } from "../../scripts/check-deps.mjs";

describe("the dependency check", () => {
  it("accepts ranges that stay within one major and refuses the rest", () => {
    for (const range of ["1.2.3", "~1.2.3", "^1.2.3", "^0.5.16", "~0.28.8", "2.17.5"])
      expect(pinnedLine(range), range).not.toBeNull();
    for (const range of ["*", "latest", ">=1.0.0", "1.x", "^1 || ^2", "", "github:a/b", "^1"])
      expect(pinnedLine(range), range).toBeNull();
  });

  it("knows which locked versions a range allows", () => {
    expect(allows("^1.2.3", "1.9.0")).toBe(true);
    expect(allows("^1.2.3", "2.0.0")).toBe(false);
    expect(allows("^1.2.3", "1.2.2")).toBe(false);
    expect(allows("~0.28.8", "0.28.9")).toBe(true);
    expect(allows("~0.28.8", "0.29.0")).toBe(false);
    expect(allows("^0.5.16", "0.6.0")).toBe(false);
    expect(allows("2.17.5", "2.17.6")).toBe(false);
  });

  it("names a range that is not pinned and a lockfile that lags behind package.json", () => {
    const manifest = { dependencies: { kysely: "~0.28.8", pg: "*" } };
    const lock = {
      packages: {
        "": { dependencies: { kysely: "~0.28.7", pg: "*", left: "^1.0.0" } },
        "node_modules/kysely": { version: "0.28.7" },
        "node_modules/pg": { version: "8.23.1" },
      },
    };
    expect(checkManifest(manifest, lock)).toEqual([
      "kysely: package.json asks for ~0.28.8, the lockfile for ~0.28.7; run npm install.",
      "kysely: the lockfile has 0.28.7, outside ~0.28.8; run npm install.",
      "pg@*: pin it to one major version (e.g. ^1.2.3 or ~0.4.1).",
      "left: in the lockfile but not in package.json; run npm install.",
    ]);
  });

  it("passes on this project's own package.json and lockfile", async () => {
    const { readFileSync } = await import("node:fs");
    const read = (f: string) => JSON.parse(readFileSync(f, "utf8"));
    expect(checkManifest(read("package.json"), read("package-lock.json"))).toEqual([]);
  });
});
