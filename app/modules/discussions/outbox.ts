import type { AwardedEntry } from "../reputation/ledger.server.ts";
import { announcePoints } from "../reputation/ledger.server.ts";
import type {
  ThreadEventName,
  ThreadEventPayload,
  UserEventName,
  UserEventPayload,
} from "../realtime/events.ts";
import {
  publishToThread,
  type RealtimePublisher,
  type ThreadAccess,
  type ThreadDelivery,
} from "../realtime/publisher.ts";

/**
 * What a change wants to tell people, collected inside the transaction and
 * delivered only after it commits (never before: a rolled-back reply must
 * never have been seen).
 */
export class Outbox {
  readonly thread: ThreadDelivery[] = [];
  readonly user: { userId: number; event: string; payload: unknown }[] = [];
  readonly points: (AwardedEntry | null)[] = [];
  readonly recheck: ThreadAccess[] = [];

  toThread<E extends ThreadEventName>(
    access: ThreadAccess,
    event: E,
    payload: ThreadEventPayload<E>,
    staff?: { event: ThreadEventName; payload: unknown },
  ) {
    this.thread.push({ access, event, payload, staff });
  }

  toUser<E extends UserEventName>(userId: number, event: E, payload: UserEventPayload<E>) {
    this.user.push({ userId, event, payload });
  }

  award(...entries: (AwardedEntry | null)[]) {
    this.points.push(...entries);
  }

  accessChanged(access: ThreadAccess) {
    this.recheck.push(access);
  }

  /** Delivers everything, in order: access first, then thread events, then personal ones. */
  deliver(publisher: RealtimePublisher) {
    for (const access of this.recheck) publisher.recheckThread?.(access);
    for (const delivery of this.thread) publishToThread(publisher, delivery);
    for (const { userId, event, payload } of this.user) publisher.toUser(userId, event, payload);
    announcePoints(publisher, this.points);
  }
}
