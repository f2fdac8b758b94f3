import type { Localized } from "./locale-context.ts";
import { Action, EmailLayout, Paragraph } from "./layout.tsx";

/** A reply, a mention or an accepted answer the person has not seen on the site. */
export function DiscussionEmail(props: {
  recipientName: string;
  /** What happened, in the recipient's language ("Ana replied to …"), without a full stop. */
  sentence: Localized;
  excerpt: string;
  link: string;
}) {
  return (
    <EmailLayout preview={props.sentence}>
      {(t, locale) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.recipientName })}</Paragraph>
          <Paragraph>
            {t("mail.discussion.sentence", {
              sentence:
                typeof props.sentence === "function" ? props.sentence(t, locale) : props.sentence,
            })}
          </Paragraph>
          {props.excerpt ? <Paragraph>{t("mail.quote", { text: props.excerpt })}</Paragraph> : null}
          <Action href={props.link}>{t("mail.discussion.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}
