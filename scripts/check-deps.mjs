// Checks the dependencies without asking a registry (`npm audit` needs one):
// every range in package.json stays within one major version, the lockfile
// records exactly those ranges, the locked versions satisfy them, and the
// installed tree matches the lockfile (`npm ls`). See README, "Dependencies".
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const VERSION = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;

/**
 * The versions a range allows, if it stays within one major (one minor below
 * 1.0): `1.2.3`, `~1.2.3` and `^1.2.3` do; `*`, `>=1`, `1.x`, `latest`, `a || b`,
 * tags and URLs do not. Returns null for a range that is not pinned.
 */
export function pinnedLine(range) {
  const match = /^([~^]?)(.*)$/.exec(range.trim());
  const version = VERSION.exec(match[2]);
  if (!version) return null;
  const [major, minor] = [Number(version[1]), Number(version[2])];
  // ^0.y and ~x.y both hold the minor; ^x (x ≥ 1) holds the major.
  const holdsMinor = match[1] === "~" || major === 0 || match[1] === "";
  return { major, minor: holdsMinor ? minor : null, exact: match[1] === "" ? match[2] : null };
}

/** Whether a locked version is one the range allows (for pinned ranges). */
export function allows(range, locked) {
  const line = pinnedLine(range);
  const version = VERSION.exec(locked);
  if (!line || !version) return false;
  if (line.exact) return line.exact === locked;
  if (Number(version[1]) !== line.major) return false;
  if (line.minor !== null && Number(version[2]) !== line.minor) return false;
  // Not older than the range's floor.
  const floor = VERSION.exec(range.replace(/^[~^]/, ""));
  const a = [Number(version[1]), Number(version[2]), Number(version[3])];
  const b = [Number(floor[1]), Number(floor[2]), Number(floor[3])];
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

/** Every problem found with package.json and its lockfile, as sentences. */
export function checkManifest(manifest, lock) {
  const problems = [];
  const root = lock.packages?.[""] ?? {};
  for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) {
    const wanted = manifest[field] ?? {};
    const locked = root[field] ?? {};
    for (const [name, range] of Object.entries(wanted)) {
      if (!pinnedLine(range))
        problems.push(`${name}@${range}: pin it to one major version (e.g. ^1.2.3 or ~0.4.1).`);
      if (locked[name] !== range)
        problems.push(
          `${name}: package.json asks for ${range}, the lockfile for ${locked[name] ?? "nothing"}; run npm install.`,
        );
      const installed = lock.packages?.[`node_modules/${name}`]?.version;
      if (!installed) problems.push(`${name}: not in the lockfile; run npm install.`);
      else if (pinnedLine(range) && !allows(range, installed))
        problems.push(`${name}: the lockfile has ${installed}, outside ${range}; run npm install.`);
    }
    for (const name of Object.keys(locked))
      if (!(name in wanted))
        problems.push(`${name}: in the lockfile but not in package.json; run npm install.`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const read = (file) => JSON.parse(readFileSync(path.join(root, file), "utf8"));
  const problems = checkManifest(read("package.json"), read("package-lock.json"));
  // The installed tree must be the locked one: missing, extra or mismatched packages fail.
  const ls = spawnSync("npm", ["ls", "--all", "--silent"], { cwd: root, encoding: "utf8" });
  if (ls.status !== 0)
    problems.push(`node_modules does not match the lockfile (npm ls):\n${ls.stderr || ls.stdout}`);
  if (problems.length) {
    console.error(`Dependency check failed:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  console.log("Dependencies: every range pinned to a major, lockfile and node_modules current.");
}
