import { Link, useLocation } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { cn } from "~/utils/cn.ts";
import { AreaTotals, BadgeList, HistoryList, ReputationChart } from "./components.tsx";
import type { ProfileReputation } from "./profile.server.ts";

/** The reputation section of a profile: figures, chart, badges and the explained history. */
export function ProfileReputationSection({
  data,
  name,
  handle,
  isOwner,
}: {
  data: SerializeFrom<ProfileReputation>;
  name: string;
  handle: string;
  isOwner: boolean;
}) {
  const location = useLocation();
  const { history } = data;
  const pageHref = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p === 1) params.delete("history");
    else params.set("history", String(p));
    const qs = params.toString();
    return `${location.pathname}${qs ? `?${qs}` : ""}#reputation`;
  };
  return (
    <Card className="p-6" id="reputation">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Reputation</h2>
        <div className="flex flex-wrap gap-2">
          {data.canAward ? (
            <Link
              to={`/manage/reputation?handle=${encodeURIComponent(handle)}#award`}
              className={buttonClass("secondary", "sm")}
            >
              Award points
            </Link>
          ) : null}
          {data.canExport ? (
            <>
              <a href={`/u/${handle}/ledger.csv`} className={buttonClass("ghost", "sm")} download>
                Download CSV
              </a>
              <a href={`/u/${handle}/ledger.json`} className={buttonClass("ghost", "sm")} download>
                Download JSON
              </a>
            </>
          ) : null}
        </div>
      </div>
      <div className="mt-4">
        <AreaTotals balance={data.balance} recent={data.recent} />
      </div>
      {data.chart ? (
        <div className="mt-6">
          <h3 className="sr-only">Reputation over time</h3>
          <ReputationChart
            chartKey={data.chart.key}
            days={data.chart.days}
            today={data.chart.today}
            name={name}
          />
        </div>
      ) : null}

      <h3 className="mt-6 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        Badges
      </h3>
      {data.badges.length ? (
        <div className="mt-3">
          <BadgeList badges={data.badges} compact />
        </div>
      ) : (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          {isOwner ? (
            <>
              No badges yet.{" "}
              <Link to="/reputation" className="underline">
                See how to earn them
              </Link>
              .
            </>
          ) : (
            `${name} has not earned a badge yet.`
          )}
        </p>
      )}

      <h3 className="mt-6 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        History
      </h3>
      {history.lines.length ? (
        <>
          <HistoryList lines={history.lines} />
          {history.pageCount > 1 ? (
            <nav
              aria-label="Reputation history pages"
              className="mt-3 flex items-center justify-between gap-4 text-sm"
            >
              <a
                href={pageHref(history.page - 1)}
                aria-disabled={history.page <= 1}
                className={cn(
                  buttonClass("secondary", "sm"),
                  history.page <= 1 && "pointer-events-none opacity-50",
                )}
                rel="prev"
              >
                ← Newer
              </a>
              <span className="text-stone-600 dark:text-stone-400">
                Page {history.page} of {history.pageCount}
              </span>
              <a
                href={pageHref(history.page + 1)}
                aria-disabled={history.page >= history.pageCount}
                className={cn(
                  buttonClass("secondary", "sm"),
                  history.page >= history.pageCount && "pointer-events-none opacity-50",
                )}
                rel="next"
              >
                Older →
              </a>
            </nav>
          ) : null}
        </>
      ) : (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          {isOwner
            ? "Nothing yet. Answer a peer’s question or log a talk, and every point shows up here with what earned it."
            : "No points yet."}
        </p>
      )}
    </Card>
  );
}
