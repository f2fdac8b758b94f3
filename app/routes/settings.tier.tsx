import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { TierBadge } from "~/components/tiers/tier-badge.tsx";
import { TierStanding } from "~/components/tiers/tier-standing.tsx";
import { Card } from "~/components/ui/card.tsx";
import { listAcknowledgements } from "~/modules/early-access/reader.server.ts";
import { listNominations } from "~/modules/tiers/nominations.server.ts";
import { tierHistory, tierOverview } from "~/modules/tiers/standing.server.ts";
import { isStaff } from "~/modules/access/policy.ts";
import { requireUser } from "~/utils/auth.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.tier.meta") },
];

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

/** A line of the tier history: what happened to which tier. */
function changeLine(change: string, tier: string, t: TFunction): string {
  switch (change) {
    case "reached":
      return t("settings.tier.reached", { tier });
    case "lost":
      return t("settings.tier.lost", { tier });
    case "granted":
      return t("settings.tier.granted", { tier });
    case "renewed":
      return t("settings.tier.renewed", { tier });
    case "revoked":
      return t("settings.tier.revoked", { tier });
    case "lapsed":
      return t("settings.tier.lapsed", { tier });
    default:
      return tier;
  }
}

export default function TierSettings() {
  const data = useLoaderData<typeof loader>();
  const { overview } = data;
  const { t } = useTranslation();
  const formats = useFormats();
  const formatDate = (value: string | null | undefined) => (value ? formats.day(value) : "");
  return (
    <div className="space-y-8">
      <Card className="p-6">
        <h2 className="text-lg font-semibold">{t("settings.tier.title")}</h2>
        <div className="mt-4">
          <TierStanding data={overview} owner staff={data.staff} />
        </div>
        <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
          {t("settings.tier.standing", {
            balance: formats.count(overview.standing.balance),
            showcases: formats.count(overview.standing.showcases),
          })}
        </p>
        <p className="mt-2 text-sm">
          <Link
            to="/early-access"
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            {t("settings.tier.earlyAccess")}
          </Link>
        </p>
      </Card>

      <Card className="p-6">
        <h2 className="text-lg font-semibold">{t("settings.tier.howTiersWork")}</h2>
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
        <h2 className="text-lg font-semibold">{t("settings.tier.history")}</h2>
        {data.history.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
            {t("settings.tier.noHistory")}
          </p>
        ) : (
          <ol className="mt-4 space-y-3" data-testid="tier-history">
            {data.history.map((line) => (
              <li
                key={line.id}
                className="border-l-2 border-stone-200 pl-4 text-sm dark:border-stone-700"
              >
                <p>
                  <span className="font-semibold">{changeLine(line.change, line.tierName, t)}</span>{" "}
                  <span className="text-stone-500 dark:text-stone-400">
                    · {formatDate(line.createdAt)}
                    {line.actorName ? ` · ${t("settings.tier.by", { name: line.actorName })}` : ""}
                  </span>
                </p>
                {line.termStart && line.termEnd && line.change !== "lapsed" ? (
                  <p className="text-stone-600 dark:text-stone-400">
                    {t("settings.tier.term", {
                      start: formatDate(line.termStart),
                      end: formatDate(line.termEnd),
                    })}
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
          <h2 className="text-lg font-semibold">{t("settings.tier.nominations")}</h2>
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
        <h2 className="text-lg font-semibold">{t("settings.tier.nda")}</h2>
        {data.acknowledgements.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
            {t("settings.tier.noNda")}
          </p>
        ) : (
          <ul className="mt-3 space-y-1 text-sm">
            {data.acknowledgements.map((a) => (
              <li key={`${a.tier_name}-${a.terms_version}`}>
                {t("settings.tier.acknowledged", {
                  tier: a.tier_name,
                  version: String(a.terms_version),
                  date: formatDate(a.acknowledged_at),
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
