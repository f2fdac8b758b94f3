import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { useTranslation } from "react-i18next";
import { formatEventTimeIn } from "~/modules/events/when.ts";
import { useEventKinds } from "./event-kinds.ts";

export interface EventCard {
  id: number;
  title: string;
  kindLabel: string;
  when: string;
  place: string;
  /** For the reader's language: the kind's key, the start and the zone, the venue ("" online). */
  kind?: string;
  startsAt?: string | Date;
  timeZone?: string;
  venue?: string;
  chapterName: string | null;
  going: number;
  capacity: number;
  cancelled: boolean;
}

export function EventList({
  events,
  empty,
  emptyText,
}: {
  events: EventCard[];
  empty: string;
  emptyText?: string;
}) {
  const { t, i18n } = useTranslation();
  const kinds = useEventKinds();
  if (events.length === 0) return <EmptyState title={empty}>{emptyText}</EmptyState>;
  return (
    <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 dark:divide-stone-800 dark:border-stone-800">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
          <div className="min-w-0">
            <Link
              to={`/events/${e.id}`}
              className="font-semibold text-stone-900 hover:underline dark:text-white"
            >
              {e.title}
            </Link>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {e.startsAt && e.timeZone
                ? formatEventTimeIn(e.startsAt, e.timeZone, i18n.language)
                : e.when}
            </p>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {e.venue === undefined ? e.place : e.venue || t("events.online")}
              {e.chapterName ? ` · ${e.chapterName}` : ""}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Badge tone="info">{(e.kind && kinds[e.kind]) || e.kindLabel}</Badge>
            {e.cancelled ? (
              <Badge tone="danger">{t("events.cancelled")}</Badge>
            ) : (
              <Badge tone={e.going >= e.capacity ? "spot" : "neutral"}>
                {e.going >= e.capacity
                  ? t("events.fullWaitlist")
                  : t("events.going", { going: e.going, capacity: e.capacity })}
              </Badge>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
