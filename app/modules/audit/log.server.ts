import { sql } from "kysely";
import { z } from "zod";
import type { Queryable } from "../../../db/client.ts";
import { paginate } from "../../utils/paginate.ts";
import { toCsv } from "../promoters/csv.ts";
import type { AuditAction } from "./actions.ts";
import { sentenceText, type DescribedEntry } from "./sentences.ts";
import { containing } from "../../utils/like.ts";

// The audit log as a manager searches it: by who, what, on whom and when,
// a page at a time, and as a CSV file of the same filtered entries.

export const AUDIT_PAGE_SIZE = 50;
/** An export holds at most this many entries; narrow the filters for more. */
export const AUDIT_EXPORT_MAX = 10_000;

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()))
  .optional()
  .catch(undefined);
const text = z.string().trim().max(100).optional().catch(undefined);

/** The filters from a query string; anything malformed is dropped rather than refused. */
export const AuditFilterSchema = z.object({
  actor: text,
  action: text,
  type: text,
  subject: text,
  from: day,
  to: day,
});
export type AuditFilters = z.infer<typeof AuditFilterSchema>;

export function auditFilters(params: URLSearchParams): AuditFilters {
  const raw = Object.fromEntries(
    ["actor", "action", "type", "subject", "from", "to"].map((k) => [
      k,
      params.get(k) || undefined,
    ]),
  );
  return AuditFilterSchema.parse(raw);
}

function filtered(db: Queryable, f: AuditFilters) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users as actor", "actor.id", "audit_log.actor_id")
    .leftJoin("users as subject", (join) =>
      join.on(
        sql<boolean>`audit_log.subject_type = 'user' and subject.id::text = audit_log.subject_id`,
      ),
    );
  const handle = (v: string) => v.replace(/^@/, "").toLowerCase();
  const within = (v: string) => containing(v.toLowerCase());
  if (f.actor) {
    const who = f.actor;
    query =
      who.toLowerCase() === "limelight" || who.toLowerCase() === "system"
        ? query.where("audit_log.actor_id", "is", null)
        : query.where((eb) =>
            eb.or([
              eb(sql`lower(actor.handle)`, "=", handle(who)),
              eb(sql`lower(actor.display_name)`, "like", within(who)),
            ]),
          );
  }
  // "tier" matches every tier.* action; "tier.granted" only that one.
  if (f.action)
    query = f.action.includes(".")
      ? query.where("audit_log.action", "=", f.action)
      : query.where("audit_log.action", "like", `${f.action}.%`);
  if (f.type) query = query.where("audit_log.subject_type", "=", f.type);
  if (f.subject) {
    const who = f.subject;
    // A number is an id of any subject; anything else is a person, by handle or name.
    query = /^#?\d+$/.test(who)
      ? query.where("audit_log.subject_id", "=", who.replace("#", ""))
      : query.where((eb) =>
          eb.or([
            eb(sql`lower(subject.handle)`, "=", handle(who)),
            eb(sql`lower(subject.display_name)`, "like", within(who)),
          ]),
        );
  }
  if (f.from) query = query.where("audit_log.created_at", ">=", new Date(`${f.from}T00:00:00Z`));
  if (f.to)
    query = query.where(
      "audit_log.created_at",
      "<",
      new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000),
    );
  return query;
}

const columns = [
  "audit_log.id",
  "audit_log.action",
  "audit_log.subject_type",
  "audit_log.subject_id",
  "audit_log.reason",
  "audit_log.details",
  "audit_log.created_at",
  "actor.handle as actor_handle",
  "actor.display_name as actor_name",
  "subject.handle as subject_handle",
  "subject.display_name as subject_name",
] as const;

export type AuditLogRow = DescribedEntry & {
  id: number;
  action: AuditAction;
  reason: string | null;
  created_at: Date;
};

async function rows(db: Queryable, f: AuditFilters, limit: number, offset: number) {
  const found = await filtered(db, f)
    .select(columns)
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  // Every row was written through recordAudit, so its action is one of the typed names.
  return found.map((row) => ({ ...row, action: row.action as AuditAction })) as AuditLogRow[];
}

/** One page of the filtered log, newest first. */
export function auditPage(db: Queryable, f: AuditFilters, page: number) {
  return paginate(page, AUDIT_PAGE_SIZE, {
    rows: (limit, offset) => rows(db, f, limit, offset),
    count: () =>
      filtered(db, f)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
  });
}

/** What the filters can choose from: the actions and subject kinds the log holds. */
export async function auditVocabulary(db: Queryable) {
  const [actions, types] = await Promise.all([
    db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute(),
    db.selectFrom("audit_log").select("subject_type").distinct().orderBy("subject_type").execute(),
  ]);
  return { actions: actions.map((a) => a.action), types: types.map((t) => t.subject_type) };
}

/** The filtered log as CSV (spreadsheet formulas neutralised), newest first. */
export async function auditCsv(db: Queryable, f: AuditFilters) {
  const entries = await rows(db, f, AUDIT_EXPORT_MAX, 0);
  return toCsv([
    [
      "Time (UTC)",
      "Actor",
      "What happened",
      "Action",
      "Subject",
      "Subject id",
      "Reason",
      "Details",
    ],
    ...entries.map((e) => [
      new Date(e.created_at).toISOString(),
      e.actor_handle ?? "",
      sentenceText(e),
      e.action,
      e.subject_type,
      e.subject_id,
      e.reason ?? "",
      JSON.stringify(e.details ?? {}),
    ]),
  ]);
}
