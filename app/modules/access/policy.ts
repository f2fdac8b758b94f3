import { accountRules, type LocationSubject, type ProfileSubject } from "./account-rules.ts";
import { advocacyRules, type StorySubject, type TalkSubject } from "./advocacy-rules.ts";
import { communityRules, type ChapterSubject, type EventSubject } from "./community-rules.ts";
import {
  discussionRules,
  type PostSubject,
  type SpaceSubject,
  type ThreadSubject,
} from "./discussion-rules.ts";
import { promoterRules } from "./promoter-rules.ts";
import { reputationRules } from "./reputation-rules.ts";
import { tierRules } from "./tier-rules.ts";

export {
  hasRole,
  isAdmin,
  isProspect,
  isSignedIn,
  isStaff,
  isStaffRole,
  isVerifiedCustomer,
  STAFF_ROLES,
  tierRankOf,
  type Viewer,
} from "./viewer.ts";
export type {
  ChapterSubject,
  EventSubject,
  LocationSubject,
  PostSubject,
  ProfileSubject,
  SpaceSubject,
  StorySubject,
  TalkSubject,
  ThreadSubject,
};

/**
 * The one place that answers "may this person see or do this?". Pages,
 * loaders, actions, search and socket events all ask here; the UI only hides
 * what this already refuses. Each area's rules live in their own file beside
 * this one; a rule that leans on another asks through its own area's object.
 */
export const policy = {
  ...accountRules,
  ...tierRules,
  ...promoterRules,
  ...advocacyRules,
  ...reputationRules,
  ...discussionRules,
  ...communityRules,
};
