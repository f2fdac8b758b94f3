import { z } from "zod";
import { MAX_ID } from "../../utils/params.ts";

export const MAX_GOALS = 5;
export const MAX_GOAL_LENGTH = 200;

const day = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => !Number.isNaN(new Date(`${v}T12:00:00Z`).getTime()), message);

/** A day as stored: noon UTC, so it reads as the same day in every time zone near it. */
export const atNoon = (dayText: string) => new Date(`${dayText}T12:00:00Z`);

/** One goal per line, in the person's own words; blank lines are dropped. */
export const GoalsSchema = z.object({
  goals: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((goals) => goals.length <= MAX_GOALS, `Keep it to ${MAX_GOALS} goals, one per line.`)
    .refine(
      (goals) => goals.every((g) => g.length <= MAX_GOAL_LENGTH),
      `Keep each goal under ${MAX_GOAL_LENGTH} characters.`,
    ),
});

/** A goal a manager heard from the advocate, written down in the advocate's words. */
export const GoalSchema = z.object({
  goal: z
    .string()
    .trim()
    .min(1, "Write the goal in their words.")
    .max(MAX_GOAL_LENGTH, `Keep the goal under ${MAX_GOAL_LENGTH} characters.`),
});
export type GoalInput = z.infer<typeof GoalSchema>;

export const ConversationSchema = z.object({
  heldOn: day("Choose the day of the conversation."),
  notes: z
    .string()
    .trim()
    .min(1, "Write what you talked about.")
    .max(4000, "Keep the notes under 4,000 characters."),
});
export type ConversationInput = z.infer<typeof ConversationSchema>;

export const NextStepSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "Say what the next step is.")
    .max(500, "Keep the next step under 500 characters."),
  dueOn: day("Choose a due date."),
  ownerId: z
    .string()
    .default("")
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0 && v <= MAX_ID), "Choose an owner."),
});
export type NextStepInput = z.infer<typeof NextStepSchema>;

export const NextStepDoneSchema = z.object({
  stepId: z.coerce.number().int().positive().max(MAX_ID),
});
