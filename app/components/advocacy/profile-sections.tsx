import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { talkFormatLabel } from "./labels.ts";
import { Linked, linkMark } from "./linked.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import type { ProfileAdvocacy } from "~/modules/advocacy/profile.server.ts";
import { TalkStatusBadge } from "./status-badge.tsx";

type Data = Pick<ProfileAdvocacy, "talks" | "stories">;

/** The public record on a profile: talks given (verified ones marked) and stories published. */
export function ProfileAdvocacySections({
  data,
  name,
  isOwner,
}: {
  data: Data;
  name: string;
  isOwner: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Card className="p-6" data-testid="profile-talks">
        <div className="flex items-center justify-between gap-4">
          <h2 className="text-lg font-semibold">{t("speaking.profile.talks")}</h2>
          {isOwner ? (
            <Link
              to="/speaking/mine"
              className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
            >
              {t("speaking.profile.mySpeaking")}
            </Link>
          ) : null}
        </div>
        {data.talks.length === 0 ? (
          <p className="mt-3 text-stone-600 dark:text-stone-400">
            {isOwner ? (
              <Linked
                message={t("speaking.profile.noTalksOwner", { link: linkMark })}
                link={
                  <Link
                    to="/speaking"
                    className="font-medium text-brand-700 underline dark:text-brand-300"
                  >
                    {t("speaking.profile.noTalksOwnerLink")}
                  </Link>
                }
              />
            ) : (
              t("speaking.profile.noTalks", { name })
            )}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
            {data.talks.map((talk) => (
              <li
                key={talk.id}
                className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between"
              >
                <div className="min-w-0">
                  <Link to={`/speaking/talks/${talk.id}`} className="font-medium hover:underline">
                    {talk.title}
                  </Link>
                  <p className="text-sm text-stone-600 dark:text-stone-400">
                    {talk.event} · {talkFormatLabel(t, talk.format)} · {talk.date}
                    {talk.link ? (
                      <>
                        {" · "}
                        <a
                          href={talk.link}
                          rel="nofollow noopener noreferrer"
                          target="_blank"
                          className="font-medium text-brand-700 underline dark:text-brand-300"
                        >
                          {talk.linkLabel}
                        </a>
                      </>
                    ) : null}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-2">
                  {talk.points ? (
                    <Badge tone="spot">{t("speaking.points", { points: talk.points })}</Badge>
                  ) : null}
                  {talk.status === "scheduled" && talk.upcoming ? (
                    <Badge tone="info">{t("speaking.profile.upcoming")}</Badge>
                  ) : (
                    <TalkStatusBadge status={talk.status} />
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card className="p-6" data-testid="profile-stories">
        <div className="flex items-center justify-between gap-4">
          <h2 className="text-lg font-semibold">{t("speaking.profile.stories")}</h2>
          {isOwner ? (
            <Link
              to="/stories/mine"
              className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
            >
              {t("speaking.profile.myStories")}
            </Link>
          ) : null}
        </div>
        {data.stories.length === 0 ? (
          <p className="mt-3 text-stone-600 dark:text-stone-400">
            {isOwner ? (
              <Linked
                message={t("speaking.profile.noStoriesOwner", { link: linkMark })}
                link={
                  <Link
                    to="/stories/new"
                    className="font-medium text-brand-700 underline dark:text-brand-300"
                  >
                    {t("speaking.profile.noStoriesOwnerLink")}
                  </Link>
                }
              />
            ) : (
              t("speaking.profile.noStories", { name })
            )}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
            {data.stories.map((s) => (
              <li key={s.slug} className="py-3">
                <Link to={`/stories/${s.slug}`} className="font-medium hover:underline">
                  {s.title}
                </Link>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {s.headline ?? s.company}
                  {s.date ? ` · ${s.date}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
