import type { Env } from "../app/utils/env.server.ts";

/**
 * True when a browser request comes from this site (or an allowed origin).
 * Requests without an Origin header (curl, server-to-server) are judged by
 * SameSite cookies alone.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  env: Env,
): boolean {
  if (!origin) return true;
  if (origin === "null") return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (host && url.host === host) return true;
  return env.ALLOWED_ORIGINS.includes(url.origin);
}
