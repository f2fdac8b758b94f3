import { DomainError } from "../../utils/errors.ts";
import { parseCsv, type CsvRecord } from "./csv.ts";

export type NpsCategory = "promoter" | "passive" | "detractor";

/** Promoter 9–10, passive 7–8, detractor 0–6. */
export function classifyScore(score: number): NpsCategory {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** % promoters − % detractors, rounded to a whole number; null when nobody answered. */
export function netPromoterScore(counts: NpsCounts): number | null {
  const total = counts.promoters + counts.passives + counts.detractors;
  if (total === 0) return null;
  return Math.round(((counts.promoters - counts.detractors) / total) * 100);
}

export function countCategories(scores: number[]): NpsCounts {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    const category = classifyScore(score);
    if (category === "promoter") counts.promoters++;
    else if (category === "passive") counts.passives++;
    else counts.detractors++;
  }
  return counts;
}

export const SURVEY_COLUMNS = [
  "email",
  "name",
  "company",
  "score",
  "comment",
  "respondedAt",
] as const;
export type SurveyColumn = (typeof SURVEY_COLUMNS)[number];
export const REQUIRED_COLUMNS: SurveyColumn[] = ["email", "score", "respondedAt"];

export const COLUMN_LABELS: Record<SurveyColumn, string> = {
  email: "email",
  name: "name",
  company: "company",
  score: "score",
  comment: "comment",
  respondedAt: "responded at",
};

// Header names are compared in lower case with spaces, dashes and underscores removed.
const HEADER_ALIASES: Record<string, SurveyColumn> = {
  email: "email",
  emailaddress: "email",
  name: "name",
  fullname: "name",
  company: "company",
  organisation: "company",
  organization: "company",
  score: "score",
  npsscore: "score",
  comment: "comment",
  comments: "comment",
  respondedat: "respondedAt",
  responsedate: "respondedAt",
  date: "respondedAt",
};

const normaliseHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

export interface SurveyRow {
  email: string;
  name: string;
  company: string;
  score: number;
  comment: string;
  respondedAt: Date;
}

export interface CheckedRow {
  /** Line in the file where the row starts. */
  line: number;
  values: Record<SurveyColumn, string>;
  row: SurveyRow | null;
  errors: string[];
  /** Another row of the same file has the same email and time. */
  duplicateInFile: boolean;
}

export class SurveyFileError extends DomainError {
  constructor(message: string) {
    super(message, { status: 400, code: "survey_file_invalid" });
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A response time as written in a survey export: an ISO date (taken as
 * midnight UTC) or date and time (UTC unless an offset is given). Other
 * shapes such as 03/04/2026 are refused: day and month cannot be told apart.
 */
export function parseRespondedAt(text: string): Date | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  )
    return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const offset =
    !zone || zone === "Z" ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The lowercase key that makes two responses the same one. */
export const responseKey = (email: string, respondedAt: Date) =>
  `${email.trim().toLowerCase()}|${respondedAt.toISOString()}`;

export const MAX_SURVEY_ROWS = 5000;

/** Characters no text export holds: C0 controls other than tab and line breaks, and U+FFFD. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000E-\u001F\uFFFD]/;

/**
 * Reads a survey export and checks it row by row without touching the
 * database: missing columns refuse the whole file; each row gets its own
 * list of problems.
 */
export function checkSurveyCsv(
  text: string,
  now: Date = new Date(),
): { rows: CheckedRow[]; columns: SurveyColumn[] } {
  // An image, spreadsheet or PDF chosen by mistake decodes to control characters and
  // U+FFFD; saying "missing columns" about it would send the manager looking for a typo.
  if (BINARY.test(text))
    throw new SurveyFileError(
      "That is not a CSV file: it holds binary data, such as an image or a spreadsheet. Export the survey as CSV (comma-separated text) and choose that file.",
    );
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    throw new SurveyFileError(`The file is not valid CSV. ${(error as Error).message}`);
  }
  if (records.length === 0) throw new SurveyFileError("The file is empty.");
  const [header, ...data] = records;
  const index = new Map<SurveyColumn, number>();
  header.fields.forEach((name, i) => {
    const column = HEADER_ALIASES[normaliseHeader(name)];
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) {
    throw new SurveyFileError(
      `The file has no ${missing.map((c) => `“${COLUMN_LABELS[c]}”`).join(", ")} column${missing.length > 1 ? "s" : ""}. The first line must name the columns: email, name, company, score, comment, responded at.`,
    );
  }
  if (data.length === 0) throw new SurveyFileError("The file has column names but no responses.");
  if (data.length > MAX_SURVEY_ROWS)
    throw new SurveyFileError(
      `The file has ${data.length} rows; import at most ${MAX_SURVEY_ROWS} at a time.`,
    );

  const seen = new Map<string, CheckedRow>();
  const rows = data.map((record): CheckedRow => {
    const values = Object.fromEntries(
      SURVEY_COLUMNS.map((c) => [
        c,
        index.has(c) ? (record.fields[index.get(c)!] ?? "").trim() : "",
      ]),
    ) as Record<SurveyColumn, string>;
    const checked: CheckedRow = {
      line: record.line,
      values,
      row: null,
      errors: [],
      duplicateInFile: false,
    };
    if (record.fields.length !== header.fields.length) {
      checked.errors.push(
        `Has ${record.fields.length} field${record.fields.length === 1 ? "" : "s"}; the header has ${header.fields.length}.`,
      );
    }
    const email = values.email.toLowerCase();
    if (!email) checked.errors.push("The email is missing.");
    else if (!EMAIL.test(email) || email.length > 254)
      checked.errors.push(`“${values.email}” is not an email address.`);
    const score = /^\d{1,2}$/.test(values.score) ? Number(values.score) : NaN;
    if (!values.score) checked.errors.push("The score is missing.");
    else if (!Number.isInteger(score) || score < 0 || score > 10)
      checked.errors.push(`The score “${values.score}” is not a whole number from 0 to 10.`);
    const respondedAt = values.respondedAt ? parseRespondedAt(values.respondedAt) : null;
    if (!values.respondedAt) checked.errors.push("The response date is missing.");
    else if (!respondedAt)
      checked.errors.push(
        `“${values.respondedAt}” is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM.`,
      );
    else if (respondedAt.getTime() > now.getTime())
      checked.errors.push(
        `The response date “${values.respondedAt}” is in the future; nobody has answered then yet.`,
      );
    if (values.name.length > 200) checked.errors.push("The name is longer than 200 characters.");
    if (values.company.length > 200)
      checked.errors.push("The company is longer than 200 characters.");
    if (values.comment.length > 5000)
      checked.errors.push("The comment is longer than 5,000 characters.");
    if (checked.errors.length === 0 && respondedAt) {
      checked.row = {
        email,
        name: values.name,
        company: values.company,
        score,
        comment: values.comment,
        respondedAt,
      };
      const key = responseKey(email, respondedAt);
      const first = seen.get(key);
      if (first) {
        checked.duplicateInFile = true;
        checked.errors.push(`Repeats line ${first.line} (same email and response time).`);
        checked.row = null;
      } else seen.set(key, checked);
    }
    return checked;
  });
  return { rows, columns: [...index.keys()] };
}
