import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_LOCALE, FORMAT_TAGS, isLocale } from "~/i18n/index.ts";

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
  const { t, i18n } = useTranslation();
  const locale = FORMAT_TAGS[isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE];
  useEffect(() => {
    const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!readerZone || readerZone === zone) return;
    const format = new Intl.DateTimeFormat(locale, {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    setReader(format.formatRange(new Date(startsAt), new Date(endsAt)));
  }, [startsAt, endsAt, zone, locale]);
  return (
    <span>
      <time dateTime={startsAt}>{whereItHappens}</time>
      {reader ? (
        <span className="block text-sm text-stone-600 dark:text-stone-400">
          {t("events.yourTime", { time: reader })}
        </span>
      ) : null}
    </span>
  );
}
