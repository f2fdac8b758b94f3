import { afterEach, vi } from "vitest";

// An error logged during a test is a failure someone would see in production.
afterEach(() => {
  vi.restoreAllMocks();
});
