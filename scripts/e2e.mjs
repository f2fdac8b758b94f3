// `npm run test:e2e`: a fresh build and the browser tests alone.
import { ensureChromium } from "./browser.mjs";
import { step } from "./run.mjs";

const chromium = ensureChromium();
step("build", "npx", ["remix", "vite:build", "--logLevel", "warn"]);
step("end-to-end tests", "npx", ["playwright", "test", ...process.argv.slice(2)], {
  CHROMIUM_PATH: chromium,
});
