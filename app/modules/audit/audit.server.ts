import type { Queryable } from "../../../db/client.ts";
import type { AuditAction } from "./actions.ts";

export type { AuditAction };

export interface AuditEntry {
  actorId: number | null;
  action: AuditAction;
  subjectType: string;
  subjectId: string | number;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the transaction that makes the change it records. */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: String(entry.subjectId),
      reason: entry.reason ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export async function listAudit(
  db: Queryable,
  options: { subjectType?: string; subjectId?: string | number; limit?: number } = {},
) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users as actor", "actor.id", "audit_log.actor_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.subject_type",
      "audit_log.subject_id",
      "audit_log.reason",
      "audit_log.details",
      "audit_log.created_at",
      "actor.handle as actor_handle",
      "actor.display_name as actor_name",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(options.limit ?? 50);
  if (options.subjectType) query = query.where("audit_log.subject_type", "=", options.subjectType);
  if (options.subjectId !== undefined)
    query = query.where("audit_log.subject_id", "=", String(options.subjectId));
  // Every row was written through recordAudit, so its action is one of the typed names.
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, action: row.action as AuditAction }));
}
