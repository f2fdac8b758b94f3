import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { isStaffRole, type Viewer } from "../access/policy.ts";
import { describeEntry } from "./ledger.server.ts";
import { isRuleKey, RULES, type Area } from "./rules.ts";
import { resolveSources, sourceKey, type SourceLink } from "./sources.server.ts";

export const HISTORY_PAGE_SIZE = 20;

/** Source types that are not things one can link to (a manager's hand, the system). */
const UNLINKED_SOURCES = new Set(["manual", "system", "seed"]);

export interface HistoryLine {
  id: number;
  amount: number;
  rule: string;
  area: Area;
  /** "answer accepted", "reply upvoted (reversed)". */
  phrase: string;
  reason: string | null;
  createdAt: Date;
  reversesId: number | null;
  /** The source's page when a resolver knows it and this viewer may see it. */
  link: SourceLink | null;
  /** Plain text when there is no link: "post #42". */
  sourceLabel: string | null;
  awardedBy: { handle: string; displayName: string } | null;
}

/** One page of a person's ledger, newest first, each line explained and linked. */
export async function listHistory(
  db: Queryable,
  viewer: Viewer,
  userId: number,
  options: { page?: number; pageSize?: number } = {},
) {
  const pageSize = options.pageSize ?? HISTORY_PAGE_SIZE;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const [{ n }] = await db
    .selectFrom("reputation_ledger")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .execute();
  const rows = await db
    .selectFrom("reputation_ledger as l")
    .leftJoin("users as a", "a.id", "l.awarded_by")
    .select([
      "l.id",
      "l.amount",
      "l.rule",
      "l.area",
      "l.source_type",
      "l.source_id",
      "l.reason",
      "l.reverses_id",
      "l.created_at",
      "a.handle as awarded_by_handle",
      "a.display_name as awarded_by_name",
      "a.role as awarded_by_role",
    ])
    .where("l.user_id", "=", userId)
    .orderBy("l.created_at", "desc")
    .orderBy("l.id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const links = await resolveSources(
    db,
    viewer,
    rows
      .filter((r) => !UNLINKED_SOURCES.has(r.source_type))
      .map((r) => ({ type: r.source_type, id: r.source_id })),
  );
  const lines: HistoryLine[] = rows.map((r) => {
    const link = links.get(sourceKey(r.source_type, r.source_id)) ?? null;
    const reversesId = r.reverses_id === null ? null : Number(r.reverses_id);
    // Voters stay anonymous; managers who award by hand are named.
    const staffAward = isStaffRole(r.awarded_by_role);
    return {
      id: Number(r.id),
      amount: r.amount,
      rule: r.rule,
      area: r.area,
      phrase: describeEntry({
        rule: isRuleKey(r.rule) ? r.rule : "manual_adjustment",
        reversesId,
        reason: r.reason,
      }),
      reason: r.reason,
      createdAt: new Date(r.created_at),
      reversesId,
      link,
      sourceLabel:
        link || UNLINKED_SOURCES.has(r.source_type) ? null : `${r.source_type} #${r.source_id}`,
      awardedBy:
        staffAward && r.awarded_by_handle
          ? { handle: r.awarded_by_handle, displayName: r.awarded_by_name ?? "" }
          : null,
    };
  });
  const total = Number(n);
  return { lines, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Points per day and area, for the chart of reputation over time. */
export async function dailyPoints(db: Queryable, userId: number) {
  const rows = await sql<{ day: string; area: Area; points: number }>`
    select to_char(date_trunc('day', created_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
           area, sum(amount)::int as points
    from reputation_ledger
    where user_id = ${userId}
    group by 1, 2
    order by 1`.execute(db);
  return rows.rows.map((r) => ({ day: r.day, area: r.area, points: Number(r.points) }));
}

/** Points earned in the last 30 days (derived from the ledger on demand). */
export async function recentPoints(db: Queryable, userId: number, now = new Date()) {
  const row = await db
    .selectFrom("reputation_ledger")
    .select(sql<number>`coalesce(sum(amount), 0)::int`.as("points"))
    .where("user_id", "=", userId)
    .where("created_at", ">=", new Date(now.getTime() - 30 * 86_400_000))
    .executeTakeFirstOrThrow();
  return Number(row.points);
}

export interface ExportedEntry {
  id: number;
  created_at: string;
  amount: number;
  rule: string;
  rule_label: string;
  area: Area;
  source_type: string;
  source_id: string;
  idempotency_key: string;
  awarded_by: string | null;
  reason: string | null;
  reverses_id: number | null;
}

/** A person's whole ledger, oldest first, for their own download. */
export async function exportLedger(db: Queryable, userId: number): Promise<ExportedEntry[]> {
  const rows = await db
    .selectFrom("reputation_ledger as l")
    .leftJoin("users as a", "a.id", "l.awarded_by")
    .select([
      "l.id",
      "l.created_at",
      "l.amount",
      "l.rule",
      "l.area",
      "l.source_type",
      "l.source_id",
      "l.idempotency_key",
      "a.handle as awarded_by_handle",
      "a.role as awarded_by_role",
      "l.reason",
      "l.reverses_id",
    ])
    .where("l.user_id", "=", userId)
    .orderBy("l.created_at")
    .orderBy("l.id")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    created_at: new Date(r.created_at).toISOString(),
    amount: r.amount,
    rule: r.rule,
    rule_label: isRuleKey(r.rule) ? RULES[r.rule].phrase : r.rule,
    area: r.area,
    source_type: r.source_type,
    source_id: r.source_id,
    idempotency_key: r.idempotency_key,
    // Peers who voted stay anonymous in exports too; staff awards are named.
    awarded_by: isStaffRole(r.awarded_by_role)
      ? (r.awarded_by_handle ?? null)
      : r.awarded_by_handle
        ? "a peer"
        : null,
    reason: r.reason,
    reverses_id: r.reverses_id === null ? null : Number(r.reverses_id),
  }));
}

const CSV_COLUMNS: (keyof ExportedEntry)[] = [
  "id",
  "created_at",
  "amount",
  "rule",
  "rule_label",
  "area",
  "source_type",
  "source_id",
  "idempotency_key",
  "awarded_by",
  "reason",
  "reverses_id",
];

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are defused. */
export function toCsv(entries: ExportedEntry[]): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return "";
    let text = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(",")];
  for (const e of entries) lines.push(CSV_COLUMNS.map((c) => cell(e[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
