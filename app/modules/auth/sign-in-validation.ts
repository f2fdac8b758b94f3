import { z } from "zod";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Only an issuer on this machine may speak plain HTTP (a provider started for a test or a demo). */
export function isLoopbackUrl(value: string): boolean {
  try {
    return LOOPBACK.has(new URL(value).hostname);
  } catch {
    return false;
  }
}

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

/** The admin's form at /manage/settings/sign-in. */
export const SignInSettingsSchema = z
  .object({
    enabled: checkbox,
    issuer: z
      .string()
      .trim()
      .max(500, "Keep the issuer under 500 characters.")
      .refine((v) => {
        if (!v) return true;
        try {
          const url = new URL(v);
          return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackUrl(v));
        } catch {
          return false;
        }
      }, "Enter the issuer's https:// address, like https://login.example.com.")
      .transform((v) => v.replace(/\/+$/, "")),
    clientId: z.string().trim().max(300, "Keep the client id under 300 characters."),
    clientSecret: z.string().trim().max(1000, "Keep the client secret under 1,000 characters."),
    buttonLabel: z.string().trim().max(60, "Keep the button label under 60 characters."),
    advocateClaim: z
      .string()
      .trim()
      .max(100, "Keep the claim name under 100 characters.")
      .regex(/^[A-Za-z0-9_:./-]*$/, "A claim name has letters, digits and _ : . / - only."),
    advocateValue: z.string().trim().max(200, "Keep the claim value under 200 characters."),
    passwordSignUp: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.enabled && !v.issuer)
      ctx.addIssue({
        code: "custom",
        path: ["issuer"],
        message: "Enter the issuer to turn sign-in on.",
      });
    if (v.enabled && !v.clientId)
      ctx.addIssue({
        code: "custom",
        path: ["clientId"],
        message: "Enter the client id to turn sign-in on.",
      });
    if (v.advocateClaim && !v.advocateValue)
      ctx.addIssue({
        code: "custom",
        path: ["advocateValue"],
        message: "Enter the value that makes someone a verified customer.",
      });
    if (!v.advocateClaim && v.advocateValue)
      ctx.addIssue({
        code: "custom",
        path: ["advocateClaim"],
        message: "Enter the claim that holds this value.",
      });
  });

export type SignInSettingsInput = z.infer<typeof SignInSettingsSchema>;
