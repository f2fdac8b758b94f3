/**
 * Where links in messages point and who sends them: PUBLIC_URL and MAIL_FROM,
 * handed to every command in its context (routes take them from the
 * environment; seeds, sweeps and tests get the defaults below).
 */
export interface SiteSettings {
  publicUrl: string;
  mailFrom: string;
  /** Where List-Unsubscribe's mailto: points; derived from mailFrom when not set. */
  unsubscribeMailbox?: string;
}

export const DEFAULT_SITE: SiteSettings = {
  publicUrl: "http://localhost:3000",
  mailFrom: "Limelight <no-reply@limelight.localhost>",
};

/** An absolute link on this site, for a message read outside it. */
export function absoluteUrl(site: SiteSettings, path: string): string {
  return `${site.publicUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The site settings the environment gives (PUBLIC_URL, MAIL_FROM, MAIL_UNSUBSCRIBE_TO). */
export function siteFromEnv(env: {
  PUBLIC_URL: string;
  MAIL_FROM: string;
  MAIL_UNSUBSCRIBE_TO?: string;
}): SiteSettings {
  return {
    publicUrl: env.PUBLIC_URL,
    mailFrom: env.MAIL_FROM,
    ...(env.MAIL_UNSUBSCRIBE_TO ? { unsubscribeMailbox: env.MAIL_UNSUBSCRIBE_TO } : {}),
  };
}

/**
 * The mailbox that takes unsubscribe requests by mail: the one configured,
 * or `unsubscribe@` the sender's domain ("Limelight <no-reply@example.com>"
 * gives unsubscribe@example.com).
 */
export function unsubscribeMailbox(site: SiteSettings): string {
  if (site.unsubscribeMailbox) return site.unsubscribeMailbox;
  const address = /<([^<>]+)>/.exec(site.mailFrom)?.[1] ?? site.mailFrom;
  const domain = address.split("@")[1]?.trim() || "limelight.localhost";
  return `unsubscribe@${domain}`;
}
