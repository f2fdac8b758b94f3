// `npm test`: everything a change must pass, in the order that fails fastest.
import { ensureChromium } from "./browser.mjs";
import { step } from "./run.mjs";

const chromium = ensureChromium();
step("dependencies", "node", ["scripts/check-deps.mjs"]);
step("typecheck", "npx", ["tsc", "--noEmit"]);
step("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
step("format", "npx", ["prettier", "--check", ".", "--log-level", "warn"]);
step("build", "npx", ["remix", "vite:build", "--logLevel", "warn"]);
step("server bundle", "node", ["scripts/bundle-server.mjs"]);
step("unit and integration tests", "npx", ["vitest", "run"]);
step("end-to-end tests", "npx", ["playwright", "test"], { CHROMIUM_PATH: chromium });
