import { Action, EmailLayout, Paragraph } from "./layout.tsx";

// Reminders to the community team about the people they look after.

export function NextStepDueEmail(props: {
  name: string;
  advocateName: string;
  step: string;
  dueOn: string;
  link: string;
}) {
  return (
    <EmailLayout preview={`Next step for ${props.advocateName}, due ${props.dueOn}`}>
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>
        You said you would do this for {props.advocateName} by {props.dueOn}:
      </Paragraph>
      <Paragraph>“{props.step}”</Paragraph>
      <Paragraph>
        Their relationship page has their goals and your team&apos;s notes from earlier
        conversations. Mark the step done there once it is.
      </Paragraph>
      <Action href={props.link}>Open the relationship page</Action>
    </EmailLayout>
  );
}
