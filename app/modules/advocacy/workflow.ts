import type { ApplicationStatus, StoryStatus, TalkStatus } from "../../../db/tables/advocacy.ts";
import { ConflictError } from "../auth/errors.ts";
import { APPLICATION_STATUS_LABELS, STORY_STATUS_LABELS, TALK_STATUS_LABELS } from "./formats.ts";

/**
 * Which step may follow which, for stories, talks and applications. One
 * table per workflow; the domain functions ask here before they write, and
 * the pages ask here to decide which buttons to show.
 */

export const STORY_TRANSITIONS = {
  /** The author accepts a draft a manager started for them. */
  accept: { from: ["proposed"], to: "draft", by: "author" },
  /** The author turns a manager's proposal down. */
  turnDown: { from: ["proposed"], to: "withdrawn", by: "author" },
  edit: { from: ["draft", "changes_requested"], to: null, by: "author" },
  /** Editing a story that has been published starts a new version; the live one stays up. */
  revise: { from: ["published", "unpublished"], to: "draft", by: "author" },
  submit: { from: ["draft", "changes_requested"], to: "submitted", by: "author" },
  requestChanges: { from: ["submitted"], to: "changes_requested", by: "staff" },
  publish: { from: ["submitted"], to: "published", by: "staff" },
  decline: { from: ["submitted"], to: "declined", by: "staff" },
  unpublish: { from: ["published"], to: "unpublished", by: "staff" },
  republish: { from: ["unpublished"], to: "published", by: "staff" },
} as const satisfies Record<
  string,
  { from: readonly StoryStatus[]; to: StoryStatus | null; by: "author" | "staff" }
>;
export type StoryAction = keyof typeof STORY_TRANSITIONS;

export function canStory(action: StoryAction, status: StoryStatus): boolean {
  return (STORY_TRANSITIONS[action].from as readonly StoryStatus[]).includes(status);
}

const storyRefusals: Partial<Record<StoryAction, string>> = {
  edit: "This story can only be edited while it is a draft or has changes requested.",
  submit: "Only a draft, or a story with changes requested, can be submitted for review.",
  requestChanges: "Changes can only be requested on a story that is in review.",
  publish: "Only a story that is in review can be published.",
  decline: "Only a story that is in review can be declined.",
  unpublish: "Only a published story can be unpublished.",
  republish: "Only an unpublished story can be published again.",
  revise: "Only a published or unpublished story can be revised.",
  accept: "This story is not waiting for you to accept it.",
  turnDown: "This story is not waiting for you to accept it.",
};

export function assertStoryTransition(action: StoryAction, status: StoryStatus): void {
  if (canStory(action, status)) return;
  throw new ConflictError(
    `${storyRefusals[action] ?? "That step is not possible now."} It is “${STORY_STATUS_LABELS[status]}”.`,
  );
}

export const TALK_TRANSITIONS = {
  addEvidence: { from: ["scheduled", "pending", "rejected"], to: "pending" },
  verify: { from: ["pending", "rejected"], to: "verified" },
  reject: { from: ["scheduled", "pending", "verified"], to: "rejected" },
} as const satisfies Record<string, { from: readonly TalkStatus[]; to: TalkStatus }>;
export type TalkAction = keyof typeof TALK_TRANSITIONS;

export function canTalk(action: TalkAction, status: TalkStatus): boolean {
  return (TALK_TRANSITIONS[action].from as readonly TalkStatus[]).includes(status);
}

export function assertTalkTransition(action: TalkAction, status: TalkStatus): void {
  if (canTalk(action, status)) return;
  const what = {
    addEvidence: "Evidence can no longer be changed",
    verify: "This talk cannot be verified now",
    reject: "This talk cannot be rejected now",
  }[action];
  throw new ConflictError(`${what}: it is “${TALK_STATUS_LABELS[status]}”.`);
}

export const APPLICATION_TRANSITIONS = {
  shortlist: { from: ["pending"], to: "shortlisted" },
  accept: { from: ["pending", "shortlisted"], to: "accepted" },
  decline: { from: ["pending", "shortlisted"], to: "declined" },
  withdraw: { from: ["pending", "shortlisted"], to: "withdrawn" },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>;
export type ApplicationAction = keyof typeof APPLICATION_TRANSITIONS;

export function canApplication(action: ApplicationAction, status: ApplicationStatus): boolean {
  return (APPLICATION_TRANSITIONS[action].from as readonly ApplicationStatus[]).includes(status);
}

export function assertApplicationTransition(
  action: ApplicationAction,
  status: ApplicationStatus,
): void {
  if (canApplication(action, status)) return;
  throw new ConflictError(
    `This application has already been decided: it is “${APPLICATION_STATUS_LABELS[status].toLowerCase()}”.`,
  );
}

/** Slug from a title: lowercase words joined by dashes, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "story";
}
