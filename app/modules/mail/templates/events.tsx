import { Action, EmailLayout, Paragraph } from "./layout.tsx";

// Mail about events a person signed up for.

export function EventReminderEmail(props: {
  name: string;
  title: string;
  /** The start in the reader's zone (or the event's, when theirs is not known). */
  when: string;
  /** The venue, or empty for an online-only event. */
  venue: string;
  isOnline: boolean;
  link: string;
  calendarLink: string;
}) {
  return (
    <EmailLayout preview={`${props.title} starts ${props.when}`}>
      <Paragraph>Hi {props.name},</Paragraph>
      <Paragraph>
        A reminder: you hold a seat at “{props.title}”, which starts {props.when}.
      </Paragraph>
      {props.venue ? <Paragraph>Where: {props.venue}</Paragraph> : null}
      {props.isOnline ? (
        <Paragraph>The online link is on the event page, for people holding a seat.</Paragraph>
      ) : null}
      <Paragraph>
        If you cannot come after all, give your seat back on the event page: the first person on the
        waitlist moves up.
      </Paragraph>
      <Action href={props.link}>Open the event</Action>
      <Paragraph>
        Add it to your calendar: <a href={props.calendarLink}>{props.calendarLink}</a>
      </Paragraph>
    </EmailLayout>
  );
}
