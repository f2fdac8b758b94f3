import { describe, expect, it } from "vitest";
import {
  COMMON_PASSWORDS,
  isCommonPassword,
  usesPersonalDetails,
} from "../../app/modules/auth/common-passwords.ts";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../app/modules/auth/password-limits.ts";
import {
  ChangePasswordSchema,
  newPasswordField,
  SignInSchema,
  SignUpSchema,
} from "../../app/modules/auth/validation.ts";

const accepts = (password: string) => newPasswordField.safeParse(password).success;
const messageFor = (password: string) => {
  const result = newPasswordField.safeParse(password);
  return result.success ? null : result.error.issues[0].message;
};

describe("new passwords", () => {
  it("are between 8 and 128 characters", () => {
    expect(PASSWORD_MIN).toBe(8);
    expect(PASSWORD_MAX).toBe(128);
    expect(messageFor("seven!!")).toMatch(/at least 8/);
    expect(accepts("eight ch")).toBe(true);
    // A varied filler: one character repeated is refused as a pattern, whatever its length.
    expect(accepts("yes, ".repeat(26).slice(0, 128))).toBe(true);
    expect(messageFor("y".repeat(129))).toMatch(/at most 128/);
    expect(messageFor("")).toMatch(/at least 8/);
  });

  it("have no composition rules", () => {
    // Only lowercase, only digits, spaces, no symbols, non-Latin letters: all fine when long enough.
    for (const password of [
      "onlylowercaseletters",
      "73918264",
      "correct horse battery staple",
      "ÄÖÜäöüßéèñ",
      "пароль-на-русском",
      "    spaces around    ",
    ])
      expect(accepts(password), password).toBe(true);
  });

  it("refuses the common passwords, whatever their case", () => {
    expect(messageFor("password123")).toMatch(/common/);
    expect(messageFor("PassWord123")).toMatch(/common/);
    expect(messageFor("limelight")).toMatch(/common/);
    expect(messageFor("12345678")).toMatch(/common/);
    expect(isCommonPassword("QWERTYUIOP")).toBe(true);
    expect(isCommonPassword("a long and memorable passphrase")).toBe(false);
  });

  it("refuses repeated and sequential characters", () => {
    for (const password of [
      "aaaaaaaa",
      " ".repeat(8),
      "abababab",
      "abcdefgh",
      "98765432",
      "ZYXWVUTS",
    ])
      expect(messageFor(password), JSON.stringify(password)).toMatch(/repeated or sequential/);
    expect(messageFor(" password1 ")).toMatch(/common/);
    expect(accepts("aaaaaaab cd")).toBe(true);
  });

  it("keeps the common list to passwords the length rule would otherwise allow", () => {
    // A shorter entry could never be typed in: the length rule refuses it first.
    for (const password of COMMON_PASSWORDS) {
      expect(password.length, password).toBeGreaterThanOrEqual(PASSWORD_MIN);
      expect(password, password).toBe(password.toLowerCase());
    }
  });
});

describe("a new account's password", () => {
  const base = {
    email: "Catie.Jones@Example.com",
    handle: "catie-j",
    displayName: "Catie Jones",
  };
  const signUpMessage = (password: string) => {
    const result = SignUpSchema.safeParse({ ...base, password });
    return result.success ? null : result.error.issues.map((i) => [i.path[0], i.message]);
  };

  it("may not be the person's own email, handle or name, nor contain them", () => {
    for (const password of [
      "catie.jones@example.com",
      "CATIE.JONES@EXAMPLE.COM",
      "catie.jones",
      "catie-j!",
      "Catie Jones",
      "catiejones2024",
      "my name is catie jones",
    ])
      expect(signUpMessage(password), password).toEqual([
        ["password", expect.stringMatching(/must not contain your email, handle or name/)],
      ]);
    expect(signUpMessage("a long and memorable passphrase")).toBeNull();
    // Short details count only as the whole password, so they do not forbid ordinary words.
    expect(usesPersonalDetails("abstract art", { handle: "art", displayName: "Al" })).toBe(false);
    expect(usesPersonalDetails("art", { handle: "art" })).toBe(true);
  });
});

describe("changing a password", () => {
  it("needs the current password and the same new one twice", () => {
    const result = ChangePasswordSchema.safeParse({
      currentPassword: "",
      newPassword: "a brand new passphrase",
      confirmPassword: "a different passphrase",
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]);
    expect(fields).toContain("currentPassword");
    // The mismatch is reported on the repeated field, where the person typed it.
    const ok = ChangePasswordSchema.safeParse({
      currentPassword: "old one",
      newPassword: "a brand new passphrase",
      confirmPassword: "a different passphrase",
    });
    expect(ok.success).toBe(false);
    expect(ok.error!.issues).toEqual([
      expect.objectContaining({
        path: ["confirmPassword"],
        message: "The two new passwords do not match.",
      }),
    ]);
  });

  it("applies the new-password rules to the new password", () => {
    const result = ChangePasswordSchema.safeParse({
      currentPassword: "whatever it was",
      newPassword: "password1",
      confirmPassword: "password1",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(["newPassword"]);
  });
});

describe("signing in", () => {
  it("does not apply the new-password rules, so old accounts can still sign in", () => {
    // An account made before a password became "common" must not be locked out by the list.
    const result = SignInSchema.safeParse({ email: " Ada@Example.COM ", password: "password1" });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ email: "ada@example.com", password: "password1" });
  });

  it("refuses an absurdly long password before hashing it", () => {
    expect(SignInSchema.safeParse({ email: "a@b.co", password: "x".repeat(513) }).success).toBe(
      false,
    );
  });
});
