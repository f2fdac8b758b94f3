import type { Queryable } from "../../../db/client.ts";
import { recordAudit, type AuditEntry } from "../audit/audit.server.ts";
import { DEFAULT_SITE, type SiteSettings } from "../mail/settings.ts";
import { recordNotices } from "../notifications/record.server.ts";
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
} from "../realtime/publisher.ts";

/** A message to one person: kept in their notifications list, and told live once the change commits. */
export interface Notice {
  userId: number;
  kind: "success" | "info" | "error";
  title: string;
  description?: string;
  /** The page it concerns, a path on this site. */
  url: string;
}

type Delivery = (publisher: RealtimePublisher) => void;
type Write = (trx: Queryable) => Promise<void>;

/**
 * What a command produces besides its own rows, collected while it runs.
 * Audit rows and notices are written inside the command's transaction (so
 * the decision and its record commit together, or neither does); socket
 * events, cache drops and everything else that leaves the process are
 * released only after the commit (a rolled-back change was never seen).
 *
 * Commands receive one from the runner; nothing else creates or delivers one.
 */
export class Effects {
  readonly #writes: Write[] = [];
  readonly #rechecks: ThreadAccess[] = [];
  readonly #deliveries: Delivery[] = [];
  readonly #refreshed = new Set<number>();

  constructor(
    /** When the change happens: audit rows and notices carry this time. */
    readonly at: Date,
    /** The site's public address and sender, for messages composed by the change. */
    readonly site: SiteSettings = DEFAULT_SITE,
  ) {}

  /** One row in the audit log, written in the command's transaction. */
  audit(entry: AuditEntry): void {
    this.#writes.push((trx) => recordAudit(trx, entry));
  }

  /** A notice kept in the person's notifications, then a toast and their bell told live. */
  notify(notice: Notice): void {
    this.#writes.push(async (trx) => {
      const [recorded] = await recordNotices(trx, [notice], this.at);
      this.#deliveries.push((publisher) => {
        publisher.toUser(notice.userId, "toast", {
          kind: notice.kind,
          title: notice.title,
          description: notice.description,
        });
        publisher.toUser(notice.userId, "notification:new", recorded.payload);
      });
    });
  }

  /** An event for one person's open sockets (typed where the event has a schema). */
  toUser<E extends string>(
    userId: number,
    event: E,
    payload: E extends UserEventName ? UserEventPayload<E> : unknown,
  ): void {
    this.#deliveries.push((publisher) => publisher.toUser(userId, event, payload));
  }

  /** An event for a thread's readers, each receiving socket checked by the policy. */
  toThread<E extends ThreadEventName>(
    access: ThreadAccess,
    event: E,
    payload: ThreadEventPayload<E>,
    staff?: { event: ThreadEventName; payload: unknown },
  ): void {
    this.#deliveries.push((publisher) =>
      publishToThread(publisher, { access, event, payload, staff }),
    );
  }

  /** A thread's access changed: sockets that lost it leave its room, before any other event. */
  accessChanged(access: ThreadAccess): void {
    this.#rechecks.push(access);
  }

  /** A person's standing changed (role, tier): their sockets reload it, once per change. */
  refreshViewer(userId: number): void {
    if (this.#refreshed.has(userId)) return;
    this.#refreshed.add(userId);
    this.#deliveries.push((publisher) => publisher.refreshViewer?.(userId));
  }

  /** A person's sessions ended: their open sockets close (all but the one that asked, if given). */
  endSessions(userId: number, exceptSessionId?: string): void {
    this.#deliveries.push((publisher) => publisher.endSessions?.(userId, exceptSessionId));
  }

  /** Anything else that may only happen once the change has committed. */
  afterCommit(delivery: Delivery): void {
    this.#deliveries.push(delivery);
  }

  /** A row another module keeps for this change, written at the end of the transaction. */
  beforeCommit(write: Write): void {
    this.#writes.push(write);
  }

  /** The runner calls this last inside the transaction. */
  async flush(trx: Queryable): Promise<void> {
    // A write may add another (a notice's delivery), so this drains in order.
    for (let i = 0; i < this.#writes.length; i++) await this.#writes[i](trx);
    this.#writes.length = 0;
  }

  /** The runner calls this once the transaction has committed: access first, then events in order. */
  deliver(publisher: RealtimePublisher): void {
    for (const access of this.#rechecks) publisher.recheckThread?.(access);
    for (const delivery of this.#deliveries) delivery(publisher);
  }
}
