import { createContext } from "react";

/**
 * Stands for the signed unsubscribe token until the message is enqueued: the
 * signing key lives in the database, which composing does not reach.
 */
export const UNSUBSCRIBE_TOKEN_SLOT = "unsubscribe-token-slot";

/** What the footer of a non-essential message offers: turn this kind off, or choose. */
export const MailFooterContext = createContext<{
  unsubscribeUrl: string;
  /** The kind of message, whose name the footer gives in the recipient's language. */
  kind: string;
  kindLabel: string;
  /** Members choose on /settings/email; people without an account only have the link. */
  settingsUrl: string | null;
} | null>(null);
