import type { Logger } from "pino";
import type { Queryable } from "../db/client.ts";
import { contextFor, type CommandContext } from "../app/modules/commands/command.server.ts";
import { sendDigests } from "../app/modules/mail/digest.server.ts";
import type { SiteSettings } from "../app/modules/mail/settings.ts";
import { releaseAbandonedIdempotencyKeys } from "../app/modules/integrations/api-tokens.server.ts";
import { mailUnreadNotifications } from "../app/modules/notifications/mail.server.ts";
import { sendInvitationReminders } from "../app/modules/promoters/invitation-bulk.server.ts";
import { deliverWaitingRequests } from "../app/modules/promoters/reference-queue.server.ts";
import { sendDueSurveys } from "../app/modules/promoters/surveys/sending.server.ts";
import type { RealtimePublisher } from "../app/modules/realtime/publisher.ts";
import { issueCredentials } from "../app/modules/credentials/issue.server.ts";
import { remindEventsStartingSoon } from "../app/modules/events/reminders.server.ts";
import { remindNextStepsDue } from "../app/modules/relationships/reminders.server.ts";
import { lapseExpiredAwards } from "../app/modules/tiers/award-sweeps.server.ts";
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
 * scheduled surveys whose time has come are sent, the owners of next steps
 * with advocates due tomorrow are reminded, people holding a seat at an
 * event that starts within a day are reminded, API idempotency keys reserved by
 * a request that never answered (its process stopped) are let go, and
 * achievements without a verifiable credential get one.
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
  await sweepOnce(logger, "next steps due", () => remindNextStepsDue(context(), {}));
  await sweepOnce(logger, "event reminders", () => remindEventsStartingSoon(context(), {}));
  await sweepOnce(logger, "abandoned API idempotency keys", () =>
    releaseAbandonedIdempotencyKeys(db, now),
  );
  if (credentialSecret)
    await sweepOnce(logger, "credentials issued", () =>
      issueCredentials(context(), { secret: credentialSecret }),
    );
  return { lapsed, delivered };
}

/**
 * Mail that time alone sends, every minute: discussion notifications still
 * unread after a few minutes, each person's daily or weekly digest, and the
 * follow-up reminders of open promoter invitations (PROMOTER_REMINDER_DAYS).
 */
export async function runMailSweeps(
  db: Queryable,
  logger: Logger,
  site: SiteSettings,
  now = new Date(),
  options: { reminderDays?: readonly number[] } = {},
): Promise<{ discussions: number; digests: number; reminders: number }> {
  let discussions = 0;
  let digests = 0;
  const reminders = await sweepOnce(logger, "promoter invitation reminders", async () =>
    options.reminderDays?.length
      ? (
          await sendInvitationReminders(contextFor(db, null, { now, site }), {
            days: [...options.reminderDays],
          })
        ).reminded
      : [],
  );
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
  return { discussions, digests, reminders };
}
