import { z } from "zod";
import { emailField, newPasswordField } from "./validation.ts";

export const ForgotPasswordSchema = z.object({ email: emailField });

export const ResetPasswordSchema = z
  .object({
    password: newPasswordField,
    confirm: z.string({ required_error: "Type the new password again." }),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The two passwords are not the same.",
  });
