import type { Locale } from "../../../i18n/index.ts";
import { mailEventTime } from "./locale-context.ts";
import { Action, EmailLayout, Paragraph } from "./layout.tsx";

// Mail about events a person signed up for.

export function EventReminderEmail(props: {
  name: string;
  title: string;
  /** The start in the reader's zone (or the event's, when theirs is not known), in English. */
  when: string;
  /** The start and that zone, to say it in the reader's language. */
  startsAt?: Date;
  zone?: string;
  /** The venue, or empty for an online-only event. */
  venue: string;
  isOnline: boolean;
  link: string;
  calendarLink: string;
}) {
  const values = (locale: Locale) => ({
    title: props.title,
    when:
      props.startsAt && props.zone
        ? mailEventTime(locale, props.startsAt, props.zone, props.when)
        : props.when,
  });
  return (
    <EmailLayout preview={(t, locale) => t("mail.eventReminder.preview", values(locale))}>
      {(t, locale) => (
        <>
          <Paragraph>{t("mail.hi", { name: props.name })}</Paragraph>
          <Paragraph>{t("mail.eventReminder.body", values(locale))}</Paragraph>
          {props.venue ? (
            <Paragraph>{t("mail.eventReminder.where", { venue: props.venue })}</Paragraph>
          ) : null}
          {props.isOnline ? <Paragraph>{t("mail.eventReminder.online")}</Paragraph> : null}
          <Paragraph>{t("mail.eventReminder.giveBack")}</Paragraph>
          <Action href={props.link}>{t("mail.eventReminder.action")}</Action>
          <Paragraph>
            {t("mail.eventReminder.calendar")} <a href={props.calendarLink}>{props.calendarLink}</a>
          </Paragraph>
        </>
      )}
    </EmailLayout>
  );
}
