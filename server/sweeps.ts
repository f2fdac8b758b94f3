import type { Logger } from "pino";
import type { Queryable } from "../db/client.ts";
import { contextFor, type CommandContext } from "../app/modules/commands/command.server.ts";
import { sendDigests } from "../app/modules/mail/digest.server.ts";
import type { SiteSettings } from "../app/modules/mail/settings.ts";
import { mailUnreadNotifications } from "../app/modules/notifications/mail.server.ts";
import { deliverWaitingRequests } from "../app/modules/promoters/reference-queue.server.ts";
import { sendDueSurveys } from "../app/modules/promoters/surveys/sending.server.ts";
import type { RealtimePublisher } from "../app/modules/realtime/publisher.ts";
import { issueCredentials } from "../app/modules/credentials/issue.server.ts";
import { lapseExpiredAwards } from "../app/modules/tiers/awards.server.ts";
import { remindRenewalsDue } from "../app/modules/tiers/renewal-reminders.server.ts";

/**
 * One sweep in its own transaction: how many things it changed, logged when
 * there were any; a failure is logged and counts as none, so one sweep
 * failing never stops the others.
 */
async function sweepOnce(
  logger: Logger,
  what: string,
  run: () => Promise<readonly unknown[]>,
): Promise<number> {
  try {
    const done = (await run()).length;
    if (done) logger.info({ [what]: done }, `${what}: swept`);
    return done;
  } catch (error) {
    logger.error({ err: error }, `${what} sweep failed`);
    return 0;
  }
}

/**
 * What time alone changes, done at start-up and then hourly: awards whose
 * term has ended lapse, reference requests waiting for an advocate's monthly
 * room are delivered once a new month gives it, renewals coming up are told,
 * scheduled surveys whose time has come are sent, and achievements without
 * a verifiable credential get one.
 */
export async function runSweeps(
  db: Queryable,
  publisher: RealtimePublisher,
  logger: Logger,
  now = new Date(),
  /** PUBLIC_URL and MAIL_FROM, for the messages a sweep sends (lapsed terms, renewals due, surveys). */
  site?: SiteSettings,
  /** SETTINGS_ENCRYPTION_KEY, which opens the credential signing key; without it no credential is issued. */
  credentialSecret?: string,
): Promise<{ lapsed: number; delivered: number }> {
  const context = (): CommandContext => contextFor(db, null, { publisher, now, site });
  const lapsed = await sweepOnce(logger, "lapsed tier awards", () =>
    lapseExpiredAwards(context(), {}),
  );
  const delivered = await sweepOnce(logger, "waiting reference requests", () =>
    deliverWaitingRequests(context(), {}),
  );
  await sweepOnce(logger, "tier renewals due", () => remindRenewalsDue(context(), {}));
  await sweepOnce(logger, "scheduled surveys", () => sendDueSurveys(context(), {}));
  if (credentialSecret)
    await sweepOnce(logger, "credentials issued", () =>
      issueCredentials(context(), { secret: credentialSecret }),
    );
  return { lapsed, delivered };
}

/**
 * Mail that time alone sends, every minute: discussion notifications still
 * unread after a few minutes, and each person's daily or weekly digest.
 */
export async function runMailSweeps(
  db: Queryable,
  logger: Logger,
  site: SiteSettings,
  now = new Date(),
): Promise<{ discussions: number; digests: number }> {
  let discussions = 0;
  let digests = 0;
  try {
    discussions = (await mailUnreadNotifications(contextFor(db, null, { now, site }), {})).queued;
  } catch (error) {
    logger.error({ err: error }, "discussion mail sweep failed");
  }
  try {
    digests = (await sendDigests(db, { now, site })).queued;
    if (digests) logger.info({ digests }, "digests queued");
  } catch (error) {
    logger.error({ err: error }, "digest sweep failed");
  }
  return { discussions, digests };
}
