import { z } from "zod";
import { optionalText, optionalUrl } from "../../utils/schema-fields.ts";
import { isValidTimeZone, zonedLocalToInstant } from "../advocacy/time.ts";

export const EVENT_KINDS = [
  { value: "meetup", label: "Meetup" },
  { value: "webinar", label: "Webinar" },
  { value: "seminar", label: "Seminar" },
  { value: "user_group", label: "User-group session" },
] as const;
const KIND_VALUES = ["meetup", "webinar", "seminar", "user_group"] as const;

const localTime = (what: string) =>
  z
    .string({ required_error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, `Enter ${what} as a date and time.`);

const handles = z
  .string()
  .trim()
  .default("")
  .transform((v) =>
    v
      .split(/[\s,]+/)
      .map((h) => h.replace(/^@/, "").toLowerCase())
      .filter(Boolean),
  )
  .refine((list) => list.length <= 10, { message: "List at most ten speakers." });

/** A manager or chapter leader posts an event. Times are wall-clock times in the event's zone. */
export const EventSchema = z
  .object({
    chapterId: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^\d{1,9}$/.test(v), {
        message: "Choose a chapter from the list.",
      })
      .transform((v) => (v === "" ? null : Number(v))),
    kind: z.enum(KIND_VALUES, {
      errorMap: () => ({ message: "Choose meetup, webinar, seminar or user-group session." }),
    }),
    title: z
      .string({ required_error: "Enter a title." })
      .trim()
      .min(3, "Enter a title (at least 3 characters).")
      .max(140, "Keep the title under 140 characters."),
    description: optionalText("the description", 4000),
    startsAt: localTime("when the event starts"),
    endsAt: localTime("when the event ends"),
    timeZone: z.string().trim().refine(isValidTimeZone, {
      message: "That time zone does not exist: choose one such as Europe/Madrid.",
    }),
    venue: optionalText("the venue", 200),
    onlineUrl: optionalUrl("online meeting"),
    capacity: z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, "Enter how many seats there are, as a whole number.")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 10_000, { message: "Offer between 1 and 10,000 seats." }),
    host: z
      .string()
      .trim()
      .default("")
      .transform((v) => v.replace(/^@/, "").toLowerCase()),
    speakers: handles,
  })
  .superRefine((v, ctx) => {
    const starts = zonedLocalToInstant(v.startsAt, v.timeZone);
    const ends = zonedLocalToInstant(v.endsAt, v.timeZone);
    if (isValidTimeZone(v.timeZone)) {
      if (!starts)
        ctx.addIssue({ code: "custom", path: ["startsAt"], message: "That date does not exist." });
      if (!ends)
        ctx.addIssue({ code: "custom", path: ["endsAt"], message: "That date does not exist." });
    }
    if (starts && ends && ends <= starts)
      ctx.addIssue({
        code: "custom",
        path: ["endsAt"],
        message: "The event must end after it starts.",
      });
    if (!v.venue && !v.onlineUrl)
      ctx.addIssue({
        code: "custom",
        path: ["venue"],
        message: "Give a venue, an online link, or both.",
      });
  })
  .transform((v) => ({
    chapterId: v.chapterId,
    kind: v.kind,
    title: v.title,
    description: v.description,
    startsAt: zonedLocalToInstant(v.startsAt, v.timeZone)!,
    endsAt: zonedLocalToInstant(v.endsAt, v.timeZone)!,
    timeZone: v.timeZone,
    venue: v.venue,
    onlineUrl: v.onlineUrl,
    capacity: v.capacity,
    hostHandle: v.host,
    speakerHandles: v.speakers,
  }));
export type EventInput = z.infer<typeof EventSchema>;

/** After the event: its recording, for one tier and above ("tier-<id>") or for everyone ("public"). */
export const RecordingSchema = z.object({
  title: z
    .string({ required_error: "Give the recording a title." })
    .trim()
    .min(3, "Give the recording a title (at least 3 characters).")
    .max(160, "Keep the title under 160 characters."),
  summary: optionalText("the summary", 600),
  recordingUrl: optionalUrl("recording").refine((v) => v !== "", {
    message: "Enter the recording's link, starting with https://.",
  }),
  audience: z
    .string({ required_error: "Choose who may watch it." })
    .trim()
    .refine((v) => v === "public" || /^tier-\d{1,9}$/.test(v), {
      message: "Choose a tier from the list, or everyone.",
    })
    .transform((v) => (v === "public" ? null : Number(v.slice(5)))),
});
export type RecordingInput = z.infer<typeof RecordingSchema>;
