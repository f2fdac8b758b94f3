import { Action, EmailLayout, Paragraph } from "./layout.tsx";

export function PasswordResetEmail({ name, link }: { name: string; link: string }) {
  return (
    <EmailLayout preview="Choose a new password for Limelight">
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        Someone asked to reset the password of your Limelight account. If it was you, choose a new
        password with the button below. The link works once, for the next hour.
      </Paragraph>
      <Action href={link}>Choose a new password</Action>
      <Paragraph>
        If you did not ask for this, you can ignore this message: your password stays as it is.
      </Paragraph>
    </EmailLayout>
  );
}

export function PasswordChangedEmail({ name, link }: { name: string; link: string }) {
  return (
    <EmailLayout preview="Your Limelight password was changed">
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        The password of your Limelight account was just changed, and every device that was signed in
        has been signed out.
      </Paragraph>
      <Paragraph>
        If this was not you, reset your password straight away and tell your community manager.
      </Paragraph>
      <Action href={link}>Reset my password</Action>
    </EmailLayout>
  );
}
