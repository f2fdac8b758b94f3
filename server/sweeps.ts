import type { Logger } from "pino";
import type { Queryable } from "../db/client.ts";
import { contextFor } from "../app/modules/commands/command.server.ts";
import { deliverWaitingRequests } from "../app/modules/promoters/reference-queue.server.ts";
import { sendDueSurveys } from "../app/modules/promoters/surveys/sending.server.ts";
import type { SiteSettings } from "../app/modules/mail/settings.ts";
import type { RealtimePublisher } from "../app/modules/realtime/publisher.ts";
import { lapseExpiredAwards } from "../app/modules/tiers/awards.server.ts";

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
  site?: SiteSettings,
): Promise<{ lapsed: number; delivered: number }> {
  let lapsed = 0;
  let delivered = 0;
  try {
    const ended = await lapseExpiredAwards(contextFor(db, null, { publisher, now }), {});
    lapsed = ended.length;
    if (lapsed) logger.info({ lapsed }, "tier awards lapsed");
  } catch (error) {
    logger.error({ err: error }, "tier lapse sweep failed");
  }
  try {
    const requests = await deliverWaitingRequests(contextFor(db, null, { publisher, now }), {});
    delivered = requests.length;
    if (delivered) logger.info({ delivered }, "waiting reference requests delivered");
  } catch (error) {
    logger.error({ err: error }, "reference request sweep failed");
  }
  try {
    // Scheduled NPS surveys whose time has come.
    const surveys = await sendDueSurveys(contextFor(db, null, { publisher, now, site }), {});
    if (surveys.length) logger.info({ surveys: surveys.length }, "scheduled surveys sent");
  } catch (error) {
    logger.error({ err: error }, "survey sweep failed");
  }
  return { lapsed, delivered };
}
