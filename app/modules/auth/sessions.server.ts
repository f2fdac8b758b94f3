import { defineCommand } from "../commands/command.server.ts";
import { createSession, invalidateSession } from "./session.server.ts";

/**
 * Signing in opens a fresh session (a new id every time, so a planted cookie
 * is useless) and ends the one the browser held before, in one transaction.
 * The password and the throttle are checked before this runs.
 */
export const openSession = defineCommand({
  name: "session.open",
  async run(
    trx,
    input: {
      userId: number;
      previousSessionId?: string;
      ip?: string | null;
      userAgent?: string | null;
    },
  ) {
    if (input.previousSessionId) await invalidateSession(trx, input.previousSessionId);
    return createSession(trx, input.userId, { ip: input.ip, userAgent: input.userAgent });
  },
});

/** Signing out ends this browser's session. */
export const closeSession = defineCommand({
  name: "session.close",
  async run(trx, input: { sessionId: string }) {
    await invalidateSession(trx, input.sessionId);
  },
});
