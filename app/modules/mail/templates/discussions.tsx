import { Action, EmailLayout, Paragraph } from "./layout.tsx";

/** A reply, a mention or an accepted answer the person has not seen on the site. */
export function DiscussionEmail(props: {
  recipientName: string;
  sentence: string;
  excerpt: string;
  link: string;
}) {
  return (
    <EmailLayout preview={props.sentence}>
      <Paragraph>Hi {props.recipientName},</Paragraph>
      <Paragraph>{props.sentence}.</Paragraph>
      {props.excerpt ? <Paragraph>“{props.excerpt}”</Paragraph> : null}
      <Action href={props.link}>Open the thread</Action>
    </EmailLayout>
  );
}
