import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ReferenceStatusBadge } from "~/components/advocacy/reference-status.tsx";
import { useFormats } from "~/i18n/use-formats.ts";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { isVerifiedCustomer } from "~/modules/access/policy.ts";
import { getMonthlyCap, requestsThisMonth } from "~/modules/promoters/reference-caps.server.ts";
import { listOwnReferences } from "~/modules/promoters/reference-reads.server.ts";
import { FindAdvocateForm } from "~/components/promoters/find-advocate-form.tsx";
import { getOwnLocation } from "~/modules/profiles/location.server.ts";
import { placeFacets } from "~/modules/profiles/profiles.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("references.list.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [own, cap, used, location, countries] = await Promise.all([
    listOwnReferences(context.db, user),
    getMonthlyCap(context.db, user.id),
    requestsThisMonth(context.db, user.id),
    getOwnLocation(context.db, user.id),
    placeFacets(context.db, user),
  ]);
  return json({
    ...own,
    cap,
    used,
    isAdvocate: isVerifiedCustomer(user),
    // The reader's own country starts the finder (their choice, seen only by them).
    homeCountry: location.country ?? "",
    countries,
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["asked"][number];

function RequestList({ rows, side }: { rows: Row[]; side: "asked" | "asking" }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Card>
      <ul className="divide-y divide-stone-200 dark:divide-stone-800">
        {rows.map((r) => (
          <li
            key={r.id}
            className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-center sm:justify-between"
            data-testid={`reference-${r.id}`}
          >
            <div>
              <Link to={`/references/${r.id}`} className="font-medium hover:underline">
                {r.topic}
              </Link>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {side === "asked"
                  ? r.prospect_company
                    ? t("references.list.fromCompany", {
                        name: r.prospect_name,
                        company: r.prospect_company,
                      })
                    : t("references.list.from", { name: r.prospect_name })
                  : r.advocate_company
                    ? t("references.list.withCompany", {
                        name: r.advocate_name,
                        company: r.advocate_company,
                      })
                    : t("references.list.with", { name: r.advocate_name })}{" "}
                · {t("references.list.asked", { date: formats.day(r.created_at) })}
              </p>
            </div>
            <ReferenceStatusBadge status={r.status} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default function MyReferences() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container className="max-w-4xl">
      <PageHeader
        title={t("references.list.title")}
        description={t("references.list.description")}
        actions={
          data.isAdvocate ? (
            <>
              <ButtonLink to="/referrals" variant="secondary">
                {t("references.list.referrals")}
              </ButtonLink>
              <ButtonLink to="/settings/references" variant="secondary">
                {t("references.list.monthlyLimit")}
              </ButtonLink>
            </>
          ) : undefined
        }
      />
      {data.isAdvocate ? (
        <section className="space-y-3" aria-labelledby="asked-heading">
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="asked-heading" className="text-lg font-semibold">
              {t("references.list.askedYou")}
            </h2>
            <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="cap-usage">
              {t("references.list.usage", { used: data.used, cap: data.cap })}
            </p>
          </div>
          {data.asked.length ? (
            <RequestList rows={data.asked} side="asked" />
          ) : (
            <EmptyState title={t("references.list.noRequests")}>
              {t("references.list.noRequestsBody")}
            </EmptyState>
          )}
        </section>
      ) : null}
      <FindAdvocateForm place={data.homeCountry} countries={data.countries} />
      <section className="mt-8 space-y-3" aria-labelledby="asking-heading">
        <h2 id="asking-heading" className="text-lg font-semibold">
          {t("references.list.youAsked")}
        </h2>
        {data.asking.length ? (
          <RequestList rows={data.asking} side="asking" />
        ) : (
          <EmptyState
            title={t("references.list.noneAsked")}
            action={
              <ButtonLink
                to={`/advocates?openTo=open_to_references${data.homeCountry ? `&place=${data.homeCountry}` : ""}`}
                variant="secondary"
              >
                {t("references.list.find")}
              </ButtonLink>
            }
          >
            {t("references.list.noneAskedBody")}
          </EmptyState>
        )}
      </section>
    </Container>
  );
}
