import { z } from "zod";
import type { TestimonialCredit } from "../../../db/tables/testimonials.ts";
import { PRODUCT_AREAS, STORY_INDUSTRIES } from "../advocacy/formats.ts";

export { PRODUCT_AREAS as TESTIMONIAL_PRODUCT_AREAS, STORY_INDUSTRIES as TESTIMONIAL_INDUSTRIES };

export const CREDIT_LABELS: Record<TestimonialCredit, string> = {
  name: "My name",
  title: "My name and job title",
  company: "My name, job title and company",
  initials: "My initials only",
};

const oneOf = (values: readonly string[], message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || values.includes(v), message)
    .default("");

export const RecommendationSchema = z.object({
  body: z
    .string()
    .trim()
    .min(20, "Write at least a sentence (20 characters).")
    .max(600, "Keep the recommendation under 600 characters."),
  credit: z.enum(["name", "title", "company", "initials"], {
    errorMap: () => ({ message: "Choose how you are credited." }),
  }),
  name: z.string().trim().min(2, "Enter your name (initials are made from it).").max(120),
  jobTitle: z.string().trim().max(120).default(""),
  company: z.string().trim().max(120).default(""),
  industry: oneOf(STORY_INDUSTRIES, "Choose an industry from the list."),
  productArea: oneOf(PRODUCT_AREAS, "Choose a product area from the list."),
  consent: z.literal("yes", {
    errorMap: () => ({
      message: "Tick the box to agree that we publish it. Without it, nothing is published.",
    }),
  }),
});
export type RecommendationInput = z.infer<typeof RecommendationSchema>;

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(" ");
}

/** The credit under the words, exactly as the author chose it. */
export function creditLine(
  input: Pick<RecommendationInput, "credit" | "name" | "jobTitle" | "company">,
) {
  if (input.credit === "initials") return initials(input.name);
  if (input.credit === "name") return input.name;
  if (input.credit === "title") return [input.name, input.jobTitle].filter(Boolean).join(", ");
  return [input.name, input.jobTitle, input.company].filter(Boolean).join(", ");
}

/** A first draft from the person's own comment: their words, trimmed to a quotable length. */
export function draftFromComment(comment: string): string {
  const text = comment.replace(/\s+/g, " ").trim();
  if (text.length <= 600) return text;
  const cut = text.slice(0, 600);
  const end = cut.lastIndexOf(". ");
  return end > 100 ? cut.slice(0, end + 1) : cut;
}

/** One-click share intents; the page they share carries the recommendation's Open Graph card. */
export function shareLinks(pageUrl: string, body: string) {
  const url = encodeURIComponent(pageUrl);
  const text = encodeURIComponent(`“${body.length > 200 ? `${body.slice(0, 197)}…` : body}”`);
  return {
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
    x: `https://x.com/intent/tweet?text=${text}&url=${url}`,
  };
}
