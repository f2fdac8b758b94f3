import { mailDay } from "./locale-context.ts";
import { Action, EmailLayout, Paragraph } from "./layout.tsx";

/**
 * A promoter who answered the survey is invited to join as a verified
 * customer. The reminder is the same message, said again more briefly.
 */
export function PromoterInvitationEmail(props: {
  name: string;
  company: string;
  inviterName: string;
  link: string;
  expiresAt: Date;
  reminder?: boolean;
}) {
  const inviter = props.inviterName;
  return (
    <EmailLayout
      preview={(t) =>
        props.reminder
          ? t("mail.promoterInvitation.reminderPreview")
          : t("mail.promoterInvitation.preview")
      }
      footer={(t) => t("mail.promoterInvitation.footer")}
    >
      {(t, locale) => (
        <>
          <Paragraph>{props.name ? t("mail.hi", { name: props.name }) : t("mail.hello")}</Paragraph>
          {props.reminder ? (
            <Paragraph>{t("mail.promoterInvitation.reminder", { inviter })}</Paragraph>
          ) : (
            <Paragraph>
              {props.company
                ? t("mail.promoterInvitation.thanksAt", { company: props.company, inviter })
                : t("mail.promoterInvitation.thanks", { inviter })}
            </Paragraph>
          )}
          <Paragraph>
            {t("mail.promoterInvitation.link", { until: mailDay(locale, props.expiresAt) })}
          </Paragraph>
          <Action href={props.link}>{t("mail.promoterInvitation.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}
