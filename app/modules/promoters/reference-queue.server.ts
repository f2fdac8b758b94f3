import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import type { Effects } from "../commands/effects.server.ts";
import {
  getMonthlyCap,
  lockAdvocate,
  MAX_MONTHLY_CAP,
  requestsThisMonth,
} from "./reference-caps.server.ts";
import { composeEmail } from "../mail/compose.server.ts";
import { mailLocaleOf } from "../profiles/language.server.ts";
import { absoluteUrl } from "../mail/settings.ts";
import { ReferenceRequestedEmail } from "../mail/templates/references.tsx";
import { sendLater } from "../outbox/queue.server.ts";
import { PromoterError } from "./errors.ts";

/** A request that reached its advocate. */
export interface DeliveredRequest {
  id: number;
  advocate_id: number;
  topic: string;
}

/**
 * "Someone would like to talk with you": kept in the advocate's
 * notifications, told live after commit, and emailed to them (the email
 * carries who asks and the topic; its button opens the request, where they
 * decide).
 */
export function tellAdvocate(effects: Effects, request: DeliveredRequest): void {
  const path = `/references/${request.id}`;
  effects.notify({
    userId: request.advocate_id,
    kind: "info",
    title: "Someone would like to talk with you",
    description: `A new reference request: “${request.topic}”.`,
    url: path,
  });
  sendLater(effects, async (trx, site) => {
    const parties = await trx
      .selectFrom("reference_requests as r")
      .innerJoin("users as a", "a.id", "r.advocate_id")
      .innerJoin("users as p", "p.id", "r.prospect_id")
      .leftJoin("profiles as pp", "pp.user_id", "p.id")
      .select([
        "a.email as advocateEmail",
        "a.display_name as advocateName",
        "p.display_name as prospectName",
        "pp.company as prospectCompany",
      ])
      .where("r.id", "=", request.id)
      .executeTakeFirst();
    if (!parties) return null;
    return composeEmail(site, {
      to: parties.advocateEmail,
      userId: request.advocate_id,
      kind: "reference_requested",
      // Delivered once per request and advocate: a reassigned request mails its new advocate.
      idempotencyKey: `reference_requested:${request.id}:${request.advocate_id}`,
      locale: await mailLocaleOf(trx, request.advocate_id),
      subject: (t) => t("mail.referenceRequested.subject", { prospect: parties.prospectName }),
      template: ReferenceRequestedEmail({
        advocateName: parties.advocateName,
        prospectName: parties.prospectName,
        prospectCompany: parties.prospectCompany ?? "",
        topic: request.topic,
        link: absoluteUrl(site, path),
      }),
    });
  });
}

/**
 * Delivers the advocate's oldest waiting requests while the month has room,
 * telling the advocate of each; returns those delivered. The caller holds the
 * advocate's lock.
 */
export async function deliverQueued(
  trx: Queryable,
  effects: Effects,
  advocateId: number,
  now: Date,
): Promise<DeliveredRequest[]> {
  const cap = await getMonthlyCap(trx, advocateId);
  const room = cap - (await requestsThisMonth(trx, advocateId, now));
  if (room <= 0) return [];
  const waiting = await trx
    .selectFrom("reference_requests")
    .select(["id", "advocate_id", "topic"])
    .where("advocate_id", "=", advocateId)
    .where("status", "=", "queued")
    .orderBy("created_at")
    .orderBy("id")
    .limit(room)
    .execute();
  for (const request of waiting) {
    await trx
      .updateTable("reference_requests")
      .set({ status: "pending", delivered_at: now, updated_at: now })
      .where("id", "=", request.id)
      .execute();
    tellAdvocate(effects, request);
  }
  return waiting;
}

/** An advocate sets how many conversations a month they take; a higher cap delivers what was waiting. */
export const setMonthlyCap = defineCommand({
  name: "reference.cap_set",
  authorize(viewer) {
    ensure("setReferenceCap", viewer);
  },
  async run(trx, { cap }: { cap: number }, { viewer, effects, now }) {
    ensure("setReferenceCap", viewer);
    if (!Number.isInteger(cap) || cap < 0 || cap > MAX_MONTHLY_CAP)
      throw new PromoterError(`Choose a number from 0 to ${MAX_MONTHLY_CAP}.`);
    await lockAdvocate(trx, viewer.id);
    await trx
      .insertInto("reference_settings")
      .values({ user_id: viewer.id, monthly_cap: cap, updated_at: now })
      .onConflict((oc) => oc.column("user_id").doUpdateSet({ monthly_cap: cap, updated_at: now }))
      .execute();
    return deliverQueued(trx, effects, viewer.id, now);
  },
});

/**
 * Delivers every waiting request whose advocate has room this month: what a
 * manager's "deliver waiting requests" does, and what the hourly sweep does
 * on its own (no viewer), so a new month's room is used without anyone
 * asking.
 */
export const deliverWaitingRequests = defineCommand({
  name: "reference.queue_deliver",
  authorize(viewer) {
    // The sweep runs as the community itself; a person must be a manager.
    if (viewer) ensure("manageReferences", viewer);
  },
  async run(trx, _input: Record<string, never>, { viewer, effects, now }) {
    const advocates = await trx
      .selectFrom("reference_requests")
      .select("advocate_id")
      .distinct()
      .where("status", "=", "queued")
      .execute();
    const delivered: DeliveredRequest[] = [];
    for (const { advocate_id } of advocates) {
      await lockAdvocate(trx, advocate_id);
      delivered.push(...(await deliverQueued(trx, effects, advocate_id, now)));
    }
    if (delivered.length)
      effects.audit({
        actorId: viewer?.id ?? null,
        action: "reference.queue_delivered",
        subjectType: "reference_request",
        subjectId: delivered.map((d) => d.id).join(","),
      });
    return delivered;
  },
});
