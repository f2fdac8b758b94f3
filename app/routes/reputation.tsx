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

export const meta: MetaFunction = () => [
  { title: "How reputation works · Limelight" },
  {
    name: "description",
    content:
      "Reputation on Limelight measures the help you give peers. It is earned, public and explained — never bought, traded or redeemed.",
  },
];

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
  return (
    <Container className="max-w-4xl">
      <PageHeader
        title="How reputation works"
        description="Points on Limelight measure the help you give to peers: answers, talks, stories and conversations with people like you. They are public and every one is explained."
      />

      <Card className="p-6">
        <h2 className="text-lg font-semibold">The charter</h2>
        <ul className="mt-3 list-disc space-y-2 pl-5 text-stone-700 dark:text-stone-300">
          <li>
            <strong>Earned, never bought.</strong> Points come from contributions that help other
            people, verified by peers (votes, accepted answers) or by a community manager (talks,
            case studies, reference calls).
          </li>
          <li>
            <strong>Not a currency.</strong> There is no rewards store: points cannot be traded,
            transferred, redeemed or cashed in. They unlock standing and access — privileges, tiers,
            early access — not prizes.
          </li>
          <li>
            <strong>Explained.</strong> Every point is one line in your public history with what
            earned it and who awarded it. Corrections are new lines; history is never rewritten.
          </li>
          <li>
            <strong>Fair.</strong> Nobody earns from their own votes; points from votes stop at{" "}
            {data.dailyVoteCap} a day, and one person can give you at most {data.votesPerVoter}{" "}
            scoring votes a day. A withdrawn vote or deleted post takes its points back.
          </li>
        </ul>
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
          See who is helping most on the{" "}
          <Link
            to="/leaderboard"
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            leaderboard
          </Link>
          {data.handle ? (
            <>
              , or your own history on{" "}
              <Link
                to={`/u/${data.handle}#reputation`}
                className="font-medium text-brand-700 underline dark:text-brand-300"
              >
                your profile
              </Link>
            </>
          ) : null}
          .
        </p>
      </Card>

      <section className="mt-8" aria-labelledby="rules-heading">
        <h2 id="rules-heading" className="text-xl font-semibold">
          What earns points
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Current values. When an admin changes a value it applies from then on; points already
          earned keep the value they had.
        </p>
        <RuleTable rules={data.rules} />
      </section>

      <section className="mt-8" aria-labelledby="privileges-heading">
        <h2 id="privileges-heading" className="text-xl font-semibold">
          What reputation unlocks
        </h2>
        {data.signedIn ? (
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            You have <strong>{data.reputation.toLocaleString("en-GB")}</strong> points.
          </p>
        ) : (
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            <Link to="/login?redirectTo=/reputation" className="font-medium underline">
              Sign in
            </Link>{" "}
            to see how far you are from each privilege.
          </p>
        )}
        <PrivilegeCards privileges={data.privileges} signedIn={data.signedIn} />
      </section>

      <section className="mt-8" aria-labelledby="badges-heading">
        <h2 id="badges-heading" className="text-xl font-semibold">
          Badges
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Milestones, granted once and kept for good.
        </p>
        <div className="mt-4">
          <BadgeList badges={data.badges} />
        </div>
      </section>

      <section className="mt-8" aria-labelledby="tiers-heading">
        <h2 id="tiers-heading" className="text-xl font-semibold">
          Tiers
        </h2>
        <TierLadder />
      </section>
    </Container>
  );
}
