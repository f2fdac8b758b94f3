import type { Role } from "../../../db/schema.ts";
import type { PrivilegeThresholds } from "./privileges.ts";

/** Who is asking: a signed-in person with what the policy weighs, or null for a visitor. */
export type Viewer = {
  id: number;
  role: Role;
  /** Reputation balance, when loaded (app/modules/viewer/viewer.server.ts). */
  reputation?: number;
  /** Rank of the viewer's effective tier, when tiers are known. */
  tierRank?: number;
  /** Privilege thresholds in force (admins' settings), loaded with the viewer. */
  privilegeThresholds?: Partial<PrivilegeThresholds>;
  /** False until the person confirms their email address (loaded with the viewer). */
  emailVerified?: boolean;
} | null;

export const isSignedIn = (viewer: Viewer): viewer is NonNullable<Viewer> => viewer !== null;
export const isStaff = (viewer: Viewer) => viewer?.role === "manager" || viewer?.role === "admin";
export const isAdmin = (viewer: Viewer) => viewer?.role === "admin";
/** The community team's roles, for queries that pick staff out or leave them out. */
export const STAFF_ROLES = ["manager", "admin"] as const satisfies readonly Role[];
/** Whether a role read from a row (say, who made an award) is the community team's. */
export const isStaffRole = (role: Role | string | null | undefined) =>
  role === "manager" || role === "admin";

/** Anyone or anything with a role: a viewer, or a person's row on a page. */
type WithRole = { role: Role | string | null } | null | undefined;
export const hasRole = (person: WithRole, role: Role) => person?.role === role;
/** Signed up, not yet verified as a customer by a community manager. */
export const isProspect = (person: WithRole) => hasRole(person, "prospect");
/** A verified customer: an advocate. */
export const isVerifiedCustomer = (person: WithRole) => hasRole(person, "advocate");

/** A prospect has no tier, whatever the viewer says. */
export function tierRankOf(viewer: Viewer): number {
  if (!isSignedIn(viewer) || viewer.role === "prospect") return 0;
  return viewer.tierRank ?? 0;
}
