import { Action, EmailLayout, Paragraph } from "./layout.tsx";

/**
 * One survey question, one personal link. The link works once, needs no
 * account, and says nothing to anyone else about the answer.
 */
export function SurveyInvitationEmail(props: { name: string; question: string; link: string }) {
  return (
    <EmailLayout
      preview={props.question}
      footer="You get this because you are a customer of ours. We ask at most once a quarter; the link is yours alone and works once."
    >
      <Paragraph>Hi{props.name ? ` ${props.name}` : ""},</Paragraph>
      <Paragraph>{props.question}</Paragraph>
      <Paragraph>
        It takes one click and a sentence if you like. No account, no sign-in, and nothing is
        offered in exchange: we only want to know.
      </Paragraph>
      <Action href={props.link}>Answer from 0 to 10</Action>
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
      preview="Your recommendation is published"
      footer="You get this because you published a recommendation on Limelight."
    >
      <Paragraph>Hi{props.name ? ` ${props.name}` : ""},</Paragraph>
      <Paragraph>Thank you. Your recommendation is on our testimonial wall:</Paragraph>
      <Paragraph>“{props.body}”</Paragraph>
      <Paragraph>See it here: {props.wallLink}</Paragraph>
      <Paragraph>
        You can withdraw it at any time with the link below; it is then gone from the wall, from
        profiles and from anything we started with it.
      </Paragraph>
      <Action href={props.withdrawLink}>Withdraw my recommendation</Action>
    </EmailLayout>
  );
}
