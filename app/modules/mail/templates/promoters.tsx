import { Action, EmailLayout, Paragraph } from "./layout.tsx";

const day = (d: Date) =>
  d.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

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
  const hello = props.name ? `Hi ${props.name},` : "Hello,";
  return (
    <EmailLayout
      preview={
        props.reminder
          ? "Your invitation to the Limelight community is still open"
          : "You are invited to the Limelight customer community"
      }
      footer="You get this because you told us in our customer survey that you would recommend us. If you would rather not join, ignore this message: we will not write about it again once the invitation ends."
    >
      <Paragraph>{hello}</Paragraph>
      {props.reminder ? (
        <Paragraph>
          A little while ago {props.inviterName} invited you to join our customer community. The
          invitation is still open, and this link works just like the first one.
        </Paragraph>
      ) : (
        <Paragraph>
          Thank you for recommending us{props.company ? ` at ${props.company}` : ""}.{" "}
          {props.inviterName} would like to invite you to our customer community, where customers
          answer each other&apos;s questions, share how they work and speak about it.
        </Paragraph>
      )}
      <Paragraph>
        The link below creates your account as a verified customer. It works once, until{" "}
        {day(props.expiresAt)}.
      </Paragraph>
      <Action href={props.link}>Join the community</Action>
    </EmailLayout>
  );
}
