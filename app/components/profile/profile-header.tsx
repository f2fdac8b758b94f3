import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { TierBadge } from "~/components/tiers/tier-badge.tsx";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { isProspect } from "~/modules/access/policy.ts";
import type { ProfilePage } from "~/modules/profiles/profile-page.server.ts";
import { useTranslation } from "react-i18next";

export type ProfileData = SerializeFrom<ProfilePage>;

/** The top of a profile: avatar, name, role and tier, headline and where they work. */
export function ProfileHeader({
  profile,
  tier,
  isOwner,
  helpedCompanies,
}: Pick<ProfileData, "profile" | "tier" | "isOwner" | "helpedCompanies">) {
  const { t } = useTranslation();
  const roleLabel: Record<string, string> = {
    advocate: t("profile.role.advocate"),
    manager: t("profile.role.manager"),
    admin: t("profile.role.admin"),
    // Not "Member": that is the name of the verified-customer tier.
    prospect: t("profile.role.prospect"),
  };
  const work =
    profile.job_title && profile.company
      ? t("profile.jobAtCompany", { job: profile.job_title, company: profile.company })
      : profile.job_title || profile.company || "";
  return (
    <Card className="overflow-hidden">
      <div
        className="h-24 bg-gradient-to-r from-brand-800 via-brand-700 to-amber-500 sm:h-32"
        aria-hidden="true"
      />
      <div className="px-6 pb-6 sm:px-8">
        <div className="-mt-12 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div className="flex items-end gap-4">
            <div className="rounded-full ring-4 ring-white dark:ring-stone-900">
              <Avatar name={profile.display_name} handle={profile.handle} size="lg" />
            </div>
          </div>
          {isOwner ? (
            <Link to="/settings/profile" className={buttonClass("secondary", "sm")}>
              {t("profile.edit")}
            </Link>
          ) : null}
        </div>
        <div className="mt-4">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
              {profile.display_name}
            </h1>
            <Badge tone={isProspect(profile) ? "neutral" : "brand"}>
              {roleLabel[profile.role]}
            </Badge>
            {tier?.current ? (
              <TierBadge
                name={tier.current.tier.name}
                colour={tier.current.tier.colour}
                icon={tier.current.tier.icon}
              />
            ) : null}
            {!profile.is_public ? <Badge tone="info">{t("profile.membersOnly")}</Badge> : null}
          </div>
          <p className="mt-1 text-stone-500 dark:text-stone-400">@{profile.handle}</p>
          {profile.headline ? (
            <p className="mt-3 text-lg text-stone-800 dark:text-stone-200">{profile.headline}</p>
          ) : null}
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            {work}
            {profile.industry ? ` · ${profile.industry}` : ""}
            {profile.place || profile.location ? ` · ${profile.place || profile.location}` : ""}
          </p>
          {helpedCompanies ? (
            <p className="mt-2 text-sm font-medium text-brand-800 dark:text-brand-300">
              {t("profile.helpedCompanies", { count: helpedCompanies })}
            </p>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
