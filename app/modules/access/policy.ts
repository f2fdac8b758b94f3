import type { Role } from "../../../db/schema.ts";
import {
  holdsPrivilege,
  type PrivilegeKey,
  type PrivilegeThresholds,
} from "../reputation/privileges.ts";

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
  /** Privilege thresholds in force (admins' settings), loaded with the viewer. */
  privilegeThresholds?: Partial<PrivilegeThresholds>;
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
};
