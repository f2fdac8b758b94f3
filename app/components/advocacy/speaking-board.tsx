import { Link } from "@remix-run/react";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import type { SpeakingBoard } from "~/modules/advocacy/speaking-board.server.ts";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";
import { talkFormatLabel } from "./labels.ts";

type OpenOpportunity = SpeakingBoard["opportunities"]["rows"][number];
type UpcomingTalk = SpeakingBoard["talks"][number];

/** One open opportunity on /speaking: what, when, where, for whom and until when. */
export function OpportunityCard({ o }: { o: OpenOpportunity }) {
  const { t } = useTranslation();
  const formats = useFormats();
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
          <Badge tone="info">{talkFormatLabel(t, o.format)}</Badge>
          <Badge tone="spot">{t("speaking.pointsWhenVerified", { points: o.points })}</Badge>
        </div>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="sr-only">{t("speaking.facts.when")}</dt>
          <dd>{o.when}</dd>
        </div>
        <div>
          <dt className="sr-only">{t("speaking.facts.where")}</dt>
          <dd>{o.is_virtual ? t("speaking.facts.virtual") : o.location}</dd>
        </div>
        {o.expected_audience ? (
          <div>
            <dt className="sr-only">{t("speaking.facts.audience")}</dt>
            <dd>
              {t("speaking.facts.about", { people: formats.count(o.expected_audience) })}
              {o.audience_description ? ` · ${o.audience_description}` : ""}
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="inline text-stone-600 dark:text-stone-400">
            {t("speaking.facts.applyByInline")}
          </dt>
          <dd className="inline font-medium">{o.deadline}</dd>
        </div>
      </dl>
    </Card>
  );
}

/** One upcoming talk by a customer, with its speaker (linked when their profile is visible). */
export function UpcomingTalkCard({ t: talk }: { t: UpcomingTalk }) {
  const { t } = useTranslation();
  return (
    <Card className="p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">
        {talkFormatLabel(t, talk.format)} ·{" "}
        {talk.is_virtual ? t("speaking.facts.virtual") : talk.location}
      </p>
      <h3 className="mt-1 font-semibold">
        <Link to={`/speaking/talks/${talk.id}`} className="hover:underline">
          {talk.title}
        </Link>
      </h3>
      <p className="text-sm text-stone-600 dark:text-stone-400">{talk.event_name}</p>
      <p className="mt-1 text-sm">{talk.when}</p>
      <div className="mt-3 flex items-center gap-2 text-sm">
        <Avatar name={talk.speaker.name} handle={talk.speaker.handle} size="sm" />
        {talk.speaker.linkable ? (
          <Link to={`/u/${talk.speaker.handle}`} className="font-medium hover:underline">
            {talk.speaker.name}
          </Link>
        ) : (
          <span className="font-medium">{talk.speaker.name}</span>
        )}
        {talk.speaker.company ? (
          <span className="text-stone-600 dark:text-stone-400">· {talk.speaker.company}</span>
        ) : null}
      </div>
    </Card>
  );
}
