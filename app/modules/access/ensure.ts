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
  verifyCustomers: "Only community managers can verify customers.",
  changeRoles: "Only admins can change roles.",
  useManagerTools: "Only the community team can use this.",
  readAuditLog: "Only the community team can read the audit log.",
  manageEarlyAccess: "Only community managers can manage early access.",
  readEarlyAccessLog: "Only community managers can read the access log.",
  manageTierAwards: "Only community managers can grant, renew or revoke tiers.",
  editTierCatalogue: "Only admins can change the tier catalogue.",
  nominateForTier: "Only verified customers and the community team can nominate.",
  managePromoters: "Only community managers can work with promoters.",
  requestReference: "Sign in to ask for a conversation.",
  requestReferenceOnBehalf: "Only community managers can ask on someone's behalf.",
  viewReferenceRequest: "We could not find that request.",
  respondToReference: "Only the advocate who was asked can answer this request.",
  manageReferences: "Only community managers can manage conversation requests.",
  submitReferral: "Only verified customers can refer someone.",
  manageReferrals: "Only community managers can manage referrals.",
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
  changeReputationSettings: "Only admins can change the point rules.",
  awardPointsManually: (viewer, recipientId?: number) =>
    viewer && viewer.id === recipientId
      ? "You cannot award points to yourself."
      : "Only community managers can award points.",
  exportLedger: "You can only download your own points history.",
  moderateDiscussions: "Only moderators can do that.",
};
