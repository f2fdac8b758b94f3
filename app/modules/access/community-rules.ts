import { isSignedIn, isStaff, type Viewer } from "./viewer.ts";

export interface ChapterSubject {
  leaderIds: number[];
}

export interface EventSubject {
  organiserId: number | null;
  hostId: number;
  speakerIds: number[];
  chapterLeaderIds: number[];
}

/** Chapters and the events they hold. */
export const communityRules = {
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
    return communityRules.manageEvent(viewer, event) && viewer?.id !== event.hostId;
  },
  /**
   * After the event, whoever runs it (staff, its organiser, host or chapter
   * leaders) publishes its recording as early-access content for a tier or
   * for everyone. Who may then watch it is the early-access rules' answer.
   */
  publishEventRecording(viewer: Viewer, event: EventSubject): boolean {
    return communityRules.manageEvent(viewer, event);
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
      communityRules.manageEvent(viewer, event)
    );
  },
};
