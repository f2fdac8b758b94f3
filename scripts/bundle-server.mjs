// Compiles the server (server/, db/ and the domain code it uses) into one
// plain-JavaScript module, so production starts with `node` alone: nothing is
// compiled at start-up. Packages stay imports of node_modules.
import path from "node:path";
import { build } from "esbuild";

const buildDir = process.env.BUILD_DIR ?? "build";
await build({
  entryPoints: ["server/index.ts"],
  outfile: path.join(buildDir, "server-bundle.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
