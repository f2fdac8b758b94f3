import { Link } from "@remix-run/react";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import type { SpeakingBoard } from "~/modules/advocacy/speaking-board.server.ts";
import { formatLabel } from "~/modules/advocacy/formats.ts";

type OpenOpportunity = SpeakingBoard["opportunities"]["rows"][number];
type UpcomingTalk = SpeakingBoard["talks"][number];

/** One open opportunity on /speaking: what, when, where, for whom and until when. */
export function OpportunityCard({ o }: { o: OpenOpportunity }) {
  return (
    <Card className="p-5 transition-shadow hover:shadow-md">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-lg font-semibold">
            <Link to={`/speaking/${o.id}`} className="hover:underline">
              {o.title}
            </Link>
          </h3>
          <p className="text-stone-600 dark:text-stone-400">{o.event_name}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Badge tone="info">{formatLabel(o.format)}</Badge>
          <Badge tone="spot">+{o.points} points when verified</Badge>
        </div>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="sr-only">When</dt>
          <dd>{o.when}</dd>
        </div>
        <div>
          <dt className="sr-only">Where</dt>
          <dd>{o.is_virtual ? "Virtual" : o.location}</dd>
        </div>
        {o.expected_audience ? (
          <div>
            <dt className="sr-only">Audience</dt>
            <dd>
              About {o.expected_audience.toLocaleString("en-US")} people
              {o.audience_description ? ` · ${o.audience_description}` : ""}
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="inline text-stone-600 dark:text-stone-400">Apply by </dt>
          <dd className="inline font-medium">{o.deadline}</dd>
        </div>
      </dl>
    </Card>
  );
}

/** One upcoming talk by a customer, with its speaker (linked when their profile is visible). */
export function UpcomingTalkCard({ t }: { t: UpcomingTalk }) {
  return (
    <Card className="p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">
        {formatLabel(t.format)} · {t.is_virtual ? "Virtual" : t.location}
      </p>
      <h3 className="mt-1 font-semibold">
        <Link to={`/speaking/talks/${t.id}`} className="hover:underline">
          {t.title}
        </Link>
      </h3>
      <p className="text-sm text-stone-600 dark:text-stone-400">{t.event_name}</p>
      <p className="mt-1 text-sm">{t.when}</p>
      <div className="mt-3 flex items-center gap-2 text-sm">
        <Avatar name={t.speaker.name} handle={t.speaker.handle} size="sm" />
        {t.speaker.linkable ? (
          <Link to={`/u/${t.speaker.handle}`} className="font-medium hover:underline">
            {t.speaker.name}
          </Link>
        ) : (
          <span className="font-medium">{t.speaker.name}</span>
        )}
        {t.speaker.company ? (
          <span className="text-stone-600 dark:text-stone-400">· {t.speaker.company}</span>
        ) : null}
      </div>
    </Card>
  );
}
