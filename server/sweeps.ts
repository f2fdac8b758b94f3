import type { Logger } from "pino";
import type { Queryable } from "../db/client.ts";
import { contextFor } from "../app/modules/commands/command.server.ts";
import { sendDigests } from "../app/modules/mail/digest.server.ts";
import type { SiteSettings } from "../app/modules/mail/settings.ts";
import { mailUnreadNotifications } from "../app/modules/notifications/mail.server.ts";
import { deliverWaitingRequests } from "../app/modules/promoters/reference-queue.server.ts";
import type { RealtimePublisher } from "../app/modules/realtime/publisher.ts";
import { lapseExpiredAwards } from "../app/modules/tiers/awards.server.ts";
import { remindRenewalsDue } from "../app/modules/tiers/renewal-reminders.server.ts";

/**
 * What time alone changes, done at start-up and then hourly: awards whose
 * term has ended lapse, and reference requests waiting for an advocate's
 * monthly room are delivered once a new month gives it. Each sweep is its
 * own transaction; one failing does not stop the other.
 */
export async function runSweeps(
  db: Queryable,
  publisher: RealtimePublisher,
  logger: Logger,
  now = new Date(),
  /** PUBLIC_URL and MAIL_FROM, for the messages a sweep sends (lapsed terms, renewals due). */
  site?: SiteSettings,
): Promise<{ lapsed: number; delivered: number }> {
  let lapsed = 0;
  let delivered = 0;
  try {
    const ended = await lapseExpiredAwards(contextFor(db, null, { publisher, now, site }), {});
    lapsed = ended.length;
    if (lapsed) logger.info({ lapsed }, "tier awards lapsed");
  } catch (error) {
    logger.error({ err: error }, "tier lapse sweep failed");
  }
  try {
    const requests = await deliverWaitingRequests(
      contextFor(db, null, { publisher, now, site }),
      {},
    );
    delivered = requests.length;
    if (delivered) logger.info({ delivered }, "waiting reference requests delivered");
  } catch (error) {
    logger.error({ err: error }, "reference request sweep failed");
  }
  try {
    const reminded = await remindRenewalsDue(contextFor(db, null, { publisher, now, site }), {});
    if (reminded.length) logger.info({ reminded: reminded.length }, "tier renewals due told");
  } catch (error) {
    logger.error({ err: error }, "tier renewal reminder sweep failed");
  }
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
