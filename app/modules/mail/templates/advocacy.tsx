import { Action, EmailLayout, Paragraph } from "./layout.tsx";

// Speaking and case-study decisions. Each names the item and the decision,
// quotes the manager's note, and opens the page where the advocate follows up.

export function SpeakingDecidedEmail(props: {
  name: string;
  eventName: string;
  decision: "shortlist" | "accept" | "decline";
  message: string;
  link: string;
}) {
  const outcome = {
    accept: `You are speaking at ${props.eventName}: your application was accepted, and the talk is on your schedule.`,
    shortlist: `Your application to speak at ${props.eventName} is on the shortlist. The community team will be in touch before deciding.`,
    decline: `Your application to speak at ${props.eventName} was not accepted this time.`,
  }[props.decision];
  return (
    <EmailLayout preview={`Your application to speak at ${props.eventName}`}>
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>{outcome}</Paragraph>
      {props.message ? <Paragraph>“{props.message}”</Paragraph> : null}
      <Action href={props.link}>Open my speaking</Action>
    </EmailLayout>
  );
}

export function TalkDecidedEmail(props: {
  name: string;
  talkTitle: string;
  eventName: string;
  verified: boolean;
  reason: string;
  link: string;
}) {
  return (
    <EmailLayout
      preview={props.verified ? "Your talk is verified" : `“${props.talkTitle}” was not verified`}
    >
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>
        {props.verified
          ? `Your talk “${props.talkTitle}” at ${props.eventName} is verified: it shows on your profile, with its points.`
          : `Your talk “${props.talkTitle}” at ${props.eventName} was not verified yet.`}
      </Paragraph>
      {props.verified ? null : (
        <Paragraph>
          “{props.reason}” You can add a recording or slides and ask again from your speaking page.
        </Paragraph>
      )}
      <Action href={props.link}>Open my speaking</Action>
    </EmailLayout>
  );
}

export function StoryReviewedEmail(props: {
  name: string;
  storyTitle: string;
  outcome: "changes_requested" | "published" | "declined";
  note: string;
  link: string;
}) {
  const outcome = {
    changes_requested: `The community team read “${props.storyTitle}” and asks for a few changes before it is published.`,
    published: `“${props.storyTitle}” is published in the public story library. Thank you for sharing it.`,
    declined: `“${props.storyTitle}” will not be published for now.`,
  }[props.outcome];
  return (
    <EmailLayout preview={`Your story “${props.storyTitle}” was reviewed`}>
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>{outcome}</Paragraph>
      {props.note ? <Paragraph>“{props.note}”</Paragraph> : null}
      <Action href={props.link}>Open my stories</Action>
    </EmailLayout>
  );
}
