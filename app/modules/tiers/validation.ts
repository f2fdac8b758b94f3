import { z } from "zod";
import { writtenInField } from "../languages/written-in.ts";
import { checkbox, optionalUrl } from "../../utils/schema-fields.ts";

export const TIER_COLOURS = ["stone", "teal", "sky", "amber", "violet", "rose"] as const;
export const TIER_ICONS = ["circle", "leaf", "spark", "star", "crown"] as const;
export const EARLY_ACCESS_KINDS = [
  "release",
  "briefing",
  "roadmap",
  "insider",
  "recording",
] as const;

const trimmed = (max: number, label: string) =>
  z.string().trim().max(max, `${label} can be at most ${max} characters.`);

const required = (max: number, message: string, label: string) =>
  trimmed(max, label).min(1, message);

/** One https link per line (blank lines ignored). */
const linkList = (max: number) =>
  z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().url("Each link must be a full address starting with https://."))
        .max(max, `Add at most ${max} links.`)
        .refine((links) => links.every((l) => /^https?:\/\//i.test(l)), {
          message: "Each link must start with https:// or http://.",
        }),
    );

/** A link field kept as null when left empty. */
const optionalLink = (what: string) => optionalUrl(what, 2000).transform((v) => v || null);

/** A calendar day from a date input, as midnight UTC; empty means none. */
const optionalDay = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      ctx.addIssue({ code: "custom", message: "Enter a date like 2026-12-12." });
      return z.NEVER;
    }
    const date = new Date(`${v}T00:00:00.000Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "That date does not exist." });
      return z.NEVER;
    }
    return date;
  });

const requiredDay = (message: string) =>
  optionalDay.refine((d): d is Date => d !== null, message).transform((d) => d as Date);

const reasonField = required(
  1000,
  "Give a reason: the advocate reads it in their tier history.",
  "The reason",
);

/** A term and its reason; that it ends after it starts is the command's check (a field message). */
export const TermSchema = z.object({
  reason: reasonField,
  termStart: requiredDay("Choose the day the term starts."),
  termEnd: requiredDay("Choose the day the term ends."),
});
export type TermInput = z.infer<typeof TermSchema>;

const awardId = z.coerce
  .number({ invalid_type_error: "Choose an award." })
  .int("Choose an award.")
  .positive("Choose an award.");

export const GrantSchema = z
  .object({
    handle: required(40, "Choose the advocate to award.", "The handle").transform((h) =>
      h.replace(/^@/, "").toLowerCase(),
    ),
    tierId: z.coerce
      .number({ invalid_type_error: "Choose a tier." })
      .int()
      .positive("Choose a tier."),
  })
  .merge(TermSchema);
export type GrantInput = z.infer<typeof GrantSchema>;

export const RenewSchema = TermSchema.extend({ awardId });

export const RevokeSchema = z.object({ awardId, reason: reasonField });

export const NominationSchema = z.object({
  handle: required(40, "Who are you nominating? Enter their handle.", "The handle").transform((h) =>
    h.replace(/^@/, "").toLowerCase(),
  ),
  tierId: z.coerce
    .number({ invalid_type_error: "Choose a tier." })
    .int()
    .positive("Choose a tier."),
  reason: required(2000, "Say why: what have they done for their peers?", "The reason").refine(
    (v) => v.length >= 20,
    "Say a little more (at least 20 characters): what have they done for their peers?",
  ),
  evidence: linkList(5),
});
export type NominationInput = z.infer<typeof NominationSchema>;

export const DecisionSchema = z.object({
  nominationId: z.coerce
    .number({ invalid_type_error: "Choose a nomination." })
    .int("Choose a nomination.")
    .positive("Choose a nomination."),
  decision: z.enum(["accept", "decline"], { errorMap: () => ({ message: "Accept or decline." }) }),
  reason: required(1000, "Give a reason: the nominee reads it.", "The reason"),
});

export const TierSchema = z.object({
  name: required(40, "Give the tier a name.", "The name"),
  rank: z.coerce
    .number({ invalid_type_error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(1, "Ranks start at 1.")
    .max(99, "Ranks stop at 99."),
  kind: z.enum(["base", "automatic", "awarded"], {
    errorMap: () => ({ message: "Choose how the tier is reached." }),
  }),
  description: trimmed(500, "The description"),
  colour: z.enum(TIER_COLOURS, { errorMap: () => ({ message: "Choose a colour." }) }),
  icon: z.enum(TIER_ICONS, { errorMap: () => ({ message: "Choose an icon." }) }),
  reputationThreshold: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(z.number().int("Enter a whole number.").positive("Enter a positive number.").nullable()),
  requiresShowcase: checkbox,
  termMonths: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(
      z
        .number()
        .int("Enter a whole number of months.")
        .min(1, "A term lasts at least a month.")
        .max(60, "A term lasts at most 60 months.")
        .nullable(),
    ),
  unlocks: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(200, "Keep each line under 200 characters."))
        .max(12, "List at most 12 things."),
    ),
  ndaTerms: trimmed(20_000, "The terms"),
});
export type TierInput = z.infer<typeof TierSchema>;

/** What a tier needs for the way it is reached, as the field to fill in; null when complete. */
export function tierKindProblem(
  v: Pick<TierInput, "kind" | "reputationThreshold" | "termMonths">,
): { field: string; message: string } | null {
  if (v.kind === "automatic" && v.reputationThreshold === null)
    return {
      field: "reputationThreshold",
      message: "An automatic tier needs the reputation at which it is reached.",
    };
  if (v.kind === "awarded" && v.termMonths === null)
    return { field: "termMonths", message: "An awarded tier needs the length of its term." };
  return null;
}

export const ItemSchema = z.object({
  title: required(160, "Give the item a title.", "The title"),
  teaser: trimmed(200, "The teaser"),
  summary: trimmed(600, "The summary"),
  body: trimmed(50_000, "The body"),
  kind: z.enum(EARLY_ACCESS_KINDS, { errorMap: () => ({ message: "Choose a kind." }) }),
  downloadUrl: optionalLink("download"),
  recordingUrl: optionalLink("recording"),
  requiresNda: checkbox,
  publicAt: optionalDay,
  /** Empty: detected from the item's words. */
  language: writtenInField,
});
export type ItemInput = z.infer<typeof ItemSchema>;

/** The per-tier dates of a cascade come as opens-<tierId> fields. */
export function parseCascadeDates(
  formData: FormData,
  tierIds: number[],
): { ok: true; dates: Map<number, Date | null> } | { ok: false; field: string; message: string } {
  const dates = new Map<number, Date | null>();
  for (const id of tierIds) {
    const raw = formData.get(`opens-${id}`);
    const parsed = optionalDay.safeParse(typeof raw === "string" ? raw : "");
    if (!parsed.success)
      return { ok: false, field: `opens-${id}`, message: parsed.error.issues[0].message };
    dates.set(id, parsed.data);
  }
  return { ok: true, dates };
}

/** A readable, unique-ish address for an item. */
export function slugify(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || "item"
  );
}
