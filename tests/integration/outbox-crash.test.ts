import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { startAppProcess, type AppProcess } from "../support/app-process.ts";
import { insertUser } from "../support/factories.ts";
import { POSTGRES_URL, requirePostgres } from "../support/postgres.ts";
import { freePort } from "../support/processes.ts";
import { startTestSmtp, type TestSmtp } from "../support/smtp.ts";

// The outbox across a crash: an app process commits a decision (its message
// is in the same transaction), its worker claims the message and starts
// sending, and the process is killed before the mail server answers. Another
// process takes the message over once the lease runs out and delivers it,
// once. Two real processes on one PostgreSQL, two real SMTP servers.

const schema = `outbox_crash_${randomBytes(4).toString("hex")}`;
let handle: DbHandle;
let smtp: TestSmtp;
const servers: AppProcess[] = [];

/** A mail server that takes the message and never answers, as one does when the sender dies mid-send. */
async function startStallingSmtp() {
  const messageIds: string[] = [];
  let arrived: () => void = () => undefined;
  const gotOne = new Promise<void>((resolve) => (arrived = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream) {
      let head = "";
      stream.on("data", (chunk: Buffer) => (head += chunk.toString("utf8")));
      stream.on("end", () => {
        messageIds.push(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? "");
        arrived();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messageIds,
    gotOne,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  await requirePostgres();
  handle = await createDb({ databaseUrl: POSTGRES_URL, schema, poolSize: 2 });
  await migrateToLatest(handle.db, schema);
  smtp = await startTestSmtp();
}, 60_000);

afterAll(async () => {
  for (const server of servers) await server.kill();
  await smtp?.close();
  if (handle) {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
    await handle.close();
  }
}, 60_000);

describe("the outbox across a crash", () => {
  it("delivers a committed message exactly once after the sending process is killed", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    const stalling = await startStallingSmtp();
    const common = {
      DATABASE_URL: POSTGRES_URL,
      DATABASE_SCHEMA: schema,
      PUBLIC_URL: "http://community.test",
      OUTBOX_POLL_MS: "200",
      OUTBOX_LEASE_MS: "3000",
    };

    // The first process commits the decision, and its worker starts sending…
    const first = await startAppProcess({ ...common, SMTP_URL: stalling.url });
    servers.push(first);
    const asked = await fetch(`${first.url}/forgot-password?_data=routes%2Fforgot-password`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: first.url },
      body: new URLSearchParams({ email: user.email }),
    });
    expect(asked.status).toBe(200);
    await stalling.gotOne;

    // …and dies before the mail server answers.
    await first.kill();
    await stalling.close();
    const claimed = await handle.db
      .selectFrom("outbox_messages")
      .selectAll()
      .where("recipient", "=", user.email)
      .execute();
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toMatchObject({ status: "sending", kind: "password_reset" });

    // Another process takes the message over once the lease has run out, and sends it.
    const second = await startAppProcess({ ...common, SMTP_URL: smtp.url });
    servers.push(second);
    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail.subject).toBe("Choose a new password for Limelight");
    expect(mail.messageId).toBe(stalling.messageIds[0]);

    // Sent once: the row is settled, so no later round takes it again.
    await second.stop();
    const settled = await handle.db
      .selectFrom("outbox_messages")
      .selectAll()
      .where("recipient", "=", user.email)
      .executeTakeFirstOrThrow();
    expect(settled.status).toBe("sent");
    const attempts = await handle.db
      .selectFrom("outbox_attempts")
      .select("ok")
      .where("message_id", "=", settled.id)
      .execute();
    expect(attempts.map((a) => a.ok)).toEqual([true]);
    expect(
      smtp.received.filter((m) => (m.to && "text" in m.to ? m.to.text : "").includes(user.email)),
    ).toHaveLength(1);
  }, 120_000);
});
