import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type NotificationKind = "reply" | "mention" | "accepted" | "points" | "notice";

/** One thing a person was told: about a post (reply, mention, accepted answer) or a notice of a decision. */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  actor_id: number | null;
  thread_id: number | null;
  post_id: number | null;
  /** Extra facts for the line (points earned, rule). */
  data: ColumnType<Record<string, unknown>, Record<string, unknown> | string | undefined, never>;
  created_at: CreatedAt;
  read_at: MaybeTime;
}

/** A discussion notification already considered for mail (sent, folded or skipped by preference). */
export interface NotificationMailsTable {
  notification_id: number;
  created_at: CreatedAt;
}

/** The notifications list (owned by app/modules/notifications). */
export interface NotificationTables {
  notifications: NotificationsTable;
  notification_mails: NotificationMailsTable;
}
