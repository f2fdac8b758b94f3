import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm run bench` runs the rendered pages benchmark (bench/pages.ts);
 * `npm run bench -- <name>` runs bench/<name>.ts; `npm run bench -- all`,
 * every benchmark in this folder. Each prints `bench <name> <metric> <value>`
 * lines and writes the same figures to bench/results/<name>.json.
 */
export interface Benchmark {
  /** Runs within its own time budget, cleans up after itself, returns metric → value. */
  run(): Promise<Record<string, number>>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !["run.ts", "support.ts"].includes(f))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const names = wanted.includes("all") ? available : wanted.length ? wanted : ["pages"];
let failed = false;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`No benchmark called "${name}". Available: ${available.join(", ")}`);
    process.exitCode = 1;
    continue;
  }
  try {
    const module = (await import(path.join(here, `${name}.ts`))) as Benchmark;
    const figures = await module.run();
    for (const [metric, value] of Object.entries(figures))
      console.log(`bench ${name} ${metric} ${value}`);
    mkdirSync(path.join(here, "results"), { recursive: true });
    writeFileSync(
      path.join(here, "results", `${name}.json`),
      `${JSON.stringify({ name, at: new Date().toISOString(), figures }, null, 2)}\n`,
    );
  } catch (error) {
    failed = true;
    console.error(`bench ${name} failed: ${(error as Error).message}`);
  }
}
if (failed) process.exitCode = 1;
