import { Action, EmailLayout, Paragraph } from "./layout.tsx";

/**
 * A prospect would like to talk with an advocate. Only what the advocate
 * needs to decide: who asks, their company and the topic. Contact details
 * are shared on the site, and only once the advocate accepts.
 */
export function ReferenceRequestedEmail(props: {
  advocateName: string;
  prospectName: string;
  prospectCompany: string;
  topic: string;
  link: string;
}) {
  const prospect = props.prospectName;
  return (
    <EmailLayout
      preview={(t) => t("mail.referenceRequested.subject", { prospect })}
      footer={(t) => t("mail.referenceRequested.footer")}
    >
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.advocateName })}</Paragraph>
          <Paragraph>
            {props.prospectCompany
              ? t("mail.referenceRequested.bodyFrom", {
                  prospect,
                  company: props.prospectCompany,
                  topic: props.topic,
                })
              : t("mail.referenceRequested.body", { prospect, topic: props.topic })}
          </Paragraph>
          <Paragraph>{t("mail.referenceRequested.nothingShared")}</Paragraph>
          <Action href={props.link}>{t("mail.referenceRequested.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}
