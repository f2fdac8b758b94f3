import { sendWebhookLater } from "../integrations/webhooks.server.ts";
import { npsResponseForWebhook } from "./webhook-payloads.server.ts";
import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { ConflictError, FieldError, isUniqueViolation } from "../auth/errors.ts";
import {
  checkSurveyCsv,
  netPromoterScore,
  responseKey,
  SurveyFileError,
  type CheckedRow,
  type NpsCategory,
  type SurveyRow,
} from "./nps.ts";
import { containing } from "../../utils/like.ts";

export type PreviewStatus = "new" | "already imported" | "problem";

export interface PreviewRow extends CheckedRow {
  status: PreviewStatus;
}

async function existingKeys(db: Queryable, rows: SurveyRow[]): Promise<Set<string>> {
  const keys = new Set<string>();
  if (rows.length === 0) return keys;
  const emails = [...new Set(rows.map((r) => r.email))];
  // One query per chunk of emails; the file is at most a few thousand rows.
  for (let i = 0; i < emails.length; i += 500) {
    const found = await db
      .selectFrom("nps_responses")
      .select(["email", "responded_at"])
      .where(sql<string>`lower(email)`, "in", emails.slice(i, i + 500))
      .execute();
    for (const f of found) keys.add(responseKey(f.email, new Date(f.responded_at)));
  }
  return keys;
}

/** Checks a survey export against the file rules and what is already stored; writes nothing. */
export async function previewSurveyImport(db: Queryable, text: string) {
  const { rows } = checkSurveyCsv(text);
  const valid = rows.flatMap((r) => (r.row ? [r.row] : []));
  const stored = await existingKeys(db, valid);
  const preview: PreviewRow[] = rows.map((r) => ({
    ...r,
    status: !r.row
      ? "problem"
      : stored.has(responseKey(r.row.email, r.row.respondedAt))
        ? "already imported"
        : "new",
  }));
  return {
    rows: preview,
    counts: {
      total: preview.length,
      new: preview.filter((r) => r.status === "new").length,
      alreadyImported: preview.filter((r) => r.status === "already imported").length,
      problems: preview.filter((r) => r.status === "problem").length,
    },
  };
}

/**
 * Imports the responses of a survey export the manager has seen in preview.
 * Rows with problems block the import unless the manager chose to leave them
 * out; responses already stored are skipped, so importing a file twice adds
 * nothing the second time. All or nothing: one transaction.
 */
export const importSurvey = defineCommand({
  name: "nps.import",
  authorize(viewer) {
    ensure("managePromoters", viewer);
  },
  async run(
    trx,
    input: { text: string; fileName: string; skipProblems: boolean },
    { viewer, effects, now },
  ) {
    ensure("managePromoters", viewer);
    const { rows } = checkSurveyCsv(input.text, now);
    const problems = rows.filter((r) => !r.row);
    if (problems.length && !input.skipProblems) {
      throw new SurveyFileError(
        `${problems.length} row${problems.length === 1 ? " has" : "s have"} problems (first on line ${problems[0].line}). Fix the file, or confirm that those rows are left out. Nothing was imported.`,
      );
    }
    const valid = rows.flatMap((r) => (r.row ? [r.row] : []));
    if (valid.length === 0) throw new SurveyFileError("No row of this file can be imported.");
    const batch = await trx
      .insertInto("nps_imports")
      .values({
        file_name: input.fileName.slice(0, 200) || "survey.csv",
        imported_by: viewer.id,
        rows_in_file: rows.length,
        rows_added: 0,
        rows_skipped: 0,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    let added = 0;
    for (let i = 0; i < valid.length; i += 200) {
      const inserted = await trx
        .insertInto("nps_responses")
        .values(
          valid.slice(i, i + 200).map((r) => ({
            email: r.email,
            name: r.name,
            company: r.company,
            score: r.score,
            comment: r.comment,
            responded_at: r.respondedAt,
            import_id: batch.id,
            entered_by: viewer.id,
          })),
        )
        .onConflict((oc) => oc.expression(sql`lower(email), responded_at`).doNothing())
        .returning("id")
        .execute();
      added += inserted.length;
    }
    const skipped = rows.length - added;
    await trx
      .updateTable("nps_imports")
      .set({ rows_added: added, rows_skipped: skipped })
      .where("id", "=", batch.id)
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: "nps.imported",
      subjectType: "nps_import",
      subjectId: batch.id,
      details: {
        file: input.fileName,
        rows: rows.length,
        added,
        alreadyImported: valid.length - added,
        leftOut: problems.length,
      },
    });
    return {
      importId: batch.id,
      added,
      alreadyImported: valid.length - added,
      leftOut: problems.length,
    };
  },
});

/** One response entered by hand (from a call or an interview). */
export const addResponse = defineCommand({
  name: "nps.response_add",
  authorize(viewer) {
    ensure("managePromoters", viewer);
  },
  async run(trx, row: SurveyRow, { viewer, effects }) {
    ensure("managePromoters", viewer);
    try {
      const inserted = await trx
        .insertInto("nps_responses")
        .values({
          email: row.email.toLowerCase(),
          name: row.name,
          company: row.company,
          score: row.score,
          comment: row.comment,
          responded_at: row.respondedAt,
          entered_by: viewer.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      effects.audit({
        actorId: viewer.id,
        action: "nps.response_added",
        subjectType: "nps_response",
        subjectId: inserted.id,
        details: { score: row.score },
      });
      sendWebhookLater(effects, "nps.response_recorded", (trx) =>
        npsResponseForWebhook(trx, inserted.id),
      );
      return inserted;
    } catch (error) {
      if (isUniqueViolation(error, "nps_responses_email_responded_key"))
        throw new ConflictError("A response from this email at this time is already recorded.");
      throw error;
    }
  },
});

const categorySql = sql<NpsCategory>`case when score >= 9 then 'promoter' when score >= 7 then 'passive' else 'detractor' end`;

export interface MonthNps {
  /** First day of the month, YYYY-MM. */
  month: string;
  promoters: number;
  passives: number;
  detractors: number;
  total: number;
  nps: number | null;
}

export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The last `months` calendar months (UTC) ending with the month of `now`, oldest first. */
export function lastMonths(now: Date, months: number): string[] {
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    keys.push(monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  }
  return keys;
}

/** NPS overall and for each of the last `months` months, from every stored response. */
export async function npsSummary(db: Queryable, options: { now?: Date; months?: number } = {}) {
  const now = options.now ?? new Date();
  const months = lastMonths(now, options.months ?? 12);
  const rows = await db
    .selectFrom("nps_responses")
    .select([
      sql<string>`to_char(date_trunc('month', responded_at at time zone 'UTC'), 'YYYY-MM')`.as(
        "month",
      ),
      sql<number>`count(*) filter (where score >= 9)`.as("promoters"),
      sql<number>`count(*) filter (where score between 7 and 8)`.as("passives"),
      sql<number>`count(*) filter (where score <= 6)`.as("detractors"),
    ])
    .groupBy(sql`1`)
    .execute();
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const overall = { promoters: 0, passives: 0, detractors: 0 };
  for (const r of rows) {
    overall.promoters += Number(r.promoters);
    overall.passives += Number(r.passives);
    overall.detractors += Number(r.detractors);
  }
  const monthly: MonthNps[] = months.map((month) => {
    const r = byMonth.get(month);
    const counts = {
      promoters: Number(r?.promoters ?? 0),
      passives: Number(r?.passives ?? 0),
      detractors: Number(r?.detractors ?? 0),
    };
    return {
      month,
      ...counts,
      total: counts.promoters + counts.passives + counts.detractors,
      nps: netPromoterScore(counts),
    };
  });
  const total = overall.promoters + overall.passives + overall.detractors;
  return { overall: { ...overall, total, nps: netPromoterScore(overall) }, monthly };
}

export const RESPONSES_PAGE_SIZE = 25;

export async function listResponses(
  db: Queryable,
  filters: { category?: NpsCategory; q?: string; page?: number },
) {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  let query = db.selectFrom("nps_responses");
  if (filters.category) query = query.where(categorySql, "=", filters.category);
  const q = filters.q?.trim();
  if (q) {
    const pattern = containing(q);
    query = query.where((eb) =>
      eb.or([
        eb("email", "ilike", pattern),
        eb("name", "ilike", pattern),
        eb("company", "ilike", pattern),
        eb("comment", "ilike", pattern),
      ]),
    );
  }
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select(["id", "email", "name", "company", "score", "comment", "responded_at"])
    .select(categorySql.as("category"))
    .orderBy("responded_at", "desc")
    .orderBy("id", "desc")
    .limit(RESPONSES_PAGE_SIZE)
    .offset((page - 1) * RESPONSES_PAGE_SIZE)
    .execute();
  return {
    rows,
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / RESPONSES_PAGE_SIZE)),
  };
}

export async function getResponse(db: Queryable, id: number) {
  return db.selectFrom("nps_responses").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A response entered by hand, validated like one CSV row. */
export function checkManualResponse(values: {
  email: string;
  name: string;
  company: string;
  score: string;
  comment: string;
  respondedAt: string;
}): SurveyRow {
  const header = "email,name,company,score,comment,responded at";
  const { rows } = checkSurveyCsv(
    `${header}\n${[
      values.email,
      values.name,
      values.company,
      values.score,
      values.comment,
      values.respondedAt,
    ]
      .map((v) => `"${v.replace(/"/g, '""')}"`)
      .join(",")}\n`,
  );
  const [row] = rows;
  if (row.row) return row.row;
  const message = row.errors[0];
  const field = /email/i.test(message)
    ? "email"
    : /score/i.test(message)
      ? "score"
      : /date/i.test(message)
        ? "respondedAt"
        : /name/i.test(message)
          ? "name"
          : /company/i.test(message)
            ? "company"
            : "comment";
  throw new FieldError(field, message);
}
