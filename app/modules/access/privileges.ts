import type { Role } from "../../../db/schema.ts";

/**
 * What reputation unlocks. Thresholds are configuration (admins change them
 * on /manage/reputation); the access policy compares them with the viewer's
 * balance. Staff always have every privilege.
 */
export const PRIVILEGE_KEYS = [
  "start_discussion",
  "vote",
  "flag",
  "edit_others",
  "see_vote_breakdown",
] as const;
export type PrivilegeKey = (typeof PRIVILEGE_KEYS)[number];
export type PrivilegeThresholds = Record<PrivilegeKey, number>;

export interface PrivilegeDefinition {
  key: PrivilegeKey;
  label: string;
  description: string;
  defaultThreshold: number;
  /** Roles that may hold it at all (besides staff); everyone signed in when absent. */
  roles?: readonly Role[];
}

export const PRIVILEGES: Record<PrivilegeKey, PrivilegeDefinition> = {
  start_discussion: {
    key: "start_discussion",
    label: "Start discussions",
    description: "Open a new discussion thread for peers (verified customers).",
    defaultThreshold: 0,
    roles: ["advocate"],
  },
  vote: {
    key: "vote",
    label: "Vote",
    description: "Upvote questions and replies that helped you.",
    defaultThreshold: 15,
  },
  flag: {
    key: "flag",
    label: "Flag",
    description: "Flag posts that break the community guidelines for a manager to review.",
    defaultThreshold: 15,
  },
  edit_others: {
    key: "edit_others",
    label: "Edit others' posts",
    description: "Fix typos, broken links and formatting in other people's posts.",
    defaultThreshold: 1000,
  },
  see_vote_breakdown: {
    key: "see_vote_breakdown",
    label: "See vote breakdowns",
    description: "See who voted on a post, not just the count.",
    defaultThreshold: 1000,
  },
};

export const PRIVILEGE_THRESHOLD_MAX = 100_000;

export const defaultPrivilegeThresholds = (): PrivilegeThresholds =>
  Object.fromEntries(
    PRIVILEGE_KEYS.map((k) => [k, PRIVILEGES[k].defaultThreshold]),
  ) as PrivilegeThresholds;

/** Defaults with stored overrides on top; anything malformed in storage is ignored. */
export function mergePrivilegeThresholds(overrides: unknown): PrivilegeThresholds {
  const thresholds = defaultPrivilegeThresholds();
  if (overrides && typeof overrides === "object") {
    for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
      if (
        (PRIVILEGE_KEYS as readonly string[]).includes(key) &&
        Number.isInteger(value) &&
        (value as number) >= 0 &&
        (value as number) <= PRIVILEGE_THRESHOLD_MAX
      )
        thresholds[key as PrivilegeKey] = value as number;
    }
  }
  return thresholds;
}

export interface PrivilegeHolder {
  role: Role;
  reputation?: number;
}

const isStaffRole = (role: Role) => role === "manager" || role === "admin";

/** Whether this person holds the privilege; staff always do. */
export function holdsPrivilege(
  holder: PrivilegeHolder | null,
  key: PrivilegeKey,
  thresholds: Partial<PrivilegeThresholds> = {},
): boolean {
  if (!holder) return false;
  if (isStaffRole(holder.role)) return true;
  const privilege = PRIVILEGES[key];
  if (!privilege) return false;
  if (privilege.roles && !privilege.roles.includes(holder.role)) return false;
  const threshold = thresholds[key] ?? privilege.defaultThreshold;
  return (holder.reputation ?? 0) >= threshold;
}

/** Why a privilege is out of reach, short enough to sit beside the control it greys out. */
export function privilegeHint(
  holder: PrivilegeHolder | null,
  key: PrivilegeKey,
  thresholds: Partial<PrivilegeThresholds> = {},
): string | null {
  if (holdsPrivilege(holder, key, thresholds)) return null;
  const p = PRIVILEGES[key];
  if (!holder) return "Sign in first.";
  if (p.roles && !p.roles.includes(holder.role)) return "Open to verified customers.";
  const threshold = (thresholds[key] ?? p.defaultThreshold).toLocaleString("en-GB");
  return `You can ${p.label.toLowerCase()} at ${threshold} reputation.`;
}

export interface PrivilegeProgress {
  key: PrivilegeKey;
  label: string;
  description: string;
  threshold: number;
  held: boolean;
  /** Points still needed (0 when held, or when only a role change can unlock it). */
  pointsToGo: number;
  /** Why it is not held yet, in a sentence the person understands. */
  why: string | null;
}

/** Every privilege with the person's progress towards it, for /reputation and settings. */
export function privilegeProgress(
  holder: PrivilegeHolder | null,
  thresholds: Partial<PrivilegeThresholds> = {},
): PrivilegeProgress[] {
  const reputation = holder?.reputation ?? 0;
  return PRIVILEGE_KEYS.map((key) => {
    const p = PRIVILEGES[key];
    const threshold = thresholds[key] ?? p.defaultThreshold;
    const held = holdsPrivilege(holder, key, thresholds);
    let why: string | null = null;
    let pointsToGo = 0;
    if (!held) {
      if (!holder) why = "Sign in to start earning it.";
      else if (p.roles && !p.roles.includes(holder.role))
        why = "Open to verified customers: a community manager verifies you first.";
      else {
        pointsToGo = threshold - reputation;
        why = `You have ${reputation.toLocaleString("en-GB")} of ${threshold.toLocaleString("en-GB")} points: ${pointsToGo.toLocaleString("en-GB")} to go.`;
      }
    }
    return { key, label: p.label, description: p.description, threshold, held, pointsToGo, why };
  });
}
