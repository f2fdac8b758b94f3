import { Action, EmailLayout, Paragraph } from "./layout.tsx";

/** An admin learns that a webhook endpoint kept failing and was turned off. */
export function WebhookEndpointDisabledEmail(props: {
  name: string;
  url: string;
  reason: string;
  link: string;
}) {
  return (
    <EmailLayout preview={(t) => t("mail.webhookDisabled.subject")}>
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>
            {t("mail.webhookDisabled.body", { url: props.url, reason: props.reason })}
          </Paragraph>
          <Paragraph>{t("mail.webhookDisabled.whileOff")}</Paragraph>
          <Action href={props.link}>{t("mail.webhookDisabled.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}
