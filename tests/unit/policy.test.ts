import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../db/schema.ts";
import {
  isAdmin,
  isSignedIn,
  isStaff,
  policy,
  type Viewer,
} from "../../app/modules/access/policy.ts";

const as = (role: Role, id = 7): Viewer => ({ id, role });
const anonymous: Viewer = null;

/** Which of the four roles (and anonymous) a check lets through. */
function allowed(check: (viewer: Viewer) => boolean) {
  return [...ROLES.filter((role) => check(as(role))), ...(check(anonymous) ? ["anonymous"] : [])];
}

describe("the access policy", () => {
  it("knows who is signed in, staff and admin", () => {
    expect(allowed(isSignedIn)).toEqual(["prospect", "advocate", "manager", "admin"]);
    expect(allowed(isStaff)).toEqual(["manager", "admin"]);
    expect(allowed(isAdmin)).toEqual(["admin"]);
  });

  it("shows a public profile to everyone", () => {
    const profile = { userId: 1, isPublic: true };
    expect(allowed((v) => policy.viewProfile(v, profile))).toEqual([
      "prospect",
      "advocate",
      "manager",
      "admin",
      "anonymous",
    ]);
  });

  it("shows a private profile to signed-in members only", () => {
    const profile = { userId: 1, isPublic: false };
    expect(allowed((v) => policy.viewProfile(v, profile))).toEqual([
      "prospect",
      "advocate",
      "manager",
      "admin",
    ]);
    expect(policy.viewProfile(as("prospect", 1), profile)).toBe(true);
  });

  it("lists private profiles in the directory for members only", () => {
    expect(allowed(policy.seePrivateProfilesInDirectory)).toEqual([
      "prospect",
      "advocate",
      "manager",
      "admin",
    ]);
  });

  it("lets only the owner edit a profile, not even an admin", () => {
    const profile = { userId: 42, isPublic: true };
    expect(policy.editProfile(as("prospect", 42), profile)).toBe(true);
    expect(policy.editProfile(as("admin", 1), profile)).toBe(false);
    expect(policy.editProfile(anonymous, profile)).toBe(false);
  });

  it("lets managers and admins verify customers and use the manager tools", () => {
    expect(allowed(policy.verifyCustomers)).toEqual(["manager", "admin"]);
    expect(allowed(policy.useManagerTools)).toEqual(["manager", "admin"]);
    expect(allowed(policy.readAuditLog)).toEqual(["manager", "admin"]);
  });

  it("lets only admins change roles", () => {
    expect(allowed(policy.changeRoles)).toEqual(["admin"]);
  });
});

describe("email verification", () => {
  it("holds back only signed-in people whose address is not confirmed yet", () => {
    const unconfirmed: Viewer = { id: 7, role: "advocate", emailVerified: false };
    expect(policy.takePartWithConfirmedEmail(unconfirmed)).toBe(false);
    expect(policy.takePartWithConfirmedEmail({ ...unconfirmed, emailVerified: true })).toBe(true);
    // Viewers built without the field (seeds, sweeps) and anonymous visitors are left to other rules.
    expect(allowed(policy.takePartWithConfirmedEmail)).toEqual([...ROLES, "anonymous"]);
  });
});
