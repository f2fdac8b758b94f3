import type { Queryable } from "../../../db/client.ts";
import type { Locale } from "../../i18n/index.ts";
import type { Viewer } from "../access/policy.ts";
import { loadProfileAdvocacy } from "../advocacy/profile.server.ts";
import { listPublicCredentials } from "../credentials/reads.server.ts";
import { referenceAvailability } from "../promoters/reference-caps.server.ts";
import { publicHelpedCount } from "../promoters/referral-links.server.ts";
import { loadProfileReputation } from "../reputation/profile.server.ts";
import { shareImageUrl } from "../share/cards.server.ts";
import { testimonialsOf } from "../testimonials/testimonials.server.ts";
import { profileTier } from "../tiers/standing.server.ts";
import { getVisibleProfile } from "./profiles.server.ts";

/**
 * Everything a profile page shows, read side by side: the person, and what
 * each area has to say about them. Share links name the configured address
 * (`origin`), never whatever Host the request carried.
 */
export async function loadProfilePage(
  db: Queryable,
  viewer: Viewer,
  { handle, url, origin, locale }: { handle: string; url: URL; origin: string; locale?: Locale },
) {
  const profile = await getVisibleProfile(db, viewer, handle, locale);
  const shareAward = url.searchParams.get("share") === "award";
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
    loadProfileReputation(db, viewer, profile.id, url),
    profileTier(db, viewer, profile),
    referenceAvailability(db, viewer, profile),
    loadProfileAdvocacy(db, viewer, profile.id),
    testimonialsOf(db, viewer, profile.id),
    listPublicCredentials(db, profile.id),
    // A shared award link shows the award's picture; the page is the same profile.
    shareImageUrl(db, origin, shareAward ? "award" : "profile", profile.handle),
    publicHelpedCount(db, profile.id),
  ]);
  return {
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
  };
}

export type ProfilePage = Awaited<ReturnType<typeof loadProfilePage>>;
