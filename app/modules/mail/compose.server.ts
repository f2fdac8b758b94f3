import { createHash } from "node:crypto";
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { communityLocale } from "../../i18n/community.ts";
import { LOCALE_TAGS, type Locale } from "../../i18n/index.ts";
import type { OutgoingMessage } from "../outbox/queue.server.ts";
import { isEssential, mailKind, suppressionGroupOf } from "./kinds.ts";
import { absoluteUrl, unsubscribeMailbox, type SiteSettings } from "./settings.ts";
import { MailFooterContext, UNSUBSCRIBE_TOKEN_SLOT } from "./templates/footer-context.ts";
import { localize, MailLocaleContext, type Localized } from "./templates/locale-context.ts";

/**
 * Composes an email in full (HTML and plain text from one React template) as
 * an outbox message. What is composed is what is kept and what is sent: the
 * outbox page shows exactly the message that left.
 */
export async function composeEmail(
  site: SiteSettings,
  input: {
    to: string;
    userId: number | null;
    kind: string;
    idempotencyKey: string;
    /**
     * The recipient's language: a member's stored choice, else the
     * community's (see mailLocaleOf); the subject, the text and the frame
     * are all composed in it. Left out, the community's.
     */
    locale?: Locale;
    subject: Localized;
    template: ReactElement;
    headers?: Record<string, string>;
    /** The thread a discussion message is about: its digest line shows only while it is readable. */
    threadId?: number | null;
  },
): Promise<OutgoingMessage> {
  // Non-essential mail to a member carries one-click unsubscribe (RFC 8058) and a
  // footer link, and so does mail that reaches people without an account (an
  // invitation, a survey): theirs turns the group off for the address. The link
  // is signed when the message is enqueued (see enqueue).
  const member = input.userId !== null;
  const unsubscribable = member
    ? !isEssential(input.kind)
    : suppressionGroupOf(input.kind) !== undefined;
  const locale = input.locale ?? communityLocale();
  const subject = localize(input.subject, locale);
  const unsubscribeUrl = absoluteUrl(site, `/unsubscribe/${UNSUBSCRIBE_TOKEN_SLOT}`);
  const template = unsubscribable
    ? createElement(
        MailFooterContext.Provider,
        {
          value: {
            unsubscribeUrl,
            kind: input.kind,
            kindLabel: mailKind(input.kind)?.label ?? "these messages",
            settingsUrl: member ? absoluteUrl(site, "/settings/email") : null,
          },
        },
        input.template,
      )
    : input.template;
  const localized = createElement(MailLocaleContext.Provider, { value: locale }, template);
  const [html, text] = await Promise.all([
    render(localized),
    render(localized, { plainText: true }),
  ]);
  const host = new URL(site.publicUrl).hostname || "limelight.localhost";
  const digest = createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 32);
  return {
    channel: "email",
    idempotencyKey: input.idempotencyKey,
    kind: input.kind,
    recipient: input.to,
    userId: input.userId,
    subject,
    threadId: input.threadId ?? null,
    payload: {
      to: input.to,
      from: site.mailFrom,
      subject,
      html,
      text,
      // The same message id on every attempt: a receiving server that saw it once drops a repeat.
      headers: {
        "Message-ID": `<${digest}@${host}>`,
        "Content-Language": LOCALE_TAGS[locale],
        ...(unsubscribable
          ? {
              // RFC 2369 lists every way to ask; RFC 8058's one-click POST uses the https one.
              "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${unsubscribeMailbox(site)}?subject=unsubscribe>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
          : {}),
        ...input.headers,
      },
      firstLink: /https?:\/\/\S+/.exec(text)?.[0]?.replace(/[).,\]]+$/, "") ?? null,
    },
  };
}
