import type { Role } from "../../../db/schema.ts";

/**
 * The one place that answers "may this person see or do this?". Pages,
 * loaders, actions, search and socket events all ask here; the UI only hides
 * what this already refuses.
 */
export type Viewer = {
  id: number;
  role: Role;
  /** Reputation balance, when loaded (app/modules/access/viewer.server.ts). */
  reputation?: number;
  /** Rank of the viewer's effective tier, when tiers are known. */
  tierRank?: number;
} | null;

export const isSignedIn = (viewer: Viewer): viewer is NonNullable<Viewer> => viewer !== null;
export const isStaff = (viewer: Viewer) => viewer?.role === "manager" || viewer?.role === "admin";
export const isAdmin = (viewer: Viewer) => viewer?.role === "admin";

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
  editProfile(viewer: Viewer, profile: ProfileSubject): boolean {
    return viewer?.id === profile.userId;
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
};
