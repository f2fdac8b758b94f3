import { Link } from "@remix-run/react";
import { TierStanding } from "~/components/tiers/tier-standing.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { OPEN_TO } from "~/modules/profiles/open-to.ts";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";
import { useOpenToLabels } from "./open-to-labels.ts";
import type { ProfileData } from "./profile-header.tsx";

type Profile = ProfileData["profile"];

/** The person's tier and how they stand towards the next one. */
export function ProfileTierCard({
  tier,
  handle,
}: {
  tier: NonNullable<ProfileData["tier"]>;
  handle: string;
}) {
  const { t } = useTranslation();
  return (
    <Card className="p-6">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        {t("profile.tier")}
      </h2>
      <div className="mt-3">
        <TierStanding
          data={tier}
          owner={tier.isOwner}
          nominateHandle={tier.canNominate ? handle : null}
        />
      </div>
      {tier.isOwner ? (
        <Link
          to="/settings/tier"
          className="mt-3 inline-block text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("profile.tierHistory")}
        </Link>
      ) : null}
    </Card>
  );
}

/** What the person is open to: speaking, references, case studies… */
export function ProfileOpenTo({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const labels = useOpenToLabels();
  const openTo = OPEN_TO.filter((o) => profile[o.key]);
  return (
    <Card className="p-6">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        {t("profile.openToHeading")}
      </h2>
      {openTo.length ? (
        <ul className="mt-3 flex flex-wrap gap-2">
          {openTo.map((o) => (
            <li key={o.key}>
              <Badge tone="spot">{labels.label[o.key]}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
          {t("profile.notTakingRequests")}
        </p>
      )}
    </Card>
  );
}

/** Topics the person knows, each a link to the directory filtered by it. */
export function ProfileExpertise({ expertise }: { expertise: string[] }) {
  const { t } = useTranslation();
  return (
    <Card className="p-6">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        {t("profile.expertise")}
      </h2>
      {expertise.length ? (
        <ul className="mt-3 flex flex-wrap gap-2">
          {expertise.map((tag) => (
            <li key={tag}>
              <Link to={`/advocates?tag=${encodeURIComponent(tag)}`}>
                <Badge>{tag}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">{t("profile.noTopics")}</p>
      )}
    </Card>
  );
}

/** Member since, and the person's own links. */
export function ProfileFacts({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const memberSince = formats.longMonth(profile.created_at);
  const links = [
    { href: profile.linkedin_url, label: "LinkedIn" },
    { href: profile.blog_url, label: t("profile.blog") },
    { href: profile.website_url, label: t("profile.website") },
  ].filter((l) => l.href);
  return (
    <Card className="p-6">
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="text-stone-600 dark:text-stone-400">{t("profile.memberSince")}</dt>
          <dd className="font-medium">{memberSince}</dd>
        </div>
        {links.length ? (
          <div>
            <dt className="text-stone-600 dark:text-stone-400">{t("profile.links")}</dt>
            <dd className="mt-1 flex flex-wrap gap-3">
              {links.map((l) => (
                <a
                  key={l.label}
                  href={l.href}
                  rel="me nofollow noopener noreferrer"
                  target="_blank"
                  className="font-medium text-brand-700 underline dark:text-brand-300"
                >
                  {l.label}
                </a>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
