import type { DbHandle } from "../../db/client.ts";
import { createTestDb } from "./db.ts";
import { startTestServer, type TestServer } from "./server.ts";
import { startTestSmtp, type TestSmtp } from "./smtp.ts";

export const TEST_PUBLIC_URL = "http://community.test";

/** A database, a real SMTP server and the app sending to it: what every mail test starts from. */
export interface MailWorld {
  handle: DbHandle;
  smtp: TestSmtp;
  server: TestServer;
}

/**
 * Starts the three on free ports. The tests run the outbox worker's rounds
 * themselves (`server.outbox.runOnce()`), so its timer never races them.
 */
export async function startMailWorld(env: Record<string, string> = {}): Promise<MailWorld> {
  const handle = await createTestDb();
  const smtp = await startTestSmtp();
  const server = await startTestServer(handle, {
    SMTP_URL: smtp.url,
    PUBLIC_URL: TEST_PUBLIC_URL,
    OUTBOX_POLL_MS: "600000",
    OUTBOX_LEASE_MS: "200",
    ...env,
  });
  return { handle, smtp, server };
}

/** Closes what `startMailWorld` started (any part that did start). */
export async function closeMailWorld(world: Partial<MailWorld>): Promise<void> {
  await world.server?.close();
  await world.smtp?.close();
  await world.handle?.close();
}
