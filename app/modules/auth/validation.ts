import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-limits.ts";
import { isCommonPassword, isPatternPassword, usesPersonalDetails } from "./common-passwords.ts";

export const RESERVED_HANDLES = new Set([
  "admin",
  "administrator",
  "root",
  "limelight",
  "support",
  "help",
  "staff",
  "manager",
  "settings",
  "login",
  "logout",
  "signup",
  "api",
  "system",
  "moderator",
  "me",
  "u",
  "null",
  "undefined",
]);

export const emailField = z
  .string({ required_error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like name@example.com.")
  .transform((v) => v.toLowerCase());

export const handleField = z
  .string({ required_error: "Choose a handle." })
  .trim()
  .min(3, "A handle needs at least 3 characters.")
  .max(30, "A handle can have at most 30 characters.")
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_-]*[a-zA-Z0-9]$/,
    "Use letters, numbers, dashes and underscores, starting and ending with a letter or number.",
  )
  .transform((v) => v.toLowerCase())
  .refine((v) => !RESERVED_HANDLES.has(v), "This handle is reserved. Please choose another.");

export const displayNameField = z
  .string({ required_error: "Enter the name people will see." })
  .trim()
  .min(1, "Enter the name people will see.")
  .max(80, "Keep your name under 80 characters.");

export const newPasswordField = z
  .string({ required_error: "Choose a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine(
    (v) => !isCommonPassword(v),
    "This password is one of the most common ones and easy to guess. Please choose another.",
  )
  .refine(
    (v) => !isPatternPassword(v),
    "This password is a repeated or sequential pattern and easy to guess. Please choose another.",
  );

export const PERSONAL_PASSWORD_MESSAGE =
  "Your password must not contain your email, handle or name: they are the first guesses anyone would try.";

/** Refuses a new password made of the person's own details; the field is where it is reported. */
export function personalPasswordCheck(field: string) {
  return (
    v: { password?: string; email?: string; handle?: string; displayName?: string } & Record<
      string,
      unknown
    >,
    ctx: z.RefinementCtx,
  ) => {
    const password = typeof v[field] === "string" ? (v[field] as string) : "";
    if (password && usesPersonalDetails(password, v))
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [field],
        message: PERSONAL_PASSWORD_MESSAGE,
      });
  };
}

export const SignUpFields = z.object({
  email: emailField,
  handle: handleField,
  displayName: displayNameField,
  password: newPasswordField,
});
export const SignUpSchema = SignUpFields.superRefine(personalPasswordCheck("password"));
export type SignUpInput = z.infer<typeof SignUpFields>;

export const SignInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254)
    .transform((v) => v.toLowerCase()),
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX * 4),
});

/** A new address for the account, with the current password as proof. */
export const ChangeEmailSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your current password."),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  });
