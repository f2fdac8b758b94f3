import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/tiers/format.ts";
import { TierBadge } from "~/components/tiers/tier-badge.tsx";
import { TierStanding } from "~/components/tiers/tier-standing.tsx";
import { Card } from "~/components/ui/card.tsx";
import { listAcknowledgements } from "~/modules/early-access/reader.server.ts";
import { listNominations } from "~/modules/tiers/nominations.server.ts";
import { tierHistory, tierOverview } from "~/modules/tiers/standing.server.ts";
import { isStaff } from "~/modules/access/policy.ts";
import { requireUser } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Your tier · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [overview, history, acknowledgements, nominations] = await Promise.all([
    tierOverview(context.db, { id: user.id, role: user.role }),
    tierHistory(context.db, user.id),
    listAcknowledgements(context.db, user.id),
    // Open nominations stay with the team until decided.
    listNominations(context.db, { status: "decided", nomineeId: user.id }),
  ]);
  return json({
    overview,
    history,
    acknowledgements,
    nominations: nominations.rows,
    staff: isStaff(user),
  });
}

const CHANGE: Record<string, string> = {
  reached: "Reached",
  lost: "Left",
  granted: "Awarded",
  renewed: "Renewed",
  revoked: "Revoked",
  lapsed: "Term ended",
};

export default function TierSettings() {
  const data = useLoaderData<typeof loader>();
  const { overview } = data;
  return (
    <div className="space-y-8">
      <Card className="p-6">
        <h2 className="text-lg font-semibold">Your tier</h2>
        <div className="mt-4">
          <TierStanding data={overview} owner staff={data.staff} />
        </div>
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
          Reputation: {overview.standing.balance.toLocaleString("en-GB")} · verified talks and
          published case studies: {overview.standing.showcases}
        </p>
        <p className="mt-2 text-sm">
          <Link
            to="/early-access"
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            See what your tier opens in early access
          </Link>
        </p>
      </Card>

      <Card className="p-6">
        <h2 className="text-lg font-semibold">How tiers work</h2>
        <ul className="mt-4 space-y-4">
          {overview.catalogue.map((tier) => (
            <li key={tier.id} className="flex flex-col gap-1 sm:flex-row sm:gap-4">
              <div className="sm:w-40">
                <TierBadge name={tier.name} colour={tier.colour} icon={tier.icon} />
              </div>
              <div className="text-sm">
                <p className="text-stone-800 dark:text-stone-200">{tier.reached}</p>
                {tier.unlocks.length ? (
                  <ul className="mt-1 list-disc pl-5 text-stone-600 dark:text-stone-400">
                    {tier.unlocks.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card className="p-6">
        <h2 className="text-lg font-semibold">Tier history</h2>
        {data.history.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
            Nothing yet. Reaching, being awarded and renewing a tier all appear here.
          </p>
        ) : (
          <ol className="mt-4 space-y-3" data-testid="tier-history">
            {data.history.map((line) => (
              <li
                key={line.id}
                className="border-l-2 border-stone-200 pl-4 text-sm dark:border-stone-700"
              >
                <p>
                  <span className="font-semibold">
                    {CHANGE[line.change]} {line.tierName}
                  </span>{" "}
                  <span className="text-stone-500 dark:text-stone-400">
                    · {formatDate(line.createdAt)}
                    {line.actorName ? ` · by ${line.actorName}` : ""}
                  </span>
                </p>
                {line.termStart && line.termEnd && line.change !== "lapsed" ? (
                  <p className="text-stone-600 dark:text-stone-400">
                    Term {formatDate(line.termStart)} – {formatDate(line.termEnd)}
                  </p>
                ) : null}
                {line.reason ? (
                  <p className="text-stone-700 dark:text-stone-300">{line.reason}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>

      {data.nominations.length ? (
        <Card className="p-6">
          <h2 className="text-lg font-semibold">Nominations for you</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {data.nominations.map((n) => (
              <li key={n.id}>
                {n.tierName}: {n.status} {formatDate(n.decidedAt)} — {n.decisionReason}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card className="p-6">
        <h2 className="text-lg font-semibold">NDA acknowledgements</h2>
        {data.acknowledgements.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
            You have not acknowledged any terms yet. You will be asked the first time you open an
            item shared under NDA.
          </p>
        ) : (
          <ul className="mt-3 space-y-1 text-sm">
            {data.acknowledgements.map((a) => (
              <li key={`${a.tier_name}-${a.terms_version}`}>
                {a.tier_name} terms, version {a.terms_version} — acknowledged{" "}
                {formatDate(a.acknowledged_at)}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
