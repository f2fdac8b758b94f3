// Finds the Chromium the browser tests drive, installing Debian's package when
// we are root with apt and none is present. It never lets the browser tests
// be skipped silently: without a browser it stops and says what to install.
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

function playwrightChromium() {
  try {
    const { chromium } = require("@playwright/test");
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export function findChromium() {
  for (const candidate of CANDIDATES) if (candidate && existsSync(candidate)) return candidate;
  return playwrightChromium();
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium package for the browser tests…");
    execSync(
      "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
      { stdio: "inherit" },
    );
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    [
      "The browser tests need Chromium, and none was found.",
      "Install it, then run the tests again:",
      "  Debian/Ubuntu:  sudo apt-get install -y chromium",
      "  or:             npx playwright install chromium",
      "  or point CHROMIUM_PATH at a Chromium or Chrome executable.",
    ].join("\n"),
  );
  process.exit(1);
}
