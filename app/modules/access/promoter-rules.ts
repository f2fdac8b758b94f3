import { isSignedIn, isStaff, isVerifiedCustomer, type Viewer } from "./viewer.ts";

/** Promoters, references, referrals, surveys, testimonials and relationships. */
export const promoterRules = {
  // Promoters, references and referrals.
  /** NPS import, promoter invitations and the return-on-relationship dashboard. */
  managePromoters(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Any signed-in person may ask an advocate for a conversation (never themselves). */
  requestReference(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
  requestReferenceOnBehalf(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  viewReferenceRequest(
    viewer: Viewer,
    request: { advocateId: number; prospectId: number; requestedBy: number },
  ): boolean {
    if (!isSignedIn(viewer)) return false;
    if (isStaff(viewer)) return true;
    return [request.advocateId, request.prospectId, request.requestedBy].includes(viewer.id);
  },
  respondToReference(viewer: Viewer, request: { advocateId: number }): boolean {
    return viewer?.id === request.advocateId;
  },
  /** Emails are shared only once the advocate has accepted, and only with the two people (and staff). */
  seeReferenceContacts(
    viewer: Viewer,
    request: { status: string; advocateId: number; prospectId: number },
  ): boolean {
    if (!isSignedIn(viewer)) return false;
    if (isStaff(viewer)) return true;
    const party = viewer.id === request.advocateId || viewer.id === request.prospectId;
    return party && (request.status === "accepted" || request.status === "completed");
  },
  manageReferences(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Anyone signed in keeps their own monthly reference limit. */
  setReferenceCap(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
  /** The person who asked (or asked for someone), or staff, may withdraw an open request. */
  cancelReference(viewer: Viewer, request: { prospectId: number; requestedBy: number }): boolean {
    if (!isSignedIn(viewer)) return false;
    return isStaff(viewer) || [request.prospectId, request.requestedBy].includes(viewer.id);
  },
  /** Only the two people in a conversation mark it as held. */
  markReferenceHeld(viewer: Viewer, request: { advocateId: number; prospectId: number }): boolean {
    return viewer?.id === request.advocateId || viewer?.id === request.prospectId;
  },
  /** Only the person who asked says whether it helped. */
  rateReference(viewer: Viewer, request: { prospectId: number }): boolean {
    return viewer?.id === request.prospectId;
  },
  submitReferral(viewer: Viewer): boolean {
    return viewer?.role === "advocate";
  },
  viewReferral(viewer: Viewer, referral: { advocateId: number }): boolean {
    return isStaff(viewer) || viewer?.id === referral.advocateId;
  },
  manageReferrals(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Personal referral links, and the consent to "helped N companies decide", are an advocate's. */
  shareReferralLinks(viewer: Viewer): boolean {
    return isVerifiedCustomer(viewer);
  },

  // --- NPS surveys, follow-ups and testimonials ---
  /** Create and send surveys, see their results, work detractor follow-ups. */
  manageSurveys(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** The testimonial wall is public: every entry on it was published with consent. */
  readTestimonials(_viewer: Viewer): boolean {
    return true;
  },
  /** The library of published stories is public: each one was reviewed and published. */
  readPublishedStories(_viewer: Viewer): boolean {
    return true;
  },
  /** Start a case-study draft from a testimonial. */
  manageTestimonials(viewer: Viewer): boolean {
    return isStaff(viewer);
  },

  // --- The relationship behind each advocate ---
  /** An advocate's relationship page: their goals, and the team's conversations and next steps. */
  manageRelationships(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
  /** Everyone signed in keeps their own goals, in their own words. */
  editOwnGoals(viewer: Viewer): boolean {
    return isSignedIn(viewer);
  },
};
