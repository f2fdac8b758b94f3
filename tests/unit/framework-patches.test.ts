import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { createStaticRouter, type StaticHandlerContext } from "react-router-dom/server";
import { describe, expect, it } from "vitest";

// The fixes kept in patches/ (ADR 014) must be in the installed packages:
// an upgrade that no longer carries them, or an install that skipped them,
// fails here instead of silently making every page slower again.

const root = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

/** Each patch file: the package, its version, and the lines it adds per file. */
function patches() {
  return readdirSync(path.join(root, "patches"))
    .filter((f) => f.endsWith(".patch"))
    .map((file) => {
      const [, name, version] = /^(.+)\+(\d[^+]*)\.patch$/.exec(file)!;
      const added = new Map<string, string[]>();
      let current = "";
      for (const line of readFileSync(path.join(root, "patches", file), "utf8").split("\n")) {
        if (line.startsWith("+++ b/")) current = line.slice("+++ b/".length);
        else if (line.startsWith("+") && line.trim() !== "+")
          added.get(current)?.push(line.slice(1));
        if (current && !added.has(current)) added.set(current, []);
      }
      return { file, name: name.replace("+", "/"), version, added };
    });
}

/** A route whose path counts how often it is read: deriving the route tree reads it. */
function countingRoutes() {
  let reads = 0;
  const child: AgnosticRouteObject = {
    id: "post",
    get path() {
      reads += 1;
      return "t/:id/:slug?";
    },
  };
  const routes: AgnosticRouteObject[] = [{ id: "root", path: "/", children: [child] }];
  return { routes, reads: () => reads };
}

describe("patched packages", () => {
  it("are installed at the versions the patches were made for, with the patches applied", () => {
    const found = patches();
    expect(found.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "react-dom",
        "@remix-run/router",
        "@remix-run/react",
        "@remix-run/server-runtime",
        "react-router-dom",
      ]),
    );
    for (const patch of found) {
      const installed = JSON.parse(
        readFileSync(path.join(root, "node_modules", patch.name, "package.json"), "utf8"),
      ) as { version: string };
      expect(installed.version, `${patch.name} is not the version ${patch.file} patches`).toBe(
        patch.version,
      );
      for (const [file, lines] of patch.added) {
        const text = readFileSync(path.join(root, file), "utf8");
        for (const line of lines)
          expect(text, `${file} lacks a line of ${patch.file}`).toContain(line);
      }
    }
  });

  it("derive a route tree once, not on every match", () => {
    const { routes, reads } = countingRoutes();
    const first = matchRoutes(routes, "/t/42/exports");
    expect(first?.map((m) => m.route.id)).toEqual(["root", "post"]);
    expect(first?.[1].params).toEqual({ id: "42", slug: "exports" });
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    const second = matchRoutes(routes, "/t/43");
    expect(second?.[1].params).toEqual({ id: "43", slug: undefined });
    expect(matchRoutes(routes, "/u/someone")).toBeNull();
    expect(reads()).toBe(afterFirst);
  });

  it("match every pathname as the unpatched router does, trying only branches that can match", () => {
    // The UMD build is left unpatched: it is the reference.
    const reference = require("@remix-run/router/dist/router.umd.js") as {
      matchRoutes: typeof matchRoutes;
    };
    const routes: AgnosticRouteObject[] = [
      {
        id: "root",
        path: "/",
        children: [
          { id: "home", index: true },
          { id: "thread", path: "t/:id/:slug?" },
          { id: "changes", path: "t/:id/changes" },
          { id: "profile", path: "u/:handle" },
          { id: "sitemap", path: "sitemap.xml" },
          { id: "chart", path: "stories/:slug/chart.svg" },
          { id: "Exact", path: "Exact", caseSensitive: true },
          { id: "optional-first", path: ":lang?/about" },
          { id: "static-optional", path: "docs?/guide" },
          {
            id: "manage",
            path: "manage",
            children: [
              { id: "manage-home", index: true },
              { id: "manage-people", path: "people" },
              { id: "manage-person", path: "people/:id" },
            ],
          },
          { id: "layout", children: [{ id: "settings", path: "settings/:tab" }] },
          { id: "handle", path: ":handle" },
          { id: "splat", path: "*" },
        ],
      },
    ];
    const pathnames = [
      "/",
      "/t/1",
      "/t/1/slug",
      "/t/1/changes",
      "/T/1/Slug",
      "/u/ada",
      "/u",
      "/sitemap.xml",
      "/SITEMAP.XML",
      "/stories/a/chart.svg",
      "/Exact",
      "/exact",
      "/about",
      "/es/about",
      "/guide",
      "/docs/guide",
      "/manage",
      "/manage/",
      "/manage/people",
      "/manage/people/7",
      "/Manage/People",
      "/manage/nothing",
      "/settings/profile",
      "/ada",
      "/nope/deep",
      "//t/1",
      "/t//1",
      "/%E4%B8%AD%E6%96%87",
      "/caf%C3%A9/x",
      "/u/ada/extra",
    ];
    const ids = (found: ReturnType<typeof matchRoutes>) =>
      found?.map((m) => [m.route.id, m.params, m.pathname, m.pathnameBase]) ?? null;
    for (const pathname of pathnames)
      expect(ids(matchRoutes(routes, pathname)), pathname).toEqual(
        ids(reference.matchRoutes(routes, pathname)),
      );
  });

  it("make the static router's data routes once per route tree", () => {
    const { routes } = countingRoutes();
    const context = {
      basename: "/",
      location: { pathname: "/", search: "", hash: "", state: null, key: "default" },
      matches: [],
      loaderData: {},
      actionData: null,
      errors: null,
      statusCode: 200,
      loaderHeaders: {},
      actionHeaders: {},
      activeDeferreds: null,
    } as StaticHandlerContext;
    expect(createStaticRouter(routes, context).routes).toBe(
      createStaticRouter(routes, context).routes,
    );
  });

  it("give a build one set of route modules for every render", () => {
    const { createEntryRouteModules } = require("@remix-run/server-runtime/dist/entry.js") as {
      createEntryRouteModules(manifest: object): object;
    };
    const manifest = { root: { id: "root", module: { default: () => null } } };
    const modules = createEntryRouteModules(manifest);
    expect(modules).toEqual({ root: manifest.root.module });
    expect(createEntryRouteModules(manifest)).toBe(modules);
  });
});
