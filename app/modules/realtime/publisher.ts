import type { ThreadSubject } from "../access/policy.ts";

/** A thread's access, as the policy reads it, in a form that travels between processes. */
export type ThreadAccess = ThreadSubject & { threadId: number };

/** One event for the readers of a thread; every receiving socket is checked by the policy. */
export interface ThreadDelivery {
  access: ThreadAccess;
  event: string;
  payload: unknown;
  /** What moderators receive instead (a hidden post stays visible to them, marked). */
  staff?: { event: string; payload: unknown };
  /** The socket that caused it does not get it back (typing). */
  exceptSocketId?: string;
}

/**
 * The domain's side of real time: modules publish events through this port
 * after their transaction commits; server/realtime.ts delivers them with
 * socket.io. Tests and scripts can pass a recorder or the silent publisher.
 */
export interface RealtimePublisher {
  toUser(userId: number, event: string, payload: unknown): void;
  /** Thread events, checked per receiving socket against the same policy as the page. */
  toThread(delivery: ThreadDelivery): void;
  /** A thread's access changed (moved, hidden, deleted): sockets that lost it leave its room. */
  recheckThread?(access: ThreadAccess): void;
  /** Sessions ended (sign-out everywhere, password change): their open sockets are closed. */
  endSessions?(userId: number, exceptSessionId?: string): void;
  /** A person's standing changed (role, tier): their open sockets reload it and re-check rooms. */
  refreshViewer?(userId: number): void;
}

export const silentPublisher: RealtimePublisher = {
  toUser() {},
  toThread() {},
};

export const userRoom = (userId: number) => `user:${userId}`;
export const threadRoom = (threadId: number) => `thread:${threadId}`;

/** Publishes a thread event: the only way there is, so every receiving socket is checked by the policy. */
export function publishToThread(publisher: RealtimePublisher, delivery: ThreadDelivery): void {
  publisher.toThread(delivery);
}
