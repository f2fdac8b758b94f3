import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { PrivilegeCards, RuleTable, TierLadder } from "~/components/reputation/charter.tsx";
import { Card } from "~/components/ui/card.tsx";
import { BADGES } from "~/modules/reputation/badges.ts";
import { listBadges } from "~/modules/reputation/badges.server.ts";
import { BadgeList } from "~/modules/reputation/components.tsx";
import { loadReputationConfig } from "~/modules/reputation/config.server.ts";
import { privilegeProgress } from "~/modules/access/privileges.ts";
import { ruleRows } from "~/modules/reputation/rules.ts";
import { getUser, getViewer } from "~/utils/auth.server.ts";
import { useTranslation } from "react-i18next";
import { rich, slot } from "~/components/reputation/rich.tsx";
import { useBadgeTexts } from "~/components/reputation/labels.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("reputation.metaTitle") },
    { name: "description", content: t("reputation.metaDescription") },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [viewer, user, config] = await Promise.all([
    getViewer(request, context),
    getUser(request, context),
    loadReputationConfig(context.db),
  ]);
  const earned = viewer ? await listBadges(context.db, viewer.id) : [];
  const earnedAt = new Map(earned.map((b) => [b.key, b.earnedAt]));
  return json({
    signedIn: Boolean(viewer),
    handle: user?.handle ?? null,
    reputation: viewer?.reputation ?? 0,
    dailyVoteCap: config.options.dailyVoteCap,
    votesPerVoter: config.options.votesPerVoterPerDay,
    rules: ruleRows(config.rules),
    privileges: privilegeProgress(viewer, config.privileges),
    badges: BADGES.map((b) => ({
      key: b.key,
      name: b.name,
      description: b.description,
      icon: b.icon,
      earnedAt: viewer ? (earnedAt.get(b.key) ?? null) : undefined,
    })),
  });
}

export default function ReputationCharter() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formats = useFormats();
  const badgeTexts = useBadgeTexts();
  const linkClass = "font-medium text-brand-700 underline dark:text-brand-300";
  return (
    <Container className="max-w-4xl">
      <PageHeader title={t("reputation.title")} description={t("reputation.intro")} />

      <Card className="p-6">
        <h2 className="text-lg font-semibold">{t("reputation.charter")}</h2>
        <ul className="mt-3 list-disc space-y-2 pl-5 text-stone-700 dark:text-stone-300">
          <li>
            <strong>{t("reputation.earnedTitle")}</strong> {t("reputation.earnedBody")}
          </li>
          <li>
            <strong>{t("reputation.currencyTitle")}</strong> {t("reputation.currencyBody")}
          </li>
          <li>
            <strong>{t("reputation.explainedTitle")}</strong> {t("reputation.explainedBody")}
          </li>
          <li>
            <strong>{t("reputation.fairTitle")}</strong>{" "}
            {t("reputation.fairBody", { cap: data.dailyVoteCap, perVoter: data.votesPerVoter })}
          </li>
        </ul>
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
          {data.handle
            ? rich(
                t("reputation.seeLeaderboardAndProfile", {
                  board: slot("board"),
                  profile: slot("profile"),
                }),
                {
                  board: (
                    <Link to="/leaderboard" className={linkClass}>
                      {t("reputation.leaderboardLink")}
                    </Link>
                  ),
                  profile: (
                    <Link to={`/u/${data.handle}#reputation`} className={linkClass}>
                      {t("reputation.profileLink")}
                    </Link>
                  ),
                },
              )
            : rich(t("reputation.seeLeaderboard", { board: slot("board") }), {
                board: (
                  <Link to="/leaderboard" className={linkClass}>
                    {t("reputation.leaderboardLink")}
                  </Link>
                ),
              })}
        </p>
      </Card>

      <section className="mt-8" aria-labelledby="rules-heading">
        <h2 id="rules-heading" className="text-xl font-semibold">
          {t("reputation.whatEarns")}
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {t("reputation.currentValues")}
        </p>
        <RuleTable rules={data.rules} />
      </section>

      <section className="mt-8" aria-labelledby="privileges-heading">
        <h2 id="privileges-heading" className="text-xl font-semibold">
          {t("reputation.whatUnlocks")}
        </h2>
        {data.signedIn ? (
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {rich(t("reputation.youHave", { count: data.reputation, points: slot("points") }), {
              points: <strong>{formats.count(data.reputation)}</strong>,
            })}
          </p>
        ) : (
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {rich(t("reputation.signInToSee", { signIn: slot("signIn") }), {
              signIn: (
                <Link to="/login?redirectTo=/reputation" className="font-medium underline">
                  {t("reputation.signIn")}
                </Link>
              ),
            })}
          </p>
        )}
        <PrivilegeCards privileges={data.privileges} signedIn={data.signedIn} />
      </section>

      <section className="mt-8" aria-labelledby="badges-heading">
        <h2 id="badges-heading" className="text-xl font-semibold">
          {t("reputation.badges")}
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {t("reputation.badgesIntro")}
        </p>
        <div className="mt-4">
          <BadgeList badges={data.badges.map((b) => ({ ...b, ...badgeTexts[b.key] }))} />
        </div>
      </section>

      <section className="mt-8" aria-labelledby="tiers-heading">
        <h2 id="tiers-heading" className="text-xl font-semibold">
          {t("reputation.tiers")}
        </h2>
        <TierLadder />
      </section>
    </Container>
  );
}
