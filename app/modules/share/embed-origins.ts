import { FieldError } from "../../utils/errors.ts";

export const MAX_EMBED_ORIGINS = 20;

/**
 * Reads the admin's list, one website per line, into origins: scheme, host
 * and port only ("https://www.example.com"). A path, a wildcard, a quote or a
 * non-web scheme is refused by the field, since the list goes into a header.
 */
export function parseEmbedOrigins(text: string): string[] {
  const lines = text
    .split(/[\s,]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const origins = new Set<string>();
  for (const line of lines) {
    let url: URL | null = null;
    try {
      url = new URL(line);
    } catch {
      url = null;
    }
    const bare = url && (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash;
    if (
      !url ||
      !bare ||
      (url.protocol !== "https:" && url.protocol !== "http:") ||
      url.username ||
      url.password ||
      !/^[a-z0-9.-]+$/i.test(url.hostname) ||
      line.replace(/\/$/, "").toLowerCase() !== url.origin.toLowerCase()
    )
      throw new FieldError(
        "origins",
        `“${line.slice(0, 80)}” is not a website address: write it as https://www.example.com, without a path.`,
      );
    origins.add(url.origin);
  }
  if (origins.size > MAX_EMBED_ORIGINS)
    throw new FieldError("origins", `List at most ${MAX_EMBED_ORIGINS} websites.`);
  return [...origins];
}
