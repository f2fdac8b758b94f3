import type { ReactElement } from "react";
import { recipientLocale } from "../../i18n/community.ts";
import type { Effects } from "../commands/effects.server.ts";
import { sendLater } from "../outbox/queue.server.ts";
import { composeEmail } from "./compose.server.ts";
import { absoluteUrl, type SiteSettings } from "./settings.ts";
import type { Localized } from "./templates/locale-context.ts";

/**
 * A message to a person about a decision, joined to the command that made it:
 * their address, name and language are read when the command ends (in its
 * transaction), and `link` turns a path into an absolute link for the button.
 * Buttons only open pages: nothing changes until the person acts there.
 */
export function mailPerson(
  effects: Effects,
  input: {
    userId: number;
    kind: string;
    /** One decision, one message: e.g. `tier_granted:<award id>`. */
    idempotencyKey: string;
    /** In the person's language: `(t) => t("mail.…")`. */
    subject: Localized;
    template: (
      person: { name: string },
      link: (path: string) => string,
      site: SiteSettings,
    ) => ReactElement;
  },
): void {
  sendLater(effects, async (trx, site) => {
    const person = await trx
      .selectFrom("users")
      .select(["email", "display_name", "locale"])
      .where("id", "=", input.userId)
      .executeTakeFirst();
    if (!person) return null;
    return composeEmail(site, {
      to: person.email,
      userId: input.userId,
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      locale: recipientLocale(person.locale),
      subject: input.subject,
      template: input.template(
        { name: person.display_name },
        (path) => absoluteUrl(site, path),
        site,
      ),
    });
  });
}
