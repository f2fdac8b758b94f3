import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { ProfileAdvocacySections } from "~/components/advocacy/profile-sections.tsx";
import { ProfileCredentials } from "~/components/credentials/profile-credentials.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ProfileHeader } from "~/components/profile/profile-header.tsx";
import {
  ProfileExpertise,
  ProfileFacts,
  ProfileOpenTo,
  ProfileTierCard,
} from "~/components/profile/profile-sidebar.tsx";
import { AskForConversation } from "~/components/promoters/ask-for-conversation.tsx";
import { ShareButtons } from "~/components/share/share-buttons.tsx";
import { ProfileTestimonials } from "~/components/testimonials/profile-testimonials.tsx";
import { Card } from "~/components/ui/card.tsx";
import { loadProfilePage } from "~/modules/profiles/profile-page.server.ts";
import { ProfileReputationSection } from "~/modules/reputation/profile-section.tsx";
import { shareSentence } from "~/modules/share/intents.ts";
import { shareImageMeta } from "~/modules/share/meta.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { NotFoundError } from "~/utils/errors.ts";
import { notFound } from "~/utils/http.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  try {
    return json(
      await loadProfilePage(context.db, viewer, {
        handle: params.handle ?? "",
        url: new URL(request.url),
        origin: context.env.PUBLIC_URL,
        locale: await localeOf(request, context),
      }),
    );
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(error.message);
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  if (!data) return [{ title: t("profile.notFoundTitle") }];
  const { profile, url } = data;
  const title = `${profile.display_name} · Limelight`;
  const description =
    profile.headline ||
    (profile.company
      ? t("profile.metaAtCompany", { name: profile.display_name, company: profile.company })
      : t("profile.metaOnLimelight", { name: profile.display_name }));
  const tags = [
    { title },
    { name: "description", content: description },
    { property: "og:type", content: "profile" },
    { property: "og:title", content: profile.display_name },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:site_name", content: "Limelight" },
    { property: "profile:username", content: profile.handle },
    ...shareImageMeta(data.imageUrl, t("profile.imageAlt", { name: profile.display_name })),
    { name: "twitter:title", content: profile.display_name },
    { name: "twitter:description", content: description },
    { tagName: "link", rel: "canonical", href: url },
  ];
  if (!profile.is_public) tags.push({ name: "robots", content: "noindex" });
  return tags;
};

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
  const { t } = useTranslation();
  return (
    <Container className="max-w-5xl">
      <ProfileHeader
        profile={profile}
        tier={tier}
        isOwner={isOwner}
        helpedCompanies={helpedCompanies}
      />

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card className="p-6">
            <h2 className="text-lg font-semibold">{t("profile.story")}</h2>
            {profile.bio_html ? (
              <div
                className="prose-ll mt-3"
                dangerouslySetInnerHTML={{ __html: profile.bio_html }}
              />
            ) : (
              <p className="mt-3 text-stone-600 dark:text-stone-400">
                {isOwner
                  ? t("profile.storyEmptyOwner")
                  : t("profile.storyEmpty", { name: profile.display_name })}
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
              heading={t("profile.shareAward")}
              url={`${url}?share=award`}
              text={shareSentence.award(tier.current.tier.name)}
            />
          ) : null}
        </div>
        <aside className="space-y-6">
          {tier ? <ProfileTierCard tier={tier} handle={profile.handle} /> : null}
          <ProfileOpenTo profile={profile} />
          <AskForConversation
            handle={profile.handle}
            name={profile.display_name}
            ask={referenceAsk}
            signedIn={signedIn}
            isOwner={isOwner}
          />
          <ProfileExpertise expertise={profile.expertise} />
          <ProfileFacts profile={profile} />
        </aside>
      </div>
    </Container>
  );
}

// A missing or hidden profile is answered here, so this route's meta gives the page its title.
export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
