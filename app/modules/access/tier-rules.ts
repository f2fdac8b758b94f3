import { isPublicAt, isReadableAt, type CascadeSubject } from "./cascade.ts";
import { isAdmin, isSignedIn, isStaff, tierRankOf, type Viewer } from "./viewer.ts";

/** Tiers, their awards and nominations, and the early-access items they open. */
export const tierRules = {
  // Tiers and early access. Items open tier by tier at read time (the
  // release cascade), so a new award or a date that passes needs no deploy.
  /** May this person read this early-access item now? Staff always; others by tier and date. */
  readEarlyAccessItem(viewer: Viewer, item: CascadeSubject, now: Date = new Date()): boolean {
    if (isStaff(viewer)) return true;
    return isReadableAt(item, tierRankOf(viewer), now);
  },
  /** The teaser of a published item: members with a tier see all; others only what becomes public. */
  seeEarlyAccessTeaser(viewer: Viewer, item: CascadeSubject, now: Date = new Date()): boolean {
    if (tierRules.readEarlyAccessItem(viewer, item, now)) return true;
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
};
