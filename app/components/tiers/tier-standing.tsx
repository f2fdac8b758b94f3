import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";
import { TierBadge } from "./tier-badge.tsx";

export interface StandingData {
  current: {
    tier: { name: string; colour: string; icon: string; description: string };
    source: "base" | "automatic" | "award";
    since: string | null;
    termEnd: string | null;
    why: string;
  } | null;
  next: {
    tier: { name: string; colour: string; icon: string };
    text: string;
    percent: number;
    awarded: boolean;
  } | null;
}

/** Current tier with since / term end, and what the next tier takes. */
export function TierStanding({
  data,
  owner,
  nominateHandle,
  staff = false,
}: {
  data: StandingData;
  /** The person is on the community team. */
  staff?: boolean;
  /** The person themselves: show progress in the second person. */
  owner: boolean;
  /** Show a Nominate link for this handle (for peers and managers). */
  nominateHandle?: string | null;
}) {
  const { current, next } = data;
  const { t } = useTranslation();
  const formats = useFormats();
  const formatDate = (value: string) => formats.day(value);
  const SOURCE: Record<string, string> = {
    base: t("tiers.source.base"),
    automatic: t("tiers.source.automatic"),
    award: t("tiers.source.award"),
  };
  return (
    <div className="space-y-4" data-testid="tier-standing">
      {current ? (
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <TierBadge
              name={current.tier.name}
              colour={current.tier.colour}
              icon={current.tier.icon}
              size="md"
            />
            <span className="text-sm text-stone-600 dark:text-stone-400">
              {SOURCE[current.source]}
            </span>
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
            {current.since ? (
              <div>
                <dt className="text-stone-600 dark:text-stone-400">{t("tiers.since")}</dt>
                <dd className="font-medium">{formatDate(current.since)}</dd>
              </div>
            ) : null}
            {current.termEnd ? (
              <div>
                <dt className="text-stone-600 dark:text-stone-400">{t("tiers.termEnds")}</dt>
                <dd className="font-medium">{formatDate(current.termEnd)}</dd>
              </div>
            ) : null}
          </dl>
          <p className="mt-2 text-sm text-stone-800 dark:text-stone-200" data-testid="tier-why">
            {current.source === "base" ? t("tiers.whyBase") : current.why}
          </p>
          {current.tier.description ? (
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              {current.tier.description}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {staff
            ? t("tiers.staffNoTier")
            : owner
              ? t("tiers.startsWhenVerified")
              : t("tiers.noTier")}
        </p>
      )}
      {next && owner ? (
        <div>
          <p className="text-sm font-medium">
            {t("tiers.next")} <span className="font-semibold">{next.tier.name}</span>
          </p>
          {!next.awarded ? (
            <div
              className="mt-2 h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
              role="progressbar"
              aria-label={t("tiers.progressToward", { tier: next.tier.name })}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={next.percent}
            >
              <div
                className="h-full rounded-full bg-brand-600"
                style={{ width: `${next.percent}%` }}
              />
            </div>
          ) : null}
          <p
            className="mt-2 text-sm text-stone-700 dark:text-stone-300"
            data-testid="tier-progress"
          >
            {next.text}
          </p>
        </div>
      ) : null}
      {nominateHandle ? (
        <Link
          to={`/nominate?handle=${encodeURIComponent(nominateHandle)}`}
          className="inline-block text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("tiers.nominate")}
        </Link>
      ) : null}
    </div>
  );
}
