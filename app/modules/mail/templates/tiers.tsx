import { Action, EmailLayout, Paragraph } from "./layout.tsx";

// Tier decisions: what changed, why, and the page where the person reads (and acts on) it.

export function TierGrantedEmail(props: {
  name: string;
  tierName: string;
  reason: string;
  termEnd: string;
  link: string;
}) {
  return (
    <EmailLayout preview={`You are now ${props.tierName}`}>
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>
        Congratulations: the community team made you {props.tierName}, for a term that runs until{" "}
        {props.termEnd}.
      </Paragraph>
      <Paragraph>“{props.reason}”</Paragraph>
      <Paragraph>
        Your tier page shows what it opens for you, and any terms to acknowledge before you read
        early-access material.
      </Paragraph>
      <Action href={props.link}>See my tier</Action>
    </EmailLayout>
  );
}

export function TierRenewalDueEmail(props: {
  name: string;
  tierName: string;
  termEnd: string;
  link: string;
}) {
  return (
    <EmailLayout preview={`Your ${props.tierName} term ends on ${props.termEnd}`}>
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>
        Your {props.tierName} term ends on {props.termEnd}. The community team reviews renewals
        before then; nothing is needed from you, but your tier page shows where things stand and
        what you gave this term.
      </Paragraph>
      <Action href={props.link}>See my tier</Action>
    </EmailLayout>
  );
}

export function TierLapsedEmail(props: { name: string; tierName: string; link: string }) {
  return (
    <EmailLayout preview={`Your ${props.tierName} term has ended`}>
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>
        Your {props.tierName} term has ended without a renewal. Thank you for all you gave the
        community: your history keeps it, and you can be nominated again.
      </Paragraph>
      <Action href={props.link}>See my tier history</Action>
    </EmailLayout>
  );
}

export function NominationDecidedEmail(props: {
  name: string;
  nomineeName: string;
  tierName: string;
  accepted: boolean;
  reason: string;
  link: string;
}) {
  return (
    <EmailLayout preview={`Your nomination of ${props.nomineeName} was reviewed`}>
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>
        {props.accepted
          ? `Good news: your nomination of ${props.nomineeName} for ${props.tierName} was accepted.`
          : `Your nomination of ${props.nomineeName} for ${props.tierName} was reviewed, and not accepted this time.`}
      </Paragraph>
      <Paragraph>“{props.reason}”</Paragraph>
      <Action href={props.link}>Open my nominations</Action>
    </EmailLayout>
  );
}
