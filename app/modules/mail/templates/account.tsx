import { Action, EmailLayout, Paragraph } from "./layout.tsx";

// Account and security messages. Their subjects are the same words as their
// previews, so the senders use these keys for the subject too.

export function PasswordResetEmail({ name, link }: { name: string; link: string }) {
  return (
    <EmailLayout preview={(t) => t("mail.passwordReset.subject")}>
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name })}</Paragraph>
          <Paragraph>{t("mail.passwordReset.body")}</Paragraph>
          <Action href={link}>{t("mail.passwordReset.action")}</Action>
          <Paragraph>{t("mail.passwordReset.ignore")}</Paragraph>
        </>
      )}
    </EmailLayout>
  );
}

export function PasswordChangedEmail({ name, link }: { name: string; link: string }) {
  return (
    <EmailLayout preview={(t) => t("mail.passwordChanged.subject")}>
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name })}</Paragraph>
          <Paragraph>{t("mail.passwordChanged.body")}</Paragraph>
          <Paragraph>{t("mail.passwordChanged.notYou")}</Paragraph>
          <Action href={link}>{t("mail.passwordChanged.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}

export function EmailVerifyEmail({ name, link }: { name: string; link: string }) {
  return (
    <EmailLayout preview={(t) => t("mail.emailVerify.subject")}>
      {(t) => (
        <>
          <Paragraph>{t("mail.emailVerify.welcome", { name })}</Paragraph>
          <Paragraph>{t("mail.emailVerify.body")}</Paragraph>
          <Action href={link}>{t("mail.emailVerify.action")}</Action>
          <Paragraph>{t("mail.emailVerify.ignore")}</Paragraph>
        </>
      )}
    </EmailLayout>
  );
}

export function EmailChangeConfirmEmail({ name, link }: { name: string; link: string }) {
  return (
    <EmailLayout preview={(t) => t("mail.emailChangeConfirm.subject")}>
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name })}</Paragraph>
          <Paragraph>{t("mail.emailChangeConfirm.body")}</Paragraph>
          <Action href={link}>{t("mail.emailChangeConfirm.action")}</Action>
          <Paragraph>{t("mail.emailChangeConfirm.ignore")}</Paragraph>
        </>
      )}
    </EmailLayout>
  );
}

export function EmailChangeNoticeEmail(props: { name: string; newEmail: string; link: string }) {
  return (
    <EmailLayout preview={(t) => t("mail.emailChangeNotice.subject")}>
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>{t("mail.emailChangeNotice.body", { newEmail: props.newEmail })}</Paragraph>
          <Paragraph>{t("mail.emailChangeNotice.notYou")}</Paragraph>
          <Action href={props.link}>{t("mail.emailChangeNotice.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}
