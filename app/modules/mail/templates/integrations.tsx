import { Action, EmailLayout, Paragraph } from "./layout.tsx";

/** An admin learns that a webhook endpoint kept failing and was turned off. */
export function WebhookEndpointDisabledEmail(props: {
  name: string;
  url: string;
  reason: string;
  link: string;
}) {
  return (
    <EmailLayout preview="A webhook endpoint was turned off">
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>
        Limelight stopped sending webhooks to {props.url}: it failed every delivery for a while. The
        last answer was: {props.reason}
      </Paragraph>
      <Paragraph>
        Events that happen while it is off are not sent to it. Once the receiver works again, turn
        the endpoint back on; you can send any logged delivery again from its page.
      </Paragraph>
      <Action href={props.link}>Open the endpoint</Action>
    </EmailLayout>
  );
}
