import { holdsPrivilege, type PrivilegeKey, type PrivilegeThresholds } from "./privileges.ts";
import { isAdmin, isStaff, type Viewer } from "./viewer.ts";

/** Privileges earned with reputation, the rule settings, manual awards and the ledger. */
export const reputationRules = {
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
