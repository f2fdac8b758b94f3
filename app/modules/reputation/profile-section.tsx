import { Link, useLocation } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { cn } from "~/utils/cn.ts";
import { AreaTotals, BadgeList, HistoryList, ReputationChart } from "./components.tsx";
import type { ProfileReputation } from "./profile.server.ts";
import { useTranslation } from "react-i18next";
import { useBadgeTexts } from "~/components/reputation/labels.ts";
import { rich, slot } from "~/components/reputation/rich.tsx";

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
  const { t } = useTranslation();
  const badgeTexts = useBadgeTexts();
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
        <h2 className="text-lg font-semibold">{t("reputation.reputation")}</h2>
        <div className="flex flex-wrap gap-2">
          {data.canAward ? (
            <Link
              to={`/manage/reputation?handle=${encodeURIComponent(handle)}#award`}
              className={buttonClass("secondary", "sm")}
            >
              {t("reputation.awardPoints")}
            </Link>
          ) : null}
          {data.canExport ? (
            <>
              <a href={`/u/${handle}/ledger.csv`} className={buttonClass("ghost", "sm")} download>
                {t("reputation.downloadCsv")}
              </a>
              <a href={`/u/${handle}/ledger.json`} className={buttonClass("ghost", "sm")} download>
                {t("reputation.downloadJson")}
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
          <h3 className="sr-only">{t("reputation.overTime")}</h3>
          <ReputationChart
            chartKey={data.chart.key}
            days={data.chart.days}
            today={data.chart.today}
            name={name}
          />
        </div>
      ) : null}

      <h3 className="mt-6 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        {t("reputation.badges")}
      </h3>
      {data.badges.length ? (
        <div className="mt-3">
          <BadgeList badges={data.badges.map((b) => ({ ...b, ...badgeTexts[b.key] }))} compact />
        </div>
      ) : (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          {isOwner ? (
            <>
              {rich(t("reputation.noBadgesOwner", { link: slot("link") }), {
                link: (
                  <Link to="/reputation" className="underline">
                    {t("reputation.howToEarn")}
                  </Link>
                ),
              })}
            </>
          ) : (
            t("reputation.noBadges", { name })
          )}
        </p>
      )}

      <h3 className="mt-6 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        {t("reputation.history")}
      </h3>
      {history.lines.length ? (
        <>
          <HistoryList lines={history.lines} />
          {history.pageCount > 1 ? (
            <nav
              aria-label={t("reputation.historyPages")}
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
                {t("reputation.newer")}
              </a>
              <span className="text-stone-600 dark:text-stone-400">
                {t("reputation.pageOf", { page: history.page, pages: history.pageCount })}
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
                {t("reputation.older")}
              </a>
            </nav>
          ) : null}
        </>
      ) : (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          {isOwner ? t("reputation.nothingYetOwner") : t("reputation.noPoints")}
        </p>
      )}
    </Card>
  );
}
