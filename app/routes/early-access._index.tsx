import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useCallback } from "react";
import { useSocketEvent } from "~/components/realtime.tsx";
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

export const meta: MetaFunction = () => [
  { title: "Early access · Limelight" },
  {
    name: "description",
    content:
      "Early releases, roadmap briefings and insider recordings for the community's advocates, opening tier by tier.",
  },
  { property: "og:title", content: "Early access · Limelight" },
  { property: "og:type", content: "website" },
];

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
  return (
    <Container>
      <PageHeader
        title="Early access"
        description="Early releases, roadmap briefings, insider articles and recordings. Top tiers read first; the rest open tier by tier, and some become public at general availability."
        actions={
          data.canManage ? (
            <Link to="/manage/early-access" className={buttonClass("secondary", "sm")}>
              Manage early access
            </Link>
          ) : null
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm text-stone-600 dark:text-stone-400">
        {data.tier ? (
          <>
            <span>Your tier:</span>
            <TierBadge name={data.tier.name} colour={data.tier.colour} icon={data.tier.icon} />
            <Link
              to="/settings/tier"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              Your tier and what the next one takes
            </Link>
          </>
        ) : data.isStaff ? (
          <span>As a community manager you can read everything here.</span>
        ) : data.signedIn ? (
          <span>
            Early access is for verified customers. You see what is public and what will be soon.
          </span>
        ) : (
          <span>
            <Link to="/login?redirectTo=/early-access" className="font-medium underline">
              Sign in
            </Link>{" "}
            to see what your tier opens. Below is what is public, and what will be soon.
          </span>
        )}
      </div>
      {data.rows.length === 0 ? (
        <EmptyState title="Nothing here yet">
          When the team publishes an early release or a briefing you can read, it appears here.
        </EmptyState>
      ) : (
        <div className="space-y-10">
          {readable.length ? (
            <section aria-labelledby="readable-heading">
              <h2 id="readable-heading" className="text-lg font-semibold">
                Open to you now
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
                Coming to you, or to a higher tier
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
