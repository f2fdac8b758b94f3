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
  const event = props.eventName;
  return (
    <EmailLayout preview={(t) => t("mail.speakingDecided.preview", { event })}>
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>
            {
              {
                accept: t("mail.speakingDecided.accept", { event }),
                shortlist: t("mail.speakingDecided.shortlist", { event }),
                decline: t("mail.speakingDecided.decline", { event }),
              }[props.decision]
            }
          </Paragraph>
          {props.message ? <Paragraph>{t("mail.quote", { text: props.message })}</Paragraph> : null}
          <Action href={props.link}>{t("mail.speakingDecided.action")}</Action>
        </>
      )}
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
  const values = { title: props.talkTitle, event: props.eventName };
  return (
    <EmailLayout
      preview={(t) =>
        props.verified
          ? t("mail.talkDecided.verifiedSubject")
          : t("mail.talkDecided.notVerifiedSubject", values)
      }
    >
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>
            {props.verified
              ? t("mail.talkDecided.verified", values)
              : t("mail.talkDecided.notVerified", values)}
          </Paragraph>
          {props.verified ? null : (
            <Paragraph>{t("mail.talkDecided.askAgain", { reason: props.reason })}</Paragraph>
          )}
          <Action href={props.link}>{t("mail.speakingDecided.action")}</Action>
        </>
      )}
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
  const title = props.storyTitle;
  return (
    <EmailLayout preview={(t) => t("mail.storyReviewed.preview", { title })}>
      {(t) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>
            {
              {
                changes_requested: t("mail.storyReviewed.changesRequested", { title }),
                published: t("mail.storyReviewed.published", { title }),
                declined: t("mail.storyReviewed.declined", { title }),
              }[props.outcome]
            }
          </Paragraph>
          {props.note ? <Paragraph>{t("mail.quote", { text: props.note })}</Paragraph> : null}
          <Action href={props.link}>{t("mail.storyReviewed.action")}</Action>
        </>
      )}
    </EmailLayout>
  );
}
