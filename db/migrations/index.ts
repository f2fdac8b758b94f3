import type { Migration } from "kysely";
import * as foundation from "./2026-11-22T0700_foundation.ts";
import * as reputation from "./2026-11-22T0800_reputation.ts";
import * as discussions from "./2026-11-22T0900_discussions.ts";
import * as advocacy from "./2026-11-22T1000_advocacy.ts";
import * as tiers from "./2026-11-22T1100_tiers.ts";
import * as promoters from "./2026-11-22T1200_promoters.ts";
import * as notices from "./2026-11-22T1300_notices.ts";
import * as authAttemptsClient from "./2026-12-01T0900_auth_attempts_client.ts";
import * as outbox from "./2026-12-01T0900_outbox.ts";
import * as privacyInvitations from "./2026-12-02T0100_privacy_invitations.ts";
import * as emailVerification from "./2026-12-02T0200_email_verification.ts";
import * as mailPreferences from "./2026-12-02T0300_mail_preferences.ts";
import * as signInProviders from "./2026-12-02T0400_sign_in_providers.ts";
import * as integrations from "./2026-12-02T0500_integrations.ts";
import * as surveys from "./2026-12-02T0600_surveys.ts";
import * as searchTrigrams from "./2026-12-02T0700_search_trigrams.ts";
import * as threadViews from "./2026-12-02T0900_thread_views.ts";
import * as mailSuppressions from "./2026-12-03T0100_mail_suppressions.ts";
import * as referralCredit from "./2026-12-03T0200_referral_credit.ts";
import * as relationships from "./2026-12-03T0300_relationships.ts";
import * as credentials from "./2026-12-03T0400_credentials.ts";
import * as embedOrigins from "./2026-12-03T0500_embed_origins.ts";
import * as chaptersEvents from "./2026-12-03T0600_chapters_events.ts";
import * as storyVideo from "./2026-12-03T1100_story_video.ts";
import * as advocateLocation from "./2026-12-03T1200_advocate_location.ts";
import * as eventReminders from "./2026-12-03T1210_event_reminders.ts";
import * as memberLocale from "./2026-12-03T1800_member_locale.ts";
import * as contentLanguage from "./2026-12-03T1820_content_language.ts";

/**
 * Every migration, by name. An explicit map (not a folder scan) so that the
 * bundled server and the CLI see exactly the same list. Names sort by date.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-22T0700_foundation": foundation,
  "2026-11-22T0800_reputation": reputation,
  "2026-11-22T0900_discussions": discussions,
  "2026-11-22T1000_advocacy": advocacy,
  "2026-11-22T1100_tiers": tiers,
  "2026-11-22T1200_promoters": promoters,
  "2026-11-22T1300_notices": notices,
  "2026-12-01T0900_auth_attempts_client": authAttemptsClient,
  "2026-12-01T0900_outbox": outbox,
  "2026-12-02T0100_privacy_invitations": privacyInvitations,
  "2026-12-02T0200_email_verification": emailVerification,
  "2026-12-02T0300_mail_preferences": mailPreferences,
  "2026-12-02T0400_sign_in_providers": signInProviders,
  "2026-12-02T0500_integrations": integrations,
  "2026-12-02T0600_surveys": surveys,
  "2026-12-02T0700_search_trigrams": searchTrigrams,
  "2026-12-02T0900_thread_views": threadViews,
  "2026-12-03T0100_mail_suppressions": mailSuppressions,
  "2026-12-03T0200_referral_credit": referralCredit,
  "2026-12-03T0300_relationships": relationships,
  "2026-12-03T0400_credentials": credentials,
  "2026-12-03T0500_embed_origins": embedOrigins,
  "2026-12-03T0600_chapters_events": chaptersEvents,
  "2026-12-03T1100_story_video": storyVideo,
  "2026-12-03T1200_advocate_location": advocateLocation,
  "2026-12-03T1210_event_reminders": eventReminders,
  "2026-12-03T1800_member_locale": memberLocale,
  "2026-12-03T1820_content_language": contentLanguage,
};
