import { useEffect, useState } from "react";

/**
 * An event's time where it happens (rendered on the server) and, once the
 * page runs in the browser, in the reader's own zone when that differs.
 */
export function EventTime({
  startsAt,
  endsAt,
  zone,
  whereItHappens,
}: {
  startsAt: string;
  endsAt: string;
  zone: string;
  whereItHappens: string;
}) {
  const [reader, setReader] = useState<string | null>(null);
  useEffect(() => {
    const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!readerZone || readerZone === zone) return;
    const format = new Intl.DateTimeFormat(undefined, {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    setReader(format.formatRange(new Date(startsAt), new Date(endsAt)));
  }, [startsAt, endsAt, zone]);
  return (
    <span>
      <time dateTime={startsAt}>{whereItHappens}</time>
      {reader ? (
        <span className="block text-sm text-stone-600 dark:text-stone-400">
          Your time: {reader}
        </span>
      ) : null}
    </span>
  );
}
