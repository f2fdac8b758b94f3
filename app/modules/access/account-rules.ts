import { isAdmin, isSignedIn, isStaff, type Viewer } from "./viewer.ts";

export interface ProfileSubject {
  userId: number;
  isPublic: boolean;
}

export interface LocationSubject {
  userId: number;
  locationPublic: boolean;
}

/** Profiles, one's own account and data, the team's tools and the site's settings. */
export const accountRules = {
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
};
