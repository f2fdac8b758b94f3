import { createHash } from "node:crypto";
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import type { OutgoingMessage } from "../outbox/queue.server.ts";
import { isEssential, mailKind, suppressionGroupOf } from "./kinds.ts";
import { absoluteUrl, unsubscribeMailbox, type SiteSettings } from "./settings.ts";
import { MailFooterContext, UNSUBSCRIBE_TOKEN_SLOT } from "./templates/footer-context.ts";

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
    subject: string;
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
  const unsubscribeUrl = absoluteUrl(site, `/unsubscribe/${UNSUBSCRIBE_TOKEN_SLOT}`);
  const template = unsubscribable
    ? createElement(
        MailFooterContext.Provider,
        {
          value: {
            unsubscribeUrl,
            kindLabel: mailKind(input.kind)?.label ?? "these messages",
            settingsUrl: member ? absoluteUrl(site, "/settings/email") : null,
          },
        },
        input.template,
      )
    : input.template;
  const [html, text] = await Promise.all([render(template), render(template, { plainText: true })]);
  const host = new URL(site.publicUrl).hostname || "limelight.localhost";
  const digest = createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 32);
  return {
    channel: "email",
    idempotencyKey: input.idempotencyKey,
    kind: input.kind,
    recipient: input.to,
    userId: input.userId,
    subject: input.subject,
    threadId: input.threadId ?? null,
    payload: {
      to: input.to,
      from: site.mailFrom,
      subject: input.subject,
      html,
      text,
      // The same message id on every attempt: a receiving server that saw it once drops a repeat.
      headers: {
        "Message-ID": `<${digest}@${host}>`,
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
