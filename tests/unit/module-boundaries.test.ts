import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Each capability owns the tables declared in db/tables/<area>.ts, and only
// app/modules/<area>/ reads or writes them; other modules go through that
// module's exported functions. The core tables in db/schema.ts (people,
// sessions, the audit log, settings) are not in any area file.

const root = path.resolve(__dirname, "../..");
const tablesDir = path.join(root, "db/tables");
const modulesDir = path.join(root, "app/modules");

function ownerMap(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of readdirSync(tablesDir).filter((f) => f.endsWith(".ts"))) {
    const area = file.replace(/\.ts$/, "");
    const source = readFileSync(path.join(tablesDir, file), "utf8");
    const block = /export interface \w+Tables \{([^}]*)\}/.exec(source);
    if (!block) throw new Error(`db/tables/${file} declares no <Area>Tables interface`);
    for (const match of block[1].matchAll(/^\s*([a-z_]+):/gm)) owners.set(match[1], area);
  }
  return owners;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/** Table names a file touches: query-builder calls, and FROM/JOIN/UPDATE/INTO in raw SQL. */
function tablesTouched(source: string, known: Set<string>): Set<string> {
  const found = new Set<string>();
  const builder =
    /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto)\(\s*["'`]([a-z_]+)/g;
  for (const m of source.matchAll(builder)) found.add(m[1]);
  const raw = /\b(?:from|join|update|into)\s+([a-z_]+)\b/gi;
  for (const m of source.matchAll(raw)) if (known.has(m[1])) found.add(m[1]);
  return new Set([...found].filter((t) => known.has(t)));
}

describe("module boundaries", () => {
  const owners = ownerMap();

  it("knows an owner for every capability table", () => {
    expect(owners.get("talks")).toBe("advocacy");
    expect(owners.get("reputation_ledger")).toBe("reputation");
    expect(owners.get("notifications")).toBe("notifications");
    expect(owners.get("early_access_items")).toBe("early-access");
  });

  it("keeps each area's tables inside its own module", () => {
    const known = new Set(owners.keys());
    const crossings: string[] = [];
    for (const file of sourceFiles(modulesDir)) {
      const area = path.relative(modulesDir, file).split(path.sep)[0];
      for (const table of tablesTouched(withoutComments(readFileSync(file, "utf8")), known)) {
        const owner = owners.get(table)!;
        if (owner !== area)
          crossings.push(`${path.relative(root, file)} touches ${table} (owned by ${owner})`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it("finds a crossing when there is one", () => {
    const known = new Set(owners.keys());
    const sample = 'db.selectFrom("talks").innerJoin("threads as t", "t.id", "x")';
    expect([...tablesTouched(sample, known)].sort()).toEqual(["talks", "threads"]);
    expect([...tablesTouched("sql`select total from reputation_balances`", known)]).toEqual([
      "reputation_balances",
    ]);
  });
});
