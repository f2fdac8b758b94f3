import { z } from "zod";
import { optionalUrl } from "../../utils/schema-fields.ts";
import { displayNameField } from "../auth/validation.ts";

const profileLink = (label: string) => optionalUrl(label, 300);

const line = (max: number, label: string) =>
  z.string().trim().max(max, `Keep the ${label} under ${max} characters.`).default("");

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

export const ProfileSchema = z.object({
  displayName: displayNameField,
  headline: line(120, "headline"),
  company: line(80, "company name"),
  jobTitle: line(80, "job title"),
  industry: line(60, "industry"),
  location: line(80, "location"),
  bio: z.string().max(5000, "Keep your story under 5,000 characters.").default(""),
  expertise: z
    .string()
    .default("")
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((t) => t.trim().toLowerCase().replace(/\s+/g, "-"))
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(
          z
            .string()
            .max(30, "Each expertise tag can have at most 30 characters.")
            .regex(/^[a-z0-9][a-z0-9+#.-]*$/, "Tags use letters, numbers and dashes."),
        )
        .max(10, "Choose at most 10 expertise tags."),
    ),
  linkedinUrl: profileLink("LinkedIn"),
  blogUrl: profileLink("blog"),
  websiteUrl: profileLink("website"),
  openToSpeaking: checkbox,
  openToReferences: checkbox,
  openToCaseStudies: checkbox,
  openToMentoring: checkbox,
  isPublic: checkbox,
  leaderboardOptOut: checkbox,
});
export type ProfileInput = z.infer<typeof ProfileSchema>;
