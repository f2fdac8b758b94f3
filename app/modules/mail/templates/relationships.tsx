import { mailDay } from "./locale-context.ts";
import { Action, EmailLayout, Paragraph } from "./layout.tsx";

// Reminders to the community team about the people they look after.

export function NextStepDueEmail(props: {
  name: string;
  advocateName: string;
  step: string;
  dueOn: Date;
  link: string;
}) {
  const advocate = props.advocateName;
  return (
    <EmailLayout
      preview={(t, locale) =>
        t("mail.nextStepDue.subject", { advocate, dueOn: mailDay(locale, props.dueOn) })
      }
    >
      {(t, locale) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>
            {t("mail.nextStepDue.body", { advocate, dueOn: mailDay(locale, props.dueOn) })}
          </Paragraph>
          <Paragraph>{t("mail.quote", { text: props.step })}</Paragraph>
          <Paragraph>{t("mail.nextStepDue.notes")}</Paragraph>
          <Action href={props.link}>{t("mail.nextStepDue.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}
