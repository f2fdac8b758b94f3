import type { RealtimePublisher } from "../realtime/publisher.ts";
import { announcePoints, type AwardedEntry } from "../reputation/ledger.server.ts";

/** A live message to one person, sent once the change it describes has committed. */
export interface Notice {
  userId: number;
  kind: "success" | "info" | "error";
  title: string;
  description?: string;
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
}

export function deliver(publisher: RealtimePublisher, outcome: Omit<Outcome<unknown>, "value">) {
  for (const notice of outcome.notices) {
    publisher.toUser(notice.userId, "toast", {
      kind: notice.kind,
      title: notice.title,
      description: notice.description,
    });
  }
  announcePoints(publisher, outcome.points);
}
