import { createHash } from "node:crypto";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import type { OutgoingMessage } from "../outbox/queue.server.ts";
import type { SiteSettings } from "./settings.ts";

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
  },
): Promise<OutgoingMessage> {
  const [html, text] = await Promise.all([
    render(input.template),
    render(input.template, { plainText: true }),
  ]);
  const host = new URL(site.publicUrl).hostname || "limelight.localhost";
  const digest = createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 32);
  return {
    channel: "email",
    idempotencyKey: input.idempotencyKey,
    kind: input.kind,
    recipient: input.to,
    userId: input.userId,
    subject: input.subject,
    payload: {
      to: input.to,
      from: site.mailFrom,
      subject: input.subject,
      html,
      text,
      // The same message id on every attempt: a receiving server that saw it once drops a repeat.
      headers: { "Message-ID": `<${digest}@${host}>`, ...input.headers },
      firstLink: /https?:\/\/\S+/.exec(text)?.[0]?.replace(/[).,\]]+$/, "") ?? null,
    },
  };
}
