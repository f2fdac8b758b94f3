import { writtenInField } from "../languages/written-in.ts";
import { z } from "zod";
import { MAX_ID } from "../../utils/params.ts";
import {
  checkbox,
  optionalHttpsUrl,
  optionalText,
  optionalUrl,
} from "../../utils/schema-fields.ts";
import { readMetricRows } from "./metrics.ts";
import { PRODUCT_AREAS, STORY_INDUSTRIES, TALK_FORMAT_VALUES } from "./formats.ts";
import { isValidTimeZone, zonedLocalToInstant } from "./time.ts";

const text = (min: number, max: number, what: string) =>
  z
    .string({ required_error: `Enter ${what}.` })
    .trim()
    .min(min, min <= 1 ? `Enter ${what}.` : `Enter ${what} (at least ${min} characters).`)
    .max(max, `Keep ${what} under ${max.toLocaleString("en-US")} characters.`);

const optionalCount = (what: string) =>
  z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || /^\d{1,7}$/.test(v.replace(/,/g, "")), {
      message: `Enter ${what} as a whole number, or leave it empty.`,
    })
    .transform((v) => (v === "" ? null : Number(v.replace(/,/g, ""))));

const format = z.enum(TALK_FORMAT_VALUES, {
  errorMap: () => ({ message: "Choose conference, webinar, podcast or meetup." }),
});

const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, { message: "Choose the time zone the event is in." });

const localTime = (what: string) =>
  z
    .string({ required_error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, `Enter ${what} as a date and time.`);

/** A manager posts or edits a speaking opportunity. */
export const OpportunitySchema = z
  .object({
    title: text(3, 140, "a title"),
    eventName: text(2, 140, "the event's name"),
    format,
    startsAt: localTime("when the event starts"),
    timeZone,
    isVirtual: checkbox,
    location: optionalText("the location", 140),
    expectedAudience: optionalCount("the expected audience"),
    audienceDescription: optionalText("who the audience is", 200),
    topic: optionalText("the topic", 4000),
    eventUrl: optionalUrl("event"),
    deadline: localTime("the application deadline"),
    status: z.enum(["open", "closed", "filled"]).default("open"),
  })
  .superRefine((v, ctx) => {
    if (!v.isVirtual && !v.location)
      ctx.addIssue({
        code: "custom",
        path: ["location"],
        message: "Enter where the event is held, or tick “Virtual event”.",
      });
    const starts = zonedLocalToInstant(v.startsAt, v.timeZone);
    const deadline = zonedLocalToInstant(v.deadline, v.timeZone);
    if (!starts)
      ctx.addIssue({ code: "custom", path: ["startsAt"], message: "That date does not exist." });
    if (!deadline)
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "That date does not exist." });
    if (starts && deadline && deadline > starts)
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        message: "The application deadline must be on or before the event.",
      });
  })
  .transform((v) => ({
    title: v.title,
    eventName: v.eventName,
    format: v.format,
    startsAt: zonedLocalToInstant(v.startsAt, v.timeZone)!,
    timeZone: v.timeZone,
    isVirtual: v.isVirtual,
    location: v.isVirtual ? "" : v.location,
    expectedAudience: v.expectedAudience,
    audienceDescription: v.audienceDescription,
    topic: v.topic,
    eventUrl: v.eventUrl,
    applicationDeadline: zonedLocalToInstant(v.deadline, v.timeZone)!,
    status: v.status,
  }));
export type OpportunityInput = z.infer<typeof OpportunitySchema>;

/** A row's id from a form: a positive whole number within the database's range. */
const idField = z.coerce.number().int().positive().max(MAX_ID);

export const WithdrawSchema = z.object({ applicationId: idField });

export const ApplicationSchema = z.object({
  talkTitle: optionalText("the talk title", 140),
  pitch: text(20, 2000, "your pitch"),
});

export const DecisionSchema = z
  .object({
    decision: z.enum(["shortlist", "accept", "decline"], {
      errorMap: () => ({ message: "Choose shortlist, accept or decline." }),
    }),
    applicationId: idField,
    message: optionalText("the message", 1000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "decline" && !v.message)
      ctx.addIssue({
        code: "custom",
        path: ["message"],
        message: "Tell the advocate why, so they can pitch better next time.",
      });
  });

const evidenceFields = {
  recordingUrl: optionalUrl("recording"),
  slidesUrl: optionalUrl("slides"),
  attendance: optionalCount("the attendance"),
  evidenceNote: optionalText("the note", 1000),
};

/** Every evidence field is checked together, so all messages show at once. */
export const EvidenceSchema = z
  .object({
    recordingUrl: z.string().default(""),
    slidesUrl: z.string().default(""),
    attendance: z.string().default(""),
    evidenceNote: z.string().default(""),
  })
  .transform((raw, ctx) => {
    const parsed = z.object(evidenceFields).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue(issue);
    }
    if (!raw.recordingUrl.trim() && !raw.slidesUrl.trim())
      ctx.addIssue({
        code: "custom",
        path: ["recordingUrl"],
        message: "Add a link to the recording or to the slides.",
      });
    return parsed.success ? parsed.data : z.NEVER;
  });
export type EvidenceInput = z.infer<typeof EvidenceSchema>;

/** An advocate logs a talk they gave (or will give) somewhere else. */
export const LogTalkSchema = z
  .object({
    title: text(3, 140, "the talk's title"),
    eventName: text(2, 140, "the event's name"),
    format,
    givenAt: localTime("when you gave the talk"),
    timeZone,
    isVirtual: checkbox,
    location: optionalText("the location", 140),
    abstract: optionalText("the abstract", 2000),
    eventUrl: optionalUrl("event"),
    ...evidenceFields,
  })
  .superRefine((v, ctx) => {
    if (!v.isVirtual && !v.location)
      ctx.addIssue({
        code: "custom",
        path: ["location"],
        message: "Enter where the event was held, or tick “Virtual event”.",
      });
    if (!zonedLocalToInstant(v.givenAt, v.timeZone))
      ctx.addIssue({ code: "custom", path: ["givenAt"], message: "That date does not exist." });
  })
  .transform((v) => ({
    title: v.title,
    eventName: v.eventName,
    format: v.format,
    givenAt: zonedLocalToInstant(v.givenAt, v.timeZone)!,
    timeZone: v.timeZone,
    isVirtual: v.isVirtual,
    location: v.isVirtual ? "" : v.location,
    abstract: v.abstract,
    eventUrl: v.eventUrl,
    evidence:
      v.recordingUrl || v.slidesUrl || v.attendance !== null
        ? {
            recordingUrl: v.recordingUrl,
            slidesUrl: v.slidesUrl,
            attendance: v.attendance,
            evidenceNote: v.evidenceNote,
          }
        : null,
  }));
export type LogTalkInput = z.infer<typeof LogTalkSchema>;

export const ReasonSchema = z.object({
  reason: text(5, 1000, "a reason"),
});

export const CommentSchema = z.object({
  comment: text(5, 2000, "what should change"),
});

/** About two hours of speech. */
export const MAX_TRANSCRIPT = 20_000;

const storyFields = {
  title: text(5, 140, "a title"),
  company: optionalText("the company name", 80),
  industry: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || (STORY_INDUSTRIES as readonly string[]).includes(v), {
      message: "Choose an industry from the list.",
    }),
  productArea: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || (PRODUCT_AREAS as readonly string[]).includes(v), {
      message: "Choose a product area from the list.",
    }),
  challenge: optionalText("the challenge", 8000),
  solution: optionalText("the solution", 8000),
  results: optionalText("the results", 8000),
  pullQuote: optionalText("the pull quote", 280),
  videoUrl: optionalHttpsUrl("video"),
  videoTranscript: optionalText("the transcript", MAX_TRANSCRIPT),
  /** Empty: detected from the story's words. */
  language: writtenInField,
  consent: checkbox,
};

/** A story as the form sends it: fields plus the rows of the metrics table. */
export const StorySchema = z
  .object(storyFields)
  .passthrough()
  .superRefine((v, ctx) => {
    const { errors } = readMetricRows(v);
    for (const [key, message] of Object.entries(errors))
      ctx.addIssue({ code: "custom", path: [key], message });
    if (v.videoTranscript && !v.videoUrl)
      ctx.addIssue({
        code: "custom",
        path: ["videoUrl"],
        message: "Add the link to the video this transcript belongs to, or clear the transcript.",
      });
  })
  .transform((v) => ({
    title: v.title,
    company: v.company,
    industry: v.industry,
    productArea: v.productArea,
    challenge: v.challenge,
    solution: v.solution,
    results: v.results,
    pullQuote: v.pullQuote,
    videoUrl: v.videoUrl,
    videoTranscript: v.videoTranscript,
    ...(v.language && { language: v.language }),
    consent: v.consent,
    metrics: readMetricRows(v).rows,
  }));
export type StoryInput = z.infer<typeof StorySchema>;

/** What a story needs before it can go to review; messages keyed by field. */
export function storySubmissionProblems(story: {
  title: string;
  company: string;
  industry: string;
  productArea: string;
  challenge: string;
  solution: string;
  results: string;
  metrics: unknown[];
  consent: boolean;
}): Record<string, string> {
  const problems: Record<string, string> = {};
  if (story.title.trim().length < 5) problems.title = "Give the story a title.";
  if (!story.company.trim()) problems.company = "Name the company the story is about.";
  if (!story.industry) problems.industry = "Choose the industry, so peers can find it.";
  if (!story.productArea) problems.productArea = "Choose the product area the story is about.";
  if (story.challenge.trim().length < 40)
    problems.challenge = "Describe the challenge in a few sentences (at least 40 characters).";
  if (story.solution.trim().length < 40)
    problems.solution = "Describe what you built (at least 40 characters).";
  if (story.results.trim().length < 40)
    problems.results = "Describe the results (at least 40 characters).";
  if (story.metrics.length === 0)
    problems.metrics = "Add at least one before/after metric — it becomes the headline.";
  if (!story.consent)
    problems.consent = "Confirm that you may publish this story on behalf of your company.";
  return problems;
}
