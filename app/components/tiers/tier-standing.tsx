import { Link } from "@remix-run/react";
import { formatDate } from "./format.ts";
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

const SOURCE: Record<string, string> = {
  base: "as a verified customer",
  automatic: "through reputation",
  award: "by award",
};

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
                <dt className="text-stone-600 dark:text-stone-400">Since</dt>
                <dd className="font-medium">{formatDate(current.since)}</dd>
              </div>
            ) : null}
            {current.termEnd ? (
              <div>
                <dt className="text-stone-600 dark:text-stone-400">Term ends</dt>
                <dd className="font-medium">{formatDate(current.termEnd)}</dd>
              </div>
            ) : null}
          </dl>
          <p className="mt-2 text-sm text-stone-800 dark:text-stone-200" data-testid="tier-why">
            {current.why}
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
            ? "The community team holds no tier and reads all early-access content."
            : owner
              ? "Tiers start once the community team verifies you as a customer."
              : "No tier yet."}
        </p>
      )}
      {next && owner ? (
        <div>
          <p className="text-sm font-medium">
            Next: <span className="font-semibold">{next.tier.name}</span>
          </p>
          {!next.awarded ? (
            <div
              className="mt-2 h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
              role="progressbar"
              aria-label={`Progress toward ${next.tier.name}`}
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
          Nominate for an award
        </Link>
      ) : null}
    </div>
  );
}
