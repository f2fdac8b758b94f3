import { Action, EmailLayout, Paragraph } from "./layout.tsx";

/**
 * One survey question, one personal link. The link works once, needs no
 * account, and says nothing to anyone else about the answer.
 */
export function SurveyInvitationEmail(props: { name: string; question: string; link: string }) {
  return (
    <EmailLayout preview={props.question} footer={(t) => t("mail.surveyInvitation.footer")}>
      {(t) => (
        <>
          <Paragraph>
            {props.name ? t("mail.hi", { name: props.name }) : t("mail.hiNoName")}
          </Paragraph>
          <Paragraph>{props.question}</Paragraph>
          <Paragraph>{t("mail.surveyInvitation.body")}</Paragraph>
          <Action href={props.link}>{t("mail.surveyInvitation.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}

/** Sent when a recommendation is published: the author's way to take it back at any time. */
export function TestimonialPublishedEmail(props: {
  name: string;
  body: string;
  wallLink: string;
  withdrawLink: string;
}) {
  return (
    <EmailLayout
      preview={(t) => t("mail.testimonialPublished.subject")}
      footer={(t) => t("mail.testimonialPublished.footer")}
    >
      {(t) => (
        <>
          <Paragraph>
            {props.name ? t("mail.hi", { name: props.name }) : t("mail.hiNoName")}
          </Paragraph>
          <Paragraph>{t("mail.testimonialPublished.thanks")}</Paragraph>
          <Paragraph>{t("mail.quote", { text: props.body })}</Paragraph>
          <Paragraph>{t("mail.testimonialPublished.seeIt", { link: props.wallLink })}</Paragraph>
          <Paragraph>{t("mail.testimonialPublished.withdraw")}</Paragraph>
          <Action href={props.withdrawLink}>{t("mail.testimonialPublished.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}
