import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useCallback } from "react";
import { useSocketEvent } from "~/components/realtime.tsx";
import { LanguageFilter } from "~/components/languages/language-filter.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import {
  NdaItemCard,
  ReadableItemCard,
  TeaserCard,
} from "~/components/tiers/early-access-card.tsx";
import { TierBadge } from "~/components/tiers/tier-badge.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { languageFilterOf } from "~/modules/languages/filter.server.ts";
import { isStaff, policy } from "~/modules/access/policy.ts";
import { listForViewer } from "~/modules/early-access/reader.server.ts";
import { effectiveTier } from "~/modules/tiers/standing.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";
import { useTranslation } from "react-i18next";
import { rich, slot } from "~/components/reputation/rich.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("earlyAccess.metaTitle") },
    { name: "description", content: t("earlyAccess.metaDescription") },
    { property: "og:title", content: t("earlyAccess.metaTitle") },
    { property: "og:type", content: "website" },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const page = pageParam(url.searchParams.get("page"));
  const language = await languageFilterOf(context.db, viewer?.id ?? null, url);
  const [list, tier] = await Promise.all([
    listForViewer(context.db, viewer, { page, languages: language.languages }),
    viewer ? effectiveTier(context.db, viewer.id) : Promise.resolve(null),
  ]);
  return json({
    ...list,
    language,
    signedIn: viewer !== null,
    tier: tier?.tier ?? null,
    canManage: policy.manageEarlyAccess(viewer),
    isStaff: isStaff(viewer),
  });
}

export default function EarlyAccessList() {
  const data = useLoaderData<typeof loader>();
  // A new award (or one that ends) changes what this list may show: read it again.
  const revalidator = useRevalidator();
  const onTierChanged = useCallback(() => revalidator.revalidate(), [revalidator]);
  useSocketEvent("tier:changed", onTierChanged);
  const readable = data.rows.filter((r) => r.access !== "teaser");
  const teasers = data.rows.filter((r) => r.access === "teaser");
  const { t } = useTranslation();
  return (
    <Container>
      <PageHeader
        title={t("earlyAccess.title")}
        description={t("earlyAccess.intro")}
        actions={
          data.canManage ? (
            <Link to="/manage/early-access" className={buttonClass("secondary", "sm")}>
              {t("earlyAccess.manage")}
            </Link>
          ) : null
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm text-stone-600 dark:text-stone-400">
        {data.tier ? (
          <>
            <span>{t("earlyAccess.yourTier")}</span>
            <TierBadge name={data.tier.name} colour={data.tier.colour} icon={data.tier.icon} />
            <Link
              to="/settings/tier"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              {t("earlyAccess.yourTierLink")}
            </Link>
          </>
        ) : data.isStaff ? (
          <span>{t("earlyAccess.staff")}</span>
        ) : data.signedIn ? (
          <span>{t("earlyAccess.verifiedOnly")}</span>
        ) : (
          <span>
            {rich(t("earlyAccess.signInToSee", { signIn: slot("signIn") }), {
              signIn: (
                <Link to="/login?redirectTo=/early-access" className="font-medium underline">
                  {t("earlyAccess.signIn")}
                </Link>
              ),
            })}
          </span>
        )}
      </div>
      <div className="mb-6">
        <LanguageFilter filter={data.language} />
      </div>
      {data.rows.length === 0 ? (
        <EmptyState title={t("earlyAccess.nothingYet")}>
          {t("earlyAccess.nothingYetHint")}
        </EmptyState>
      ) : (
        <div className="space-y-10">
          {readable.length ? (
            <section aria-labelledby="readable-heading">
              <h2 id="readable-heading" className="text-lg font-semibold">
                {t("earlyAccess.openNow")}
              </h2>
              <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {readable.map((item) => (
                  <li key={item.id} className="min-w-0">
                    {item.access === "read" ? (
                      <ReadableItemCard item={item} />
                    ) : (
                      <NdaItemCard item={item} />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {teasers.length ? (
            <section aria-labelledby="coming-heading">
              <h2 id="coming-heading" className="text-lg font-semibold">
                {t("earlyAccess.coming")}
              </h2>
              <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {teasers.map((teaser) => (
                  <li key={teaser.id} className="min-w-0">
                    <TeaserCard teaser={teaser} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </Container>
  );
}
