import { isStaff, type Viewer } from "./viewer.ts";

export interface TalkSubject {
  speakerId: number;
  status: "scheduled" | "pending" | "verified" | "rejected";
  origin: "opportunity" | "self_reported";
}

export interface StorySubject {
  authorId: number;
}

/** Speaking opportunities, applications, talks and case studies. */
export const advocacyRules = {
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
    return advocacyRules.verifyTalk(viewer, talk);
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
};
