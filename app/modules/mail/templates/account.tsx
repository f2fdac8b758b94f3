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

export function EmailVerifyEmail({ name, link }: { name: string; link: string }) {
  return (
    <EmailLayout preview="Confirm your email address for Limelight">
      <Paragraph>Hi {name}, welcome to Limelight.</Paragraph>
      <Paragraph>
        Confirm that this address is yours, and you can start asking questions, replying, voting and
        asking advocates for a conversation. The link works once, for the next 24 hours.
      </Paragraph>
      <Action href={link}>Confirm my address</Action>
      <Paragraph>If you did not join Limelight, you can ignore this message.</Paragraph>
    </EmailLayout>
  );
}

export function EmailChangeConfirmEmail({ name, link }: { name: string; link: string }) {
  return (
    <EmailLayout preview="Confirm your new email address for Limelight">
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        You asked to use this address for your Limelight account. Your account keeps its current
        address until you confirm this one. The link works once, for the next 24 hours.
      </Paragraph>
      <Action href={link}>Use this address</Action>
      <Paragraph>If you did not ask for this, you can ignore this message.</Paragraph>
    </EmailLayout>
  );
}

export function EmailChangeNoticeEmail(props: { name: string; newEmail: string; link: string }) {
  return (
    <EmailLayout preview="The email address of your Limelight account was changed">
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>
        Your Limelight account now uses {props.newEmail}. This address will no longer get messages
        from us, and password resets go to the new address.
      </Paragraph>
      <Paragraph>
        If this was not you, sign in, change your password and sign out everywhere, and tell your
        community manager straight away.
      </Paragraph>
      <Action href={props.link}>Open my account settings</Action>
    </EmailLayout>
  );
}
