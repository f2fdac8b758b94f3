import { writtenInField } from "../languages/written-in.ts";
import { z } from "zod";

/** Sane limits: long enough for a real question with logs, short enough to read. */
export const LIMITS = {
  titleMin: 10,
  titleMax: 150,
  bodyMin: 2,
  bodyMax: 20_000,
  tagsMax: 5,
  tagMax: 30,
  flagNoteMax: 500,
  reasonMax: 500,
} as const;

export const SEARCH_QUERY_MAX = 200;

export const THREAD_KINDS = ["question", "discussion"] as const;
export const FLAG_REASONS = ["spam", "rude", "off_topic", "needs_review", "other"] as const;
export const FLAG_REASON_LABELS: Record<(typeof FLAG_REASONS)[number], string> = {
  spam: "Spam or advertising",
  rude: "Rude or abusive",
  off_topic: "Off topic",
  needs_review: "Wrong or risky advice",
  other: "Something else",
};

/** "SSO & SAML: rotating certs!" → "sso-saml-rotating-certs" (for URLs; the id is what counts). */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "thread";
}

/** "Data Pipelines, sso ,SSO" → ["data-pipelines", "sso"]: lowercase, hyphenated, unique. */
export function normaliseTags(input: string | string[]): string[] {
  const parts = Array.isArray(input) ? input : input.split(/[,\n]/);
  const seen = new Set<string>();
  for (const part of parts) {
    const tag = part
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9+#.]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (tag) seen.add(tag);
  }
  return [...seen];
}

const trimmed = (schema: z.ZodString) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), schema);

export const titleSchema = trimmed(
  z
    .string({ required_error: "Give your thread a title." })
    .min(
      LIMITS.titleMin,
      `Make the title at least ${LIMITS.titleMin} characters: say what it is about.`,
    )
    .max(LIMITS.titleMax, `Keep the title under ${LIMITS.titleMax} characters.`),
);

export const bodySchema = trimmed(
  z
    .string({ required_error: "Write something first." })
    .min(LIMITS.bodyMin, "Write something first.")
    .max(
      LIMITS.bodyMax,
      `That is too long to post: keep it to ${LIMITS.bodyMax.toLocaleString("en-GB")} characters or fewer. Nothing was posted.`,
    ),
);

export const tagsSchema = z
  .string()
  .optional()
  .default("")
  .transform((v) => normaliseTags(v))
  .superRefine((tags, ctx) => {
    if (tags.length > LIMITS.tagsMax)
      ctx.addIssue({ code: "custom", message: `Use at most ${LIMITS.tagsMax} tags.` });
    if (tags.some((t) => t.length > LIMITS.tagMax))
      ctx.addIssue({ code: "custom", message: `Keep each tag under ${LIMITS.tagMax} characters.` });
  });

export const NewThreadSchema = z.object({
  kind: z.enum(THREAD_KINDS, {
    errorMap: () => ({ message: "Choose a question or a discussion." }),
  }),
  title: titleSchema,
  body: bodySchema,
  tags: tagsSchema,
  language: writtenInField,
});
export type NewThreadInput = z.infer<typeof NewThreadSchema>;

export const reasonSchema = trimmed(
  z
    .string({ required_error: "Say why, for the audit log." })
    .min(3, "Say why, for the audit log.")
    .max(LIMITS.reasonMax, `Keep the reason under ${LIMITS.reasonMax} characters.`),
);

export const FlagSchema = z.object({
  reason: z.enum(FLAG_REASONS, { errorMap: () => ({ message: "Choose a reason." }) }),
  note: trimmed(
    z.string().max(LIMITS.flagNoteMax, "Keep the note under 500 characters."),
  ).optional(),
});
