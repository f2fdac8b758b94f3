import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card.tsx";
import type { EventPage } from "~/modules/events/reads.server.ts";
import { useTranslation } from "react-i18next";
import { EventTime } from "./event-time.tsx";
import { RecordingNotice, type RecordingLink } from "./recording-panel.tsx";

type Page = SerializeFrom<EventPage>;

/** When and where an event happens, who hosts and speaks, what it is about, and its calendar file. */
export function EventDetails({
  event: e,
  when,
  until,
  isOnline,
  onlineUrl,
  speakers,
  recording,
}: {
  event: Page["event"];
  /** The start and end, each formatted in the event's own time zone. */
  when: string;
  until: string;
  isOnline: Page["isOnline"];
  onlineUrl: Page["onlineUrl"];
  speakers: Page["speakers"];
  recording: RecordingLink;
}) {
  const { t } = useTranslation();
  return (
    <Card className="space-y-3 p-6">
      <p>
        <strong>{t("events.when")} </strong>
        <EventTime
          startsAt={String(e.starts_at)}
          endsAt={String(e.ends_at)}
          zone={e.time_zone}
          whereItHappens={`${when} – ${until.split(", ").pop()}`}
        />
      </p>
      {e.venue ? (
        <p>
          <strong>{t("events.where")} </strong>
          {e.venue}
        </p>
      ) : null}
      {isOnline ? (
        <p>
          <strong>{t("events.onlineLabel")} </strong>
          {onlineUrl ? (
            <a
              href={onlineUrl}
              className="text-brand-700 underline dark:text-brand-300"
              rel="noreferrer"
            >
              {onlineUrl}
            </a>
          ) : (
            <span className="text-stone-600 dark:text-stone-400">{t("events.linkOnceSeated")}</span>
          )}
        </p>
      ) : null}
      <p>
        <strong>{t("events.host")} </strong>
        <Link to={`/u/${e.hostHandle}`} className="hover:underline">
          {e.hostName}
        </Link>
      </p>
      {speakers.length > 0 ? (
        <p>
          <strong>{t("events.speakers")} </strong>
          {speakers.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? t("events.listSeparator") : ""}
              <Link
                to={s.talk_id ? `/speaking/talks/${s.talk_id}` : `/u/${s.handle}`}
                className="hover:underline"
              >
                {s.display_name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <p className="whitespace-pre-line text-stone-700 dark:text-stone-300">{e.description}</p>
      <RecordingNotice recording={recording} />
      <a
        href={`/events/${e.id}/calendar.ics`}
        className="inline-block font-medium text-brand-700 underline dark:text-brand-300"
        download
      >
        {t("events.addToCalendar")}
      </a>
    </Card>
  );
}
