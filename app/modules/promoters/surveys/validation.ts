import { z } from "zod";
import { parseCsv } from "../csv.ts";

/** No one is asked twice within this many days, whichever survey asks. */
export const SURVEY_COOLDOWN_DAYS = 90;
/** The same survey's link is sent to one person again at most once a week. */
export const RESEND_COOLDOWN_DAYS = 7;
/** A list audience has at most this many addresses. */
export const MAX_LIST_RECIPIENTS = 2000;

export const AUDIENCES = {
  contacts: "Everyone in imported survey responses",
  members: "Verified customers with an account",
  list: "A list of emails (CSV)",
} as const;
export type Audience = keyof typeof AUDIENCES;

export const CreateSurveySchema = z.object({
  name: z.string().trim().min(3, "Give the survey a name of at least 3 characters.").max(120),
  question: z
    .string()
    .trim()
    .min(10, "Write the question people answer from 0 to 10.")
    .max(300, "Keep the question under 300 characters."),
  followUp: z.string().trim().max(300, "Keep the follow-up question under 300 characters."),
  audience: z.enum(["contacts", "members", "list"], {
    errorMap: () => ({ message: "Choose who receives the survey." }),
  }),
  emails: z.string().max(200_000, "The list is too long.").default(""),
  sendAt: z.string().trim().default(""),
});
export type CreateSurveyInput = z.infer<typeof CreateSurveySchema>;

export const AnswerSchema = z.object({
  score: z
    .string({ required_error: "Choose a score from 0 to 10." })
    .trim()
    .regex(/^(?:[0-9]|10)$/, "Choose a score from 0 to 10."),
  comment: z.string().trim().max(2000, "Keep your answer under 2,000 characters.").default(""),
});

export const ImprovementSchema = z.object({
  improvement: z
    .string()
    .trim()
    .min(2, "Tell us in a few words, or skip this question.")
    .max(2000, "Keep your answer under 2,000 characters."),
});

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export interface ListedPerson {
  email: string;
  name: string;
  company: string;
}

/**
 * A pasted or uploaded list: one person a line, `email[,name[,company]]`,
 * with or without a header line. Any malformed line refuses the whole list
 * with its line number, so nothing is sent to half a list.
 */
export function parseEmailList(text: string): { people: ListedPerson[]; error?: string } {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    return { people: [], error: `The list is not valid CSV. ${(error as Error).message}` };
  }
  const people = new Map<string, ListedPerson>();
  for (const record of records) {
    const [first = "", name = "", company = ""] = record.fields.map((f) => f.trim());
    if (!first && record.fields.length <= 1) continue;
    if (record.line === 1 && /^e-?mail/i.test(first)) continue;
    const email = first.toLowerCase();
    if (!EMAIL.test(email) || email.length > 254)
      return { people: [], error: `Line ${record.line}: “${first}” is not an email address.` };
    if (!people.has(email))
      people.set(email, { email, name: name.slice(0, 200), company: company.slice(0, 200) });
  }
  if (people.size === 0) return { people: [], error: "The list has no email addresses." };
  if (people.size > MAX_LIST_RECIPIENTS)
    return {
      people: [],
      error: `The list has ${people.size} addresses; send to at most ${MAX_LIST_RECIPIENTS} at a time.`,
    };
  return { people: [...people.values()] };
}
