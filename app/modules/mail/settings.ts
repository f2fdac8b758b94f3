/**
 * Where links in messages point and who sends them: PUBLIC_URL and MAIL_FROM,
 * handed to every command in its context (routes take them from the
 * environment; seeds, sweeps and tests get the defaults below).
 */
export interface SiteSettings {
  publicUrl: string;
  mailFrom: string;
}

export const DEFAULT_SITE: SiteSettings = {
  publicUrl: "http://localhost:3000",
  mailFrom: "Limelight <no-reply@limelight.localhost>",
};

/** An absolute link on this site, for a message read outside it. */
export function absoluteUrl(site: SiteSettings, path: string): string {
  return `${site.publicUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
