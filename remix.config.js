/**
 * Remix's own options, shared by the Vite plugin (vite.config.ts) so that the
 * app directory, future flags and ignored route files are declared in one place.
 * @type {import('@remix-run/dev').VitePluginConfig}
 */
export default {
  appDirectory: "app",
  // BUILD_DIR lets several builds live side by side (one per working copy or test run).
  buildDirectory: process.env.BUILD_DIR ?? "build",
  serverModuleFormat: "esm",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}", "**/*.css"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // The whole route manifest is one immutable, cached script (about 80 routes).
    // Discovering routes lazily instead costs every server render a walk of the
    // route tree per path segment to inline a partial manifest into the page.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: false,
  },
};
