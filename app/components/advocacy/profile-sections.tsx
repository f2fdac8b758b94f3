import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { formatLabel } from "~/modules/advocacy/formats.ts";
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
  return (
    <>
      <Card className="p-6" data-testid="profile-talks">
        <div className="flex items-center justify-between gap-4">
          <h2 className="text-lg font-semibold">Talks</h2>
          {isOwner ? (
            <Link
              to="/speaking/mine"
              className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
            >
              My speaking
            </Link>
          ) : null}
        </div>
        {data.talks.length === 0 ? (
          <p className="mt-3 text-stone-600 dark:text-stone-400">
            {isOwner ? (
              <>
                No talks yet.{" "}
                <Link
                  to="/speaking"
                  className="font-medium text-brand-700 underline dark:text-brand-300"
                >
                  Find a speaking opportunity
                </Link>{" "}
                or log one you gave.
              </>
            ) : (
              `${name} has no talks on record yet.`
            )}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
            {data.talks.map((t) => (
              <li
                key={t.id}
                className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between"
              >
                <div className="min-w-0">
                  <Link to={`/speaking/talks/${t.id}`} className="font-medium hover:underline">
                    {t.title}
                  </Link>
                  <p className="text-sm text-stone-600 dark:text-stone-400">
                    {t.event} · {formatLabel(t.format)} · {t.date}
                    {t.link ? (
                      <>
                        {" · "}
                        <a
                          href={t.link}
                          rel="nofollow noopener noreferrer"
                          target="_blank"
                          className="font-medium text-brand-700 underline dark:text-brand-300"
                        >
                          {t.linkLabel}
                        </a>
                      </>
                    ) : null}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-2">
                  {t.points ? <Badge tone="spot">+{t.points} points</Badge> : null}
                  {t.status === "scheduled" && t.upcoming ? (
                    <Badge tone="info">Upcoming</Badge>
                  ) : (
                    <TalkStatusBadge status={t.status} />
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card className="p-6" data-testid="profile-stories">
        <div className="flex items-center justify-between gap-4">
          <h2 className="text-lg font-semibold">Stories</h2>
          {isOwner ? (
            <Link
              to="/stories/mine"
              className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
            >
              My stories
            </Link>
          ) : null}
        </div>
        {data.stories.length === 0 ? (
          <p className="mt-3 text-stone-600 dark:text-stone-400">
            {isOwner ? (
              <>
                No published stories yet.{" "}
                <Link
                  to="/stories/new"
                  className="font-medium text-brand-700 underline dark:text-brand-300"
                >
                  Write yours
                </Link>
                .
              </>
            ) : (
              `${name} has not published a customer story yet.`
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
