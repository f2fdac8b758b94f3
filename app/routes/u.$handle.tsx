import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { ShareButtons } from "~/components/share/share-buttons.tsx";
import { shareSentence } from "~/modules/share/intents.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { isProspect } from "~/modules/access/policy.ts";
import { NotFoundError } from "~/utils/errors.ts";
import { getVisibleProfile } from "~/modules/profiles/profiles.server.ts";
import { OPEN_TO } from "~/modules/profiles/open-to.ts";
import { loadProfileReputation } from "~/modules/reputation/profile.server.ts";
import { ProfileReputationSection } from "~/modules/reputation/profile-section.tsx";
import { ProfileAdvocacySections } from "~/components/advocacy/profile-sections.tsx";
import { loadProfileAdvocacy } from "~/modules/advocacy/profile.server.ts";
import { AskForConversation } from "~/components/promoters/ask-for-conversation.tsx";
import { referenceAvailability } from "~/modules/promoters/reference-caps.server.ts";
import { ProfileTestimonials } from "~/components/testimonials/profile-testimonials.tsx";
import { ProfileCredentials } from "~/components/credentials/profile-credentials.tsx";
import { listPublicCredentials } from "~/modules/credentials/reads.server.ts";
import { TierBadge } from "~/components/tiers/tier-badge.tsx";
import { TierStanding } from "~/components/tiers/tier-standing.tsx";
import { publicHelpedCount } from "~/modules/promoters/referral-links.server.ts";
import { testimonialsOf } from "~/modules/testimonials/testimonials.server.ts";
import { profileTier } from "~/modules/tiers/standing.server.ts";
import { shareImageUrl } from "~/modules/share/cards.server.ts";
import { shareImageMeta } from "~/modules/share/meta.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { formatLongMonth } from "~/utils/format.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  try {
    const profile = await getVisibleProfile(context.db, viewer, params.handle ?? "");
    // Share links name the configured address, never whatever Host the request carried.
    const origin = context.env.PUBLIC_URL;
    const url = new URL(request.url);
    const shareAward = url.searchParams.get("share") === "award";
    // Independent reads, side by side.
    const [
      reputation,
      tier,
      referenceAsk,
      advocacy,
      testimonials,
      credentials,
      imageUrl,
      helpedCompanies,
    ] = await Promise.all([
      loadProfileReputation(context.db, viewer, profile.id, url),
      profileTier(context.db, viewer, profile),
      referenceAvailability(context.db, viewer, profile),
      loadProfileAdvocacy(context.db, viewer, profile.id),
      testimonialsOf(context.db, viewer, profile.id),
      listPublicCredentials(context.db, profile.id),
      // A shared award link shows the award's picture; the page is the same profile.
      shareImageUrl(context.db, origin, shareAward ? "award" : "profile", profile.handle),
      publicHelpedCount(context.db, profile.id),
    ]);
    return json({
      profile,
      isOwner: viewer?.id === profile.id,
      tier,
      referenceAsk,
      signedIn: viewer !== null,
      url: `${origin}/u/${profile.handle}`,
      advocacy,
      reputation,
      testimonials,
      credentials,
      imageUrl,
      helpedCompanies,
    });
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(error.message);
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Profile not found · Limelight" }];
  const { profile, url } = data;
  const title = `${profile.display_name} · Limelight`;
  const description =
    profile.headline ||
    `${profile.display_name}${profile.company ? ` at ${profile.company}` : ""} on Limelight.`;
  const tags = [
    { title },
    { name: "description", content: description },
    { property: "og:type", content: "profile" },
    { property: "og:title", content: profile.display_name },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:site_name", content: "Limelight" },
    { property: "profile:username", content: profile.handle },
    ...shareImageMeta(data.imageUrl, `${profile.display_name} on Limelight`),
    { name: "twitter:title", content: profile.display_name },
    { name: "twitter:description", content: description },
    { tagName: "link", rel: "canonical", href: url },
  ];
  if (!profile.is_public) tags.push({ name: "robots", content: "noindex" });
  return tags;
};

const roleLabel: Record<string, string> = {
  advocate: "Verified customer",
  manager: "Community manager",
  admin: "Community admin",
  // Not "Member": that is the name of the verified-customer tier.
  prospect: "Not yet verified",
};
/** Members who are not (yet) verified customers wear the plain badge. */

export default function ProfilePage() {
  const {
    profile,
    isOwner,
    reputation,
    advocacy,
    tier,
    referenceAsk,
    signedIn,
    testimonials,
    credentials,
    url,
    helpedCompanies,
  } = useLoaderData<typeof loader>();
  const openTo = OPEN_TO.filter((o) => profile[o.key]);
  const memberSince = formatLongMonth(profile.created_at);
  const links = [
    { href: profile.linkedin_url, label: "LinkedIn" },
    { href: profile.blog_url, label: "Blog" },
    { href: profile.website_url, label: "Website" },
  ].filter((l) => l.href);
  return (
    <Container className="max-w-5xl">
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
                Edit profile
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
              {!profile.is_public ? <Badge tone="info">Visible to members only</Badge> : null}
            </div>
            <p className="mt-1 text-stone-500 dark:text-stone-400">@{profile.handle}</p>
            {profile.headline ? (
              <p className="mt-3 text-lg text-stone-800 dark:text-stone-200">{profile.headline}</p>
            ) : null}
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              {[profile.job_title, profile.company].filter(Boolean).join(" at ")}
              {profile.industry ? ` · ${profile.industry}` : ""}
              {profile.place || profile.location ? ` · ${profile.place || profile.location}` : ""}
            </p>
            {helpedCompanies ? (
              <p className="mt-2 text-sm font-medium text-brand-800 dark:text-brand-300">
                Helped {helpedCompanies} {helpedCompanies === 1 ? "company" : "companies"} decide
              </p>
            ) : null}
          </div>
        </div>
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card className="p-6">
            <h2 className="text-lg font-semibold">Story</h2>
            {profile.bio_html ? (
              <div
                className="prose-ll mt-3"
                dangerouslySetInnerHTML={{ __html: profile.bio_html }}
              />
            ) : (
              <p className="mt-3 text-stone-600 dark:text-stone-400">
                {isOwner
                  ? "Tell peers what you built and what you can help with."
                  : `${profile.display_name} has not written their story yet.`}
              </p>
            )}
          </Card>
          <ProfileReputationSection
            data={reputation}
            name={profile.display_name}
            handle={profile.handle}
            isOwner={isOwner}
          />
          <ProfileAdvocacySections data={advocacy} name={profile.display_name} isOwner={isOwner} />
          <ProfileTestimonials testimonials={testimonials} isOwner={isOwner} />
          <ProfileCredentials credentials={credentials} isOwner={isOwner} />
          {isOwner && tier?.current?.source === "award" && profile.is_public ? (
            <ShareButtons
              heading="Share your award"
              url={`${url}?share=award`}
              text={shareSentence.award(tier.current.tier.name)}
            />
          ) : null}
        </div>
        <aside className="space-y-6">
          {tier ? (
            <Card className="p-6">
              <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
                Tier
              </h2>
              <div className="mt-3">
                <TierStanding
                  data={tier}
                  owner={tier.isOwner}
                  nominateHandle={tier.canNominate ? profile.handle : null}
                />
              </div>
              {tier.isOwner ? (
                <Link
                  to="/settings/tier"
                  className="mt-3 inline-block text-sm font-medium text-brand-700 underline dark:text-brand-300"
                >
                  Your tier history
                </Link>
              ) : null}
            </Card>
          ) : null}
          <Card className="p-6">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
              Open to
            </h2>
            {openTo.length ? (
              <ul className="mt-3 flex flex-wrap gap-2">
                {openTo.map((o) => (
                  <li key={o.key}>
                    <Badge tone="spot">{o.label}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
                Not taking requests right now.
              </p>
            )}
          </Card>
          <AskForConversation
            handle={profile.handle}
            name={profile.display_name}
            ask={referenceAsk}
            signedIn={signedIn}
            isOwner={isOwner}
          />
          <Card className="p-6">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
              Expertise
            </h2>
            {profile.expertise.length ? (
              <ul className="mt-3 flex flex-wrap gap-2">
                {profile.expertise.map((tag) => (
                  <li key={tag}>
                    <Link to={`/advocates?tag=${encodeURIComponent(tag)}`}>
                      <Badge>{tag}</Badge>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
                No topics listed yet.
              </p>
            )}
          </Card>
          <Card className="p-6">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-stone-600 dark:text-stone-400">Member since</dt>
                <dd className="font-medium">{memberSince}</dd>
              </div>
              {links.length ? (
                <div>
                  <dt className="text-stone-600 dark:text-stone-400">Links</dt>
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
        </aside>
      </div>
    </Container>
  );
}

// A missing or hidden profile is answered here, so this route's meta gives the page its title.
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
