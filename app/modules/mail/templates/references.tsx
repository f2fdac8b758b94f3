import { Action, EmailLayout, Paragraph } from "./layout.tsx";

/**
 * A prospect would like to talk with an advocate. Only what the advocate
 * needs to decide: who asks, their company and the topic. Contact details
 * are shared on the site, and only once the advocate accepts.
 */
export function ReferenceRequestedEmail(props: {
  advocateName: string;
  prospectName: string;
  prospectCompany: string;
  topic: string;
  link: string;
}) {
  return (
    <EmailLayout
      preview={`${props.prospectName} would like to talk with you`}
      footer="You get this because you said you are open to reference conversations on Limelight. You can pause them or set a monthly limit in your settings."
    >
      <Paragraph>Hi {props.advocateName},</Paragraph>
      <Paragraph>
        {props.prospectName}
        {props.prospectCompany ? ` from ${props.prospectCompany}` : ""} would like to talk with you
        about “{props.topic}”.
      </Paragraph>
      <Paragraph>
        Nothing is shared until you accept: open the request to read their note and accept or
        decline.
      </Paragraph>
      <Action href={props.link}>Open the request</Action>
    </EmailLayout>
  );
}
