import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Queryable } from "../db/client.ts";
import type { Env } from "../app/utils/env.server.ts";
import client from "prom-client";
import { deliverDue, outboxGauges, type Transport } from "../app/modules/outbox/worker.server.ts";
import { siteFromEnv } from "../app/modules/mail/settings.ts";
import { registry } from "./metrics.ts";
import { webhookTransport } from "../app/modules/integrations/delivery.server.ts";

export interface OutboxWorker {
  /**
   * One round now (tests, and after a burst of messages): everything due is
   * delivered. What time alone puts in the outbox is the sweeps' work
   * (server/sweeps.ts), not the worker's.
   */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Email through the configured SMTP server; without one (the embedded
 * default), each message is kept in the outbox for admins to read, and the
 * log names its subject and first link so a person trying the demo can
 * follow a reset link.
 */
export function emailTransport(env: Pick<Env, "SMTP_URL">, logger: Logger): Transport {
  if (!env.SMTP_URL) {
    return async (message) => {
      logger.info(
        {
          to: message.recipient,
          subject: message.payload.subject,
          link: message.payload.firstLink,
        },
        "mail kept in the outbox (no SMTP_URL): see /manage/outbox",
      );
      return { outcome: "kept", detail: "No mail server configured; kept in the outbox." };
    };
  }
  const url = new URL(env.SMTP_URL);
  const secure = url.protocol === "smtps:";
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    // Plain SMTP on a private network (and in tests) is allowed; STARTTLS is used when offered.
    tls: { rejectUnauthorized: url.searchParams.get("tls") !== "insecure" },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return async (message) => {
    const { headers, ...mail } = message.payload;
    const { "Message-ID": messageId, ...otherHeaders } = headers;
    const info = await transporter.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId,
      headers: otherHeaders,
    });
    return { outcome: "sent", detail: String(info.response ?? "accepted") };
  };
}

/**
 * The outbox worker of this process: every `pollMs` it claims what is due
 * and delivers it. Several processes run one each; SKIP LOCKED keeps them
 * from taking the same message. A database that is away only delays it.
 */
export function startOutboxWorker(options: {
  db: Queryable;
  env: Pick<Env, "SMTP_URL" | "OUTBOX_POLL_MS" | "OUTBOX_LEASE_MS" | "PUBLIC_URL" | "MAIL_FROM">;
  logger: Logger;
}): OutboxWorker {
  const { db, env, logger } = options;
  const transports = {
    email: emailTransport(env, logger),
    webhook: webhookTransport(db, siteFromEnv(env)),
  };
  let running: Promise<number> | null = null;
  let stopped = false;

  const round = async (): Promise<number> => {
    let handled = 0;
    for (;;) {
      const n = await deliverDue(db, transports, { leaseMs: env.OUTBOX_LEASE_MS });
      handled += n;
      if (n === 0 || stopped) return handled;
    }
  };
  const runOnce = async () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (stopped || running) return;
    runOnce().catch((error) => logger.warn({ err: error }, "outbox round failed; retrying"));
  }, env.OUTBOX_POLL_MS);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

let gaugesRegistered = false;
/** /metrics: messages waiting, sent, kept and failed, and how long the oldest has waited. */
export function registerOutboxMetrics(db: Queryable): void {
  if (gaugesRegistered) return;
  gaugesRegistered = true;
  new client.Gauge({
    name: "limelight_outbox_messages",
    help: "Outbox messages by state (queued counts those being sent)",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const gauges = await outboxGauges(db).catch(() => null);
      if (!gauges) return;
      for (const state of ["queued", "sent", "failed", "kept"] as const)
        this.set({ state }, gauges[state]);
    },
  });
  new client.Gauge({
    name: "limelight_outbox_oldest_queued_seconds",
    help: "Age of the oldest message waiting to be delivered",
    registers: [registry],
    async collect() {
      const gauges = await outboxGauges(db).catch(() => null);
      if (gauges) this.set(gauges.oldestQueuedSeconds);
    },
  });
}
