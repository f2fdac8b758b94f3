import { ForbiddenError, SignInRequiredError } from "../../utils/errors.ts";
import { policy, type Viewer } from "./policy.ts";

type Policy = typeof policy;
/** The name of a rule in the policy that judges a viewer (`"verifyTalk"`, `"manageSpeaking"` …). */
export type RuleName = {
  [K in keyof Policy]: Policy[K] extends (viewer: Viewer, ...args: never[]) => boolean ? K : never;
}[keyof Policy];
/** What a rule needs besides the viewer: the subject, and anything else it weighs. */
export type RuleArgs<K extends RuleName> = Policy[K] extends (
  viewer: Viewer,
  ...args: infer A
) => boolean
  ? A
  : never;

/** Asks the policy without throwing: `allowed("reviewStory", viewer, story)`. */
export function allowed<K extends RuleName>(
  rule: K,
  viewer: Viewer,
  ...args: RuleArgs<K>
): boolean {
  const judge = policy[rule] as unknown as (viewer: Viewer, ...args: RuleArgs<K>) => boolean;
  return judge(viewer, ...args);
}

/**
 * Asks the policy and throws the right error when it says no: 401 for
 * someone not signed in, 403 with the rule's sentence otherwise. Commands
 * call this instead of comparing roles or building their own errors.
 */
export function ensure<K extends RuleName>(
  rule: K,
  viewer: Viewer,
  ...args: RuleArgs<K>
): asserts viewer is NonNullable<Viewer> {
  if (allowed(rule, viewer, ...args)) return;
  throw refusal(rule, viewer, args);
}

/** The error for a refused rule, with the sentence a person should read. */
export function refusal<K extends RuleName>(
  rule: K,
  viewer: Viewer,
  args: RuleArgs<K>,
): ForbiddenError | SignInRequiredError {
  const message = REFUSALS[rule];
  const text: string | undefined =
    typeof message === "function" ? message(viewer, ...(args as unknown as never[])) : message;
  if (!viewer) return new SignInRequiredError(text ?? "Sign in to do that.");
  return new ForbiddenError(text ?? "You do not have access to this.");
}

type Refusal = string | ((viewer: Viewer, ...args: never[]) => string);

/** What each refused rule says. A rule without an entry gets the general sentence. */
const REFUSALS: Partial<Record<RuleName, Refusal>> = {
  manageSurveys: "Only community managers can send surveys and follow up on answers.",
  manageTestimonials: "Only community managers can start a case study from a testimonial.",
  manageRelationships: "Only community managers can see and keep an advocate's relationship notes.",
  editOwnGoals: "Sign in to keep your goals.",
  editProfile: "You can only edit your own profile.",
  manageChapters: "Only community managers can start chapters and appoint their leaders.",
  joinChapter: "Sign in to join a chapter.",
  postEvent: "Only community managers and this chapter's leaders can post its events.",
  manageEvent:
    "Only the organiser, the host, the chapter's leaders and managers can change this event.",
  recordAttendance:
    "Someone other than the host records attendance, so that hosting points are vouched for.",
  rsvpToEvent: "Sign in to save a seat.",
  seeEventLink: "The online link is for people holding a seat.",
  downloadPersonalData: "You can only download your own data.",
  deleteAccount: "You can only delete your own account.",
  verifyCustomers: "Only community managers can verify customers.",
  changeRoles: "Only admins can change roles.",
  useManagerTools: "Only the community team can use this.",
  readAuditLog: "Only the community team can read the audit log.",
  manageOutbox: "Only admins can read the outbox.",
  manageIntegrations: "Only admins can manage webhooks and API tokens.",
  submitReferralFor: "Only the community team can record a referral for an advocate.",
  configureSignIn: "Only admins can change how people sign in.",
  rotateCredentialKey: "Only admins can rotate the credential signing key.",
  reissueCredentials: "Only the advocate or the community team can re-issue these credentials.",
  configureEmbeds: "Only admins can choose which websites may show embedded widgets.",
  manageEarlyAccess: "Only community managers can manage early access.",
  readEarlyAccessLog: "Only community managers can read the access log.",
  manageTierAwards: "Only community managers can grant, renew or revoke tiers.",
  decideNominations: "Only community managers decide on nominations.",
  readEarlyAccessItem: "This item is not open to your tier yet.",
  acknowledgeNdaTerms: "Only members with a tier acknowledge these terms.",
  editTierCatalogue: "Only admins can change the tier catalogue.",
  nominateForTier: "Only verified customers and the community team can nominate.",
  managePromoters: "Only community managers can work with promoters.",
  requestReference: "Sign in to ask for a conversation.",
  requestReferenceOnBehalf: "Only community managers can ask on someone else's behalf.",
  viewReferenceRequest: "We could not find that request.",
  respondToReference: "Only the advocate who was asked can answer this request.",
  manageReferences: "Only community managers can manage conversation requests.",
  setReferenceCap: "Sign in to set your monthly limit.",
  cancelReference: "Only the person who asked or a manager can cancel this.",
  markReferenceHeld: "Only the two people in the conversation can mark it as held.",
  rateReference: "Only the person who asked can say whether it helped.",
  submitReferral: "Only verified customers can refer someone.",
  manageReferrals: "Only community managers can manage referrals.",
  shareReferralLinks: "Personal referral links are for verified advocates.",
  manageSpeaking: "Only community managers can manage speaking opportunities.",
  decideApplication: (viewer, application: { advocateId: number }) =>
    viewer && viewer.id === application.advocateId
      ? "Another manager decides your own application."
      : "Only community managers can decide applications.",
  applyToSpeak: "Only verified customers can apply to speak.",
  logTalk: "Only verified customers can log talks.",
  addTalkEvidence: "Only the speaker can add a recording or slides.",
  verifyTalk: (viewer, talk: { speakerId: number }) =>
    viewer && viewer.id === talk.speakerId
      ? "You cannot verify your own talk; another community manager does that."
      : "Only community managers can verify talks.",
  rejectTalk: (viewer, talk: { speakerId: number }) =>
    viewer && viewer.id === talk.speakerId
      ? "You cannot decide on your own talk."
      : "Only community managers can reject talks.",
  writeStory: "Only verified customers can write customer stories.",
  editStory: "Only the author can edit this story.",
  reviewStory: (viewer, story?: { authorId: number }) =>
    viewer && story && viewer.id === story.authorId
      ? "You cannot review your own story; another community manager does that."
      : "Only community managers can review stories.",
  startStoryFromSource: "Only community managers can start a story for someone.",
  viewReputationSettings: "Only the community team can see the point rules.",
  changeReputationSettings: "Only admins can change reputation settings.",
  awardPointsManually: (viewer, recipientId?: number) =>
    viewer && viewer.id === recipientId
      ? "Managers cannot award points to themselves."
      : "Only community managers can award points by hand.",
  exportLedger: "You can only download your own points history.",
  moderateDiscussions: "Only community managers can moderate discussions.",
  startThread: (viewer, _space: unknown, kind: "question" | "discussion") =>
    viewer?.role === "prospect"
      ? kind === "discussion"
        ? "Discussions are started by verified customers. You can ask a question instead."
        : "Questions from visitors go to a space that welcomes them, such as “Ask the community”."
      : "Starting discussions opens up with reputation. You can ask a question meanwhile.",
  replyToThread: (_viewer, thread: { lockedAt: Date | null }) =>
    thread.lockedAt
      ? "This thread is locked: it no longer takes new replies."
      : "Replies in this space are open to verified customers.",
  editPost: (_viewer, thread: { lockedAt: Date | null }) =>
    thread.lockedAt
      ? "This thread is locked: posts can no longer be edited."
      : "You can only edit your own posts.",
  deletePost: (_viewer, thread: { lockedAt: Date | null }) =>
    thread.lockedAt
      ? "This thread is locked: posts can no longer be deleted."
      : "You can only delete your own posts.",
  votePost: (viewer, _thread: unknown, post: { authorId: number }) =>
    viewer?.id === post.authorId
      ? "You cannot vote on your own post."
      : viewer?.role === "prospect"
        ? "Voting opens once you have earned some reputation by taking part."
        : "Voting opens once you have earned 15 reputation points.",
  flagPost: (viewer, _thread: unknown, post: { authorId: number }) =>
    viewer?.id === post.authorId
      ? "You cannot flag your own post."
      : "Flagging opens once you have earned 15 reputation points.",
  acceptAnswer:
    "Only the person who asked (or a community manager) can choose the accepted answer.",
  seeVoteBreakdown: "Vote breakdowns are open to moderators and long-standing members.",
  takePartWithConfirmedEmail:
    "Confirm your email address first: open the link we sent you, or use “Send the link again” at the top of the page.",
};
