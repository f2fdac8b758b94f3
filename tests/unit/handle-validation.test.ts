import { describe, expect, it } from "vitest";
import {
  emailField,
  handleField,
  RESERVED_HANDLES,
  SignUpSchema,
} from "../../app/modules/auth/validation.ts";

const parseHandle = (value: string) => handleField.safeParse(value);
const errorFor = (value: string) => {
  const result = parseHandle(value);
  return result.success ? null : result.error.issues[0].message;
};

describe("handles", () => {
  it("accept letters, numbers, dashes and underscores, stored lowercase", () => {
    for (const [input, stored] of [
      ["ada", "ada"],
      ["Ada-Okafor", "ada-okafor"],
      ["data_nerd_42", "data_nerd_42"],
      ["  padded  ", "padded"],
      ["a1b", "a1b"],
      ["x".repeat(30), "x".repeat(30)],
    ])
      expect(parseHandle(input)).toEqual({ success: true, data: stored });
  });

  it("refuse other characters, with a message that says which are allowed", () => {
    for (const bad of [
      "has space",
      "dot.ted",
      "émile",
      "emoji🙂x",
      "slash/er",
      "-leading",
      "trailing-",
      "_under",
      "under_",
      "per%cent",
      "../etc",
    ])
      expect(errorFor(bad), bad).toMatch(/letters, numbers, dashes and underscores/);
  });

  it("are 3 to 30 characters", () => {
    expect(errorFor("ab")).toMatch(/at least 3/);
    expect(errorFor("x".repeat(31))).toMatch(/at most 30/);
  });

  it("refuse reserved names whatever their case", () => {
    for (const reserved of ["admin", "Admin", "SETTINGS", "login", "support", "root", "system"])
      expect(errorFor(reserved), reserved).toMatch(/reserved/);
    expect(RESERVED_HANDLES.has("limelight")).toBe(true);
    // Reserved names are only refused as a whole.
    expect(parseHandle("admiral").success).toBe(true);
  });
});

describe("sign-up form", () => {
  it("lowercases the email and reports every bad field at once", () => {
    expect(emailField.parse(" Ada@Example.COM ")).toBe("ada@example.com");
    const result = SignUpSchema.safeParse({
      email: "nope",
      handle: "x",
      displayName: "   ",
      password: "short",
    });
    expect(result.success).toBe(false);
    expect(new Set(result.error!.issues.map((i) => i.path[0]))).toEqual(
      new Set(["email", "handle", "displayName", "password"]),
    );
  });

  it("keeps display names under 80 characters", () => {
    const base = { email: "a@example.com", handle: "abc", password: "long enough phrase" };
    expect(SignUpSchema.safeParse({ ...base, displayName: "n".repeat(80) }).success).toBe(true);
    expect(SignUpSchema.safeParse({ ...base, displayName: "n".repeat(81) }).success).toBe(false);
  });
});
