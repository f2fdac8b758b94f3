import { z } from "zod";

export const ReferenceRequestSchema = z.object({
  topic: z
    .string()
    .trim()
    .min(3, "Say in a few words what you would like to talk about.")
    .max(160, "Keep the topic under 160 characters."),
  context: z.string().trim().max(2000, "Keep the context under 2,000 characters.").default(""),
  preferredTimes: z.string().trim().max(300, "Keep this under 300 characters.").default(""),
  whenFull: z.enum(["suggest", "queue"]).default("suggest"),
});

export const ReferralSchema = z.object({
  contactName: z.string().trim().min(1, "Enter the name of the person you refer.").max(120),
  contactEmail: z
    .string()
    .trim()
    .min(1, "Enter their email.")
    .email("That is not an email address.")
    .max(254),
  company: z.string().trim().min(1, "Enter their company.").max(160),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
  consent: z.literal("on", {
    errorMap: () => ({
      message: "Confirm that this person agreed to be introduced; we never contact anyone cold.",
    }),
  }),
});

export const MonthlyCapSchema = z.object({
  monthlyCap: z.coerce
    .number({ invalid_type_error: "Enter a number." })
    .int("Enter a whole number.")
    .min(0, "Enter 0 or more.")
    .max(20, "At most 20 conversations a month."),
});

/** One survey response added by hand on the import page. */
export const ManualResponseSchema = z.object({
  intent: z.literal("add"),
  email: z.string().trim().min(1, "Enter the email of the person who answered."),
  name: z.string().trim().max(200).default(""),
  company: z.string().trim().max(200).default(""),
  score: z.string().trim().min(1, "Enter a score from 0 to 10."),
  comment: z.string().trim().max(5000).default(""),
  respondedAt: z.string().trim().min(1, "Enter the date of the answer."),
});
