import { inTransaction } from "../../../db/transaction.ts";
import type { Queryable } from "../../../db/client.ts";
import { recordNotices, type RecordedNotice } from "../notifications/record.server.ts";
import type { RealtimePublisher } from "../realtime/publisher.ts";
import { announcePoints, type AwardedEntry } from "../reputation/ledger.server.ts";

/** A message to one person, kept in their notifications and told live once the change has committed. */
export interface Notice {
  userId: number;
  kind: "success" | "info" | "error";
  title: string;
  description?: string;
  /** The page it concerns; the change's own page when not given. */
  url?: string;
}

/**
 * What a change produced besides its rows: messages for the people it
 * concerns and ledger entries to announce. Domain functions return it; the
 * caller delivers it after the transaction commits (never before).
 */
export interface Outcome<T> {
  value: T;
  notices: Notice[];
  points: (AwardedEntry | null)[];
  /** The notices as kept in the notifications list (set by changeWithNotices). */
  recorded?: RecordedNotice[];
}

/**
 * Runs a change in one transaction and keeps its notices in the
 * notifications list in that same transaction: the decision and the record
 * that someone was told commit together, or neither does.
 */
export function changeWithNotices<T>(
  db: Queryable,
  /** The change's own page (for notices that name none) and when it happens. */
  context: { url: string; at?: Date },
  change: (trx: Queryable) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  return inTransaction(db, async (trx) => {
    const outcome = await change(trx);
    const recorded = await recordNotices(
      trx,
      outcome.notices.map((n) => ({
        userId: n.userId,
        title: n.title,
        description: n.description,
        url: n.url ?? context.url,
      })),
      context.at,
    );
    return { ...outcome, recorded: [...(outcome.recorded ?? []), ...recorded] };
  });
}

export function deliver(publisher: RealtimePublisher, outcome: Omit<Outcome<unknown>, "value">) {
  for (const notice of outcome.notices) {
    publisher.toUser(notice.userId, "toast", {
      kind: notice.kind,
      title: notice.title,
      description: notice.description,
    });
  }
  for (const { userId, payload } of outcome.recorded ?? [])
    publisher.toUser(userId, "notification:new", payload);
  announcePoints(publisher, outcome.points);
}
