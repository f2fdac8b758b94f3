// Runs before `npm start`: builds only when the build is missing or older than
// any source it is made from, so a restart of a built checkout takes seconds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const buildDir = process.env.BUILD_DIR ?? "build";
const SOURCES = [
  "app",
  "server",
  "db",
  "public",
  "vite.config.ts",
  "remix.config.js",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
// The client build is written first, then the server build, then the server bundle.
const CLIENT = path.join(buildDir, "client");
const OUTPUTS = [path.join(buildDir, "server/index.js"), path.join(buildDir, "server-bundle.mjs")];

/** The newest modification time under a file or folder (tests are not part of the build). */
function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

export function buildIsCurrent() {
  if (![CLIENT, ...OUTPUTS].every((o) => existsSync(o))) return { current: false, reason: "no build yet" };
  const built = Math.min(...OUTPUTS.map((o) => statSync(o).mtimeMs));
  const changed = SOURCES.find((s) => newest(s) > built);
  return changed
    ? { current: false, reason: `${changed} changed since the last build` }
    : { current: true };
}

const state = buildIsCurrent();
if (state.current) {
  console.log(`Build in ${buildDir}/ is up to date.`);
} else {
  console.log(`Building (${state.reason})…`);
  const result = spawnSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
