import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  OpportunityStatusBadge,
  ApplicationStatusBadge,
} from "~/components/advocacy/status-badge.tsx";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { eventDayIn } from "~/components/manage/formats.ts";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listUndecidedApplications } from "~/modules/advocacy/applications.server.ts";
import { listOpportunitiesForManagers } from "~/modules/advocacy/opportunities.server.ts";
import { listTalksToVerify } from "~/modules/advocacy/talks.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageSpeaking.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSpeaking);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1") || 1;
  const locale = await localeOf(request, context);
  const [talks, applications, opportunities] = await Promise.all([
    listTalksToVerify(context.db),
    listUndecidedApplications(context.db),
    listOpportunitiesForManagers(context.db, page),
  ]);
  return json({
    talks: talks.map((t) => ({ ...t, date: eventDayIn(locale, t.given_at, t.time_zone) })),
    applications,
    opportunities: {
      ...opportunities,
      rows: opportunities.rows.map((o) => ({
        ...o,
        date: eventDayIn(locale, o.starts_at, o.time_zone),
      })),
    },
  });
}

export default function ManageSpeaking() {
  const { talks, applications, opportunities } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formats: Record<string, string> = {
    conference: t("manageSpeaking.format.conference"),
    webinar: t("manageSpeaking.format.webinar"),
    podcast: t("manageSpeaking.format.podcast"),
    meetup: t("manageSpeaking.format.meetup"),
  };
  return (
    <div className="space-y-10">
      <section aria-labelledby="verify-heading" className="space-y-3">
        <h2 id="verify-heading" className="text-lg font-semibold">
          {t("manageSpeaking.talksToVerify", { count: talks.length })}
        </h2>
        {talks.length === 0 ? (
          <EmptyState title={t("manageSpeaking.noTalks")}>
            {t("manageSpeaking.noTalksText")}
          </EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-stone-200 dark:divide-stone-800">
              {talks.map((talk) => (
                <li
                  key={talk.id}
                  className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div>
                    <Link to={`/speaking/talks/${talk.id}`} className="font-medium hover:underline">
                      {talk.title}
                    </Link>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      {talk.speaker_name} · {talk.event_name} ·{" "}
                      {formats[talk.format] ?? talk.format} · {talk.date}
                      {talk.origin === "self_reported"
                        ? ` · ${t("manageSpeaking.selfReported")}`
                        : ""}
                    </p>
                  </div>
                  <ButtonLink to={`/speaking/talks/${talk.id}`} size="sm" variant="secondary">
                    {t("manageSpeaking.reviewEvidence")}
                  </ButtonLink>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>

      <section aria-labelledby="applications-heading" className="space-y-3">
        <h2 id="applications-heading" className="text-lg font-semibold">
          {t("manageSpeaking.applicationsWaiting", { count: applications.length })}
        </h2>
        {applications.length === 0 ? (
          <EmptyState title={t("manageSpeaking.noApplications")}>
            {t("manageSpeaking.noApplicationsText")}
          </EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-stone-200 dark:divide-stone-800">
              {applications.map((a) => (
                <li
                  key={a.id}
                  className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div>
                    <p className="font-medium">
                      {a.display_name}
                      <span className="font-normal text-stone-600 dark:text-stone-400">
                        {" "}
                        {t("manageSpeaking.forEvent", { event: a.event_name })}
                      </span>
                    </p>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      {a.talk_title || a.opportunity_title}
                    </p>
                  </div>
                  <div className="flex items-center gap-3">
                    <ApplicationStatusBadge status={a.status} />
                    <ButtonLink
                      to={`/manage/speaking/${a.opportunity_id}#applications`}
                      size="sm"
                      variant="secondary"
                    >
                      {t("manageSpeaking.decide")}
                    </ButtonLink>
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>

      <section aria-labelledby="opportunities-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-4">
          <h2 id="opportunities-heading" className="text-lg font-semibold">
            {t("manageSpeaking.opportunities", { count: opportunities.total })}
          </h2>
          <ButtonLink to="/manage/speaking/new" size="sm">
            {t("manageSpeaking.postOpportunity")}
          </ButtonLink>
        </div>
        {opportunities.rows.length === 0 ? (
          <EmptyState title={t("manageSpeaking.noOpportunities")}>
            {t("manageSpeaking.noOpportunitiesText")}
          </EmptyState>
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("manageSpeaking.caption")}</caption>
              <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    {t("manageSpeaking.opportunity")}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t("manageSpeaking.date")}
                  </th>
                  <th scope="col" className="px-4 py-3">
                    {t("manageSpeaking.status")}
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    {t("manageSpeaking.applications")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
                {opportunities.rows.map((o) => (
                  <tr key={o.id}>
                    <td className="px-4 py-3">
                      <Link to={`/manage/speaking/${o.id}`} className="font-medium hover:underline">
                        {o.title}
                      </Link>
                      <div className="text-stone-600 dark:text-stone-400">
                        {o.event_name} · {formats[o.format] ?? o.format}
                      </div>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-stone-600 dark:text-stone-400">
                      {o.date}
                    </td>
                    <td className="px-4 py-3">
                      <OpportunityStatusBadge status={o.status} />
                    </td>
                    <td className="px-4 py-3 text-right">
                      {o.application_count}
                      {o.undecided_count ? (
                        <span className="ml-1 text-amber-700 dark:text-amber-300">
                          {t("manageSpeaking.toDecide", { count: o.undecided_count })}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
        <Pagination page={opportunities.page} pageCount={opportunities.pageCount} />
      </section>
    </div>
  );
}
