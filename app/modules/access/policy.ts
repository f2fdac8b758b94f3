import type { Role } from "../../../db/schema.ts";
import { holdsPrivilege, type PrivilegeKey, type PrivilegeThresholds } from "./privileges.ts";
import { isPublicAt, isReadableAt, type CascadeSubject } from "./cascade.ts";

/**
 * The one place that answers "may this person see or do this?". Pages,
 * loaders, actions, search and socket events all ask here; the UI only hides
 * what this already refuses.
 */
export type Viewer = {
  id: number;
  role: Role;
  /** Reputation balance, when loaded (app/modules/viewer/viewer.server.ts). */
  reputation?: number;
  /** Rank of the viewer's effective tier, when tiers are known. */
  tierRank?: number;
  /** Privilege thresholds in force (admins' settings), loaded with the viewer. */
  privilegeThresholds?: Partial<PrivilegeThresholds>;
  /** False until the person confirms their email address (loaded with the viewer). */
  emailVerified?: boolean;
} | null;

export const isSignedIn = (viewer: Viewer): viewer is NonNullable<Viewer> => viewer !== null;
export const isStaff = (viewer: Viewer) => viewer?.role === "manager" || viewer?.role === "admin";
export const isAdmin = (viewer: Viewer) => viewer?.role === "admin";

/** Anyone or anything with a role: a viewer, or a person's row on a page. */
type WithRole = { role: Role | string | null } | null | undefined;
export const hasRole = (person: WithRole, role: Role) => person?.role === role;
/** Signed up, not yet verified as a customer by a community manager. */
export const isProspect = (person: WithRole) => hasRole(person, "prospect");
/** A verified customer: an advocate. */
export const isVerifiedCustomer = (person: WithRole) => hasRole(person, "advocate");

export interface ProfileSubject {
  userId: number;
  isPublic: boolean;
}

export const policy = {
  /** A public profile is for everyone; a private one only for signed-in members and its owner. */
  viewProfile(viewer: Viewer, profile: ProfileSubject): boolean {
    if (profile.isPublic) return true;
    return isSignedIn(viewer);
  },
  /** Private profiles are listed in the directory only for signed-in members. */
  seePrivateProfilesInDirectory(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
  // Where a person is: private unless they make it public. A private
  // location is shown to its owner alone and is never matched by a filter,
  // not even the owner's own search or a manager's, so a filter's results
  // never reveal who is where.
  viewLocation(viewer: Viewer, location: LocationSubject): boolean {
    return location.locationPublic || viewer?.id === location.userId;
  },
  /** Whether region filters (directory, leaderboard, reference finder) may match this location. */
  matchLocation(location: Pick<LocationSubject, "locationPublic">): boolean {
    return location.locationPublic;
  },
  editProfile(viewer: Viewer, profile: ProfileSubject): boolean {
    return viewer?.id === profile.userId;
  },
  /** One's own account: password, sessions. */
  editOwnAccount(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
  // Privacy: a person's own data. Only the person may download it or delete
  // the account; not even staff, so a download never carries someone else's data.
  downloadPersonalData(viewer: Viewer, owner: { userId: number }): boolean {
    return isSignedIn(viewer) && viewer.id === owner.userId;
  },
  deleteAccount(viewer: Viewer, owner: { userId: number }): boolean {
    return isSignedIn(viewer) && viewer.id === owner.userId;
  },
  verifyCustomers(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  changeRoles(viewer: Viewer): boolean {
    return isAdmin(viewer);
  },
  useManagerTools(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  readAuditLog(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Every message that left (or is waiting to leave) the site: admins only, it holds people's mail. */
  manageOutbox(viewer: Viewer): boolean {
    return isAdmin(viewer);
  },
  // Single sign-on: how people sign in (the identity provider, its secret,
  // whether passwords may still sign up) is an admin's decision.
  configureSignIn(viewer: Viewer): boolean {
    return isAdmin(viewer);
  },
  /** A credential's page and files: public ones for everyone; private ones for their holder and staff. */
  viewCredential(viewer: Viewer, credential: { userId: number; isPublic: boolean }): boolean {
    if (credential.isPublic) return true;
    return viewer !== null && (viewer.id === credential.userId || isStaff(viewer));
  },
  /** The key that signs verifiable credentials: rotating it is an admin's decision. */
  rotateCredentialKey(viewer: Viewer): boolean {
    return isAdmin(viewer);
  },
  /** Re-issuing a person's credentials: the person themselves, or staff. */
  reissueCredentials(viewer: Viewer, owner: { userId: number }): boolean {
    return viewer !== null && (viewer.id === owner.userId || isStaff(viewer));
  },
  /** Which other websites may frame the embeddable widgets: admins only. */
  configureEmbeds(viewer: Viewer): boolean {
    return isAdmin(viewer);
  },
  // Tiers and early access. Items open tier by tier at read time (the
  // release cascade), so a new award or a date that passes needs no deploy.
  /** May this person read this early-access item now? Staff always; others by tier and date. */
  readEarlyAccessItem(viewer: Viewer, item: CascadeSubject, now: Date = new Date()): boolean {
    if (isStaff(viewer)) return true;
    return isReadableAt(item, tierRankOf(viewer), now);
  },
  /** The teaser of a published item: members with a tier see all; others only what becomes public. */
  seeEarlyAccessTeaser(viewer: Viewer, item: CascadeSubject, now: Date = new Date()): boolean {
    if (policy.readEarlyAccessItem(viewer, item, now)) return true;
    if (item.status !== "published") return false;
    return tierRankOf(viewer) > 0 || item.publicAt !== null;
  },
  /** Reading an NDA item before general availability needs the tier's terms acknowledged. */
  earlyAccessNeedsNda(
    viewer: Viewer,
    item: CascadeSubject & { requiresNda: boolean },
    now: Date = new Date(),
  ): boolean {
    return item.requiresNda && !isStaff(viewer) && !isPublicAt(item, now);
  },
  manageEarlyAccess(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  readEarlyAccessLog(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Grant, renew and revoke awarded tiers; review nominations and renewals. */
  manageTierAwards(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Accept or decline a nomination (accepting grants the tier). */
  decideNominations(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** A member with a tier acknowledges its NDA terms before reading NDA items early. */
  acknowledgeNdaTerms(viewer: Viewer): boolean {
    return tierRankOf(viewer) > 0;
  },
  editTierCatalogue(viewer: Viewer): boolean {
    return isAdmin(viewer);
  },
  /** Verified customers and the community team nominate advocates for an awarded tier. */
  nominateForTier(viewer: Viewer): boolean {
    return isSignedIn(viewer) && viewer.role !== "prospect";
  },
  // Promoters, references and referrals.
  /** NPS import, promoter invitations and the return-on-relationship dashboard. */
  managePromoters(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Any signed-in person may ask an advocate for a conversation (never themselves). */
  requestReference(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
  requestReferenceOnBehalf(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  viewReferenceRequest(
    viewer: Viewer,
    request: { advocateId: number; prospectId: number; requestedBy: number },
  ): boolean {
    if (!isSignedIn(viewer)) return false;
    if (isStaff(viewer)) return true;
    return [request.advocateId, request.prospectId, request.requestedBy].includes(viewer.id);
  },
  respondToReference(viewer: Viewer, request: { advocateId: number }): boolean {
    return viewer?.id === request.advocateId;
  },
  /** Emails are shared only once the advocate has accepted, and only with the two people (and staff). */
  seeReferenceContacts(
    viewer: Viewer,
    request: { status: string; advocateId: number; prospectId: number },
  ): boolean {
    if (!isSignedIn(viewer)) return false;
    if (isStaff(viewer)) return true;
    const party = viewer.id === request.advocateId || viewer.id === request.prospectId;
    return party && (request.status === "accepted" || request.status === "completed");
  },
  manageReferences(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Anyone signed in keeps their own monthly reference limit. */
  setReferenceCap(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
  /** The person who asked (or asked for someone), or staff, may withdraw an open request. */
  cancelReference(viewer: Viewer, request: { prospectId: number; requestedBy: number }): boolean {
    if (!isSignedIn(viewer)) return false;
    return isStaff(viewer) || [request.prospectId, request.requestedBy].includes(viewer.id);
  },
  /** Only the two people in a conversation mark it as held. */
  markReferenceHeld(viewer: Viewer, request: { advocateId: number; prospectId: number }): boolean {
    return viewer?.id === request.advocateId || viewer?.id === request.prospectId;
  },
  /** Only the person who asked says whether it helped. */
  rateReference(viewer: Viewer, request: { prospectId: number }): boolean {
    return viewer?.id === request.prospectId;
  },
  submitReferral(viewer: Viewer): boolean {
    return viewer?.role === "advocate";
  },
  viewReferral(viewer: Viewer, referral: { advocateId: number }): boolean {
    return isStaff(viewer) || viewer?.id === referral.advocateId;
  },
  manageReferrals(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Personal referral links, and the consent to "helped N companies decide", are an advocate's. */
  shareReferralLinks(viewer: Viewer): boolean {
    return isVerifiedCustomer(viewer);
  },

  // Advocacy: speaking opportunities, talks and case studies.
  /** Managers post speaking opportunities and decide applications. */
  manageSpeaking(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** A manager decides applications to speak, never their own. */
  decideApplication(viewer: Viewer, application: { advocateId: number }): boolean {
    return isStaff(viewer) && viewer?.id !== application.advocateId;
  },
  /** Verified customers apply to speak (and must say they are open to it on their profile). */
  applyToSpeak(viewer: Viewer): boolean {
    return viewer?.role === "advocate";
  },
  logTalk(viewer: Viewer): boolean {
    return viewer?.role === "advocate";
  },
  /** Talks a manager has vetted are public; others only for their speaker and staff. */
  viewTalk(viewer: Viewer, talk: TalkSubject): boolean {
    if (talk.status === "verified") return true;
    if (talk.status === "scheduled" && talk.origin === "opportunity") return true;
    return viewer?.id === talk.speakerId || isStaff(viewer);
  },
  addTalkEvidence(viewer: Viewer, talk: TalkSubject): boolean {
    return viewer?.id === talk.speakerId;
  },
  /** A manager verifies or rejects a talk, never their own. */
  verifyTalk(viewer: Viewer, talk: TalkSubject): boolean {
    return isStaff(viewer) && viewer?.id !== talk.speakerId;
  },
  /** Rejecting is the same decision as verifying: staff, never on their own talk. */
  rejectTalk(viewer: Viewer, talk: TalkSubject): boolean {
    return policy.verifyTalk(viewer, talk);
  },
  writeStory(viewer: Viewer): boolean {
    return viewer?.role === "advocate";
  },
  editStory(viewer: Viewer, story: StorySubject): boolean {
    return viewer?.id === story.authorId;
  },
  /** A story's working copy and review notes: its author and staff. */
  viewStoryDraft(viewer: Viewer, story: StorySubject): boolean {
    return viewer?.id === story.authorId || isStaff(viewer);
  },
  /** Managers review, publish and unpublish stories, never their own. */
  reviewStory(viewer: Viewer, story?: StorySubject): boolean {
    return isStaff(viewer) && viewer?.id !== story?.authorId;
  },
  /** Managers start a story draft for an advocate from a discussion (and later a survey). */
  startStoryFromSource(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Reputation unlocks privileges at configurable thresholds; staff hold them all. */
  hasPrivilege(
    viewer: Viewer,
    key: PrivilegeKey,
    thresholds?: Partial<PrivilegeThresholds>,
  ): boolean {
    return holdsPrivilege(viewer, key, thresholds ?? viewer?.privilegeThresholds);
  },
  /** Rule values and thresholds: admins change them, managers may look. */
  viewReputationSettings(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  changeReputationSettings(viewer: Viewer): boolean {
    return isAdmin(viewer);
  },
  /** Manual awards and corrections, always with a reason; never to oneself. */
  awardPointsManually(viewer: Viewer, recipientId?: number): boolean {
    return isStaff(viewer) && viewer?.id !== recipientId;
  },
  /** A person's full ledger as a file: theirs, and staff's. */
  exportLedger(viewer: Viewer, ownerId: number): boolean {
    return viewer?.id === ownerId || isStaff(viewer);
  },

  // Discussions: spaces, threads and posts. Pages, lists, search, notifications
  // and socket events all ask these, so a restricted thread never leaks.
  readSpace(viewer: Viewer, space: SpaceSubject): boolean {
    if (space.visibility === "public") return true;
    if (space.visibility === "members") return isSignedIn(viewer);
    return meetsTier(viewer, space.minTierRank);
  },
  startThread(viewer: Viewer, space: SpaceSubject, kind: "question" | "discussion"): boolean {
    if (!isSignedIn(viewer) || !policy.readSpace(viewer, space)) return false;
    if (isStaff(viewer)) return true;
    if (viewer.role === "prospect") return kind === "question" && space.prospectsMayAsk;
    return kind === "question" || canUse(viewer, "start_discussion");
  },
  readThread(viewer: Viewer, thread: ThreadSubject): boolean {
    if (thread.deletedAt) return false;
    if (!policy.readSpace(viewer, thread.space)) return false;
    return !thread.hiddenAt || isStaff(viewer);
  },
  replyToThread(viewer: Viewer, thread: ThreadSubject): boolean {
    if (!isSignedIn(viewer) || !policy.readThread(viewer, thread)) return false;
    if (isStaff(viewer)) return true;
    if (thread.lockedAt) return false;
    // Prospects take part where they may ask, and always in their own questions.
    if (viewer.role === "prospect")
      return thread.space.prospectsMayAsk || thread.authorId === viewer.id;
    return true;
  },
  readPost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!policy.readThread(viewer, thread)) return false;
    return isStaff(viewer) || (!post.hiddenAt && !post.deletedAt);
  },
  /** Authors edit their posts; long-standing members may fix others' (the "edit_others" privilege). */
  editPost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!isSignedIn(viewer) || post.deletedAt || !policy.readThread(viewer, thread)) return false;
    if (isStaff(viewer)) return true;
    if (post.hiddenAt || thread.lockedAt) return false;
    return post.authorId === viewer.id || canUse(viewer, "edit_others");
  },
  deletePost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!isSignedIn(viewer) || post.deletedAt || !policy.readThread(viewer, thread)) return false;
    if (isStaff(viewer)) return true;
    return post.authorId === viewer.id && !post.hiddenAt && !thread.lockedAt;
  },
  votePost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!isSignedIn(viewer) || post.authorId === viewer.id) return false;
    if (post.hiddenAt || post.deletedAt || !policy.readThread(viewer, thread)) return false;
    return canUse(viewer, "vote");
  },
  flagPost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!isSignedIn(viewer) || post.authorId === viewer.id) return false;
    if (post.deletedAt || !policy.readPost(viewer, thread, post)) return false;
    return canUse(viewer, "flag");
  },
  acceptAnswer(viewer: Viewer, thread: ThreadSubject): boolean {
    if (!isSignedIn(viewer) || thread.kind !== "question") return false;
    if (!policy.readThread(viewer, thread)) return false;
    return thread.authorId === viewer.id || isStaff(viewer);
  },
  seeVoteBreakdown(viewer: Viewer): boolean {
    return canUse(viewer, "see_vote_breakdown");
  },
  /** Hide and unhide posts, lock and move threads, work the flag queue, mark replies helpful. */
  moderateDiscussions(viewer: Viewer): boolean {
    return isStaff(viewer);
  },

  // Integrations: webhooks and the REST API. What leaves in a webhook is what
  // an anonymous visitor may see (ask the other rules with a null viewer); an
  // API token acts as the person who created it, through these same rules.
  /** Webhook endpoints and API tokens send the program's data to other systems: admins only. */
  manageIntegrations(viewer: Viewer): boolean {
    return isAdmin(viewer);
  },
  /** A referral recorded for an advocate by someone else (a CRM through the API): the community team. */
  submitReferralFor(viewer: Viewer): boolean {
    return isStaff(viewer);
  },

  // Email verification. A new account reads and keeps its session, but posts,
  // votes and asks for conversations only once its address is confirmed. The
  // commands that do those ask this before their own rule; people with no
  // account are left to that rule (which asks them to sign in).
  takePartWithConfirmedEmail(viewer: Viewer): boolean {
    return !isSignedIn(viewer) || viewer.emailVerified !== false;
  },

  // --- NPS surveys, follow-ups and testimonials ---
  /** Create and send surveys, see their results, work detractor follow-ups. */
  manageSurveys(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** The testimonial wall is public: every entry on it was published with consent. */
  readTestimonials(_viewer: Viewer): boolean {
    return true;
  },
  /** Start a case-study draft from a testimonial. */
  manageTestimonials(viewer: Viewer): boolean {
    return isStaff(viewer);
  },

  // --- The relationship behind each advocate ---
  /** An advocate's relationship page: their goals, and the team's conversations and next steps. */
  manageRelationships(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Everyone signed in keeps their own goals, in their own words. */
  editOwnGoals(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
  // --- Chapters and events ---
  /** Start chapters and appoint their leaders: the community team. */
  manageChapters(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Anyone signed in may join or leave a chapter. */
  joinChapter(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
  /** Managers post events anywhere; chapter leaders post them for their own chapter. */
  postEvent(viewer: Viewer, chapter: ChapterSubject | null): boolean {
    if (isStaff(viewer)) return true;
    return isSignedIn(viewer) && !!chapter && chapter.leaderIds.includes(viewer.id);
  },
  /** Change or cancel an event: staff, its organiser, its host and its chapter's leaders. */
  manageEvent(viewer: Viewer, event: EventSubject): boolean {
    if (isStaff(viewer)) return true;
    if (!isSignedIn(viewer)) return false;
    return (
      viewer.id === event.organiserId ||
      viewer.id === event.hostId ||
      event.chapterLeaderIds.includes(viewer.id)
    );
  },
  /**
   * Attendance turns hosting and speaking into points, so the host never
   * records it for their own event: someone else vouches for it.
   */
  recordAttendance(viewer: Viewer, event: EventSubject): boolean {
    return policy.manageEvent(viewer, event) && viewer?.id !== event.hostId;
  },
  /**
   * After the event, whoever runs it (staff, its organiser, host or chapter
   * leaders) publishes its recording as early-access content for a tier or
   * for everyone. Who may then watch it is the early-access rules' answer.
   */
  publishEventRecording(viewer: Viewer, event: EventSubject): boolean {
    return policy.manageEvent(viewer, event);
  },
  rsvpToEvent(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
  /** The online link: people holding a seat, the speakers, the host and whoever manages the event. */
  seeEventLink(viewer: Viewer, event: EventSubject & { viewerHasSeat: boolean }): boolean {
    if (!isSignedIn(viewer)) return false;
    return (
      event.viewerHasSeat ||
      event.speakerIds.includes(viewer.id) ||
      policy.manageEvent(viewer, event)
    );
  },
};

export interface LocationSubject {
  userId: number;
  locationPublic: boolean;
}

export interface SpaceSubject {
  visibility: "public" | "members" | "tier";
  minTierRank: number | null;
  prospectsMayAsk: boolean;
}

export interface ThreadSubject {
  kind: "question" | "discussion";
  authorId: number;
  space: SpaceSubject;
  lockedAt: Date | string | null;
  hiddenAt: Date | string | null;
  deletedAt: Date | string | null;
}

export interface PostSubject {
  authorId: number;
  hiddenAt: Date | string | null;
  deletedAt: Date | string | null;
}

/** Staff always read tier spaces; others once their tier rank is known and high enough. */
function meetsTier(viewer: Viewer, minTierRank: number | null): boolean {
  if (isStaff(viewer)) return true;
  if (!isSignedIn(viewer) || viewer.tierRank === undefined) return false;
  return viewer.tierRank >= (minTierRank ?? 0);
}

function canUse(viewer: Viewer, privilege: PrivilegeKey): boolean {
  return policy.hasPrivilege(viewer, privilege);
}

export interface TalkSubject {
  speakerId: number;
  status: "scheduled" | "pending" | "verified" | "rejected";
  origin: "opportunity" | "self_reported";
}

export interface ChapterSubject {
  leaderIds: number[];
}

export interface EventSubject {
  organiserId: number | null;
  hostId: number;
  speakerIds: number[];
  chapterLeaderIds: number[];
}

export interface StorySubject {
  authorId: number;
}

/** A prospect has no tier, whatever the viewer says. */
export function tierRankOf(viewer: Viewer): number {
  if (!isSignedIn(viewer) || viewer.role === "prospect") return 0;
  return viewer.tierRank ?? 0;
}
