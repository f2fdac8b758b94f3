import { sendWebhookLater } from "../integrations/webhooks.server.ts";
import { recordConversationRequest } from "./referral-links.server.ts";
import { referenceForWebhook } from "./webhook-payloads.server.ts";
import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { isVerifiedCustomer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { announceAwards } from "../reputation/ledger.server.ts";
import { ConflictError, NotFoundError } from "../../utils/errors.ts";
import { awardReferencePoints } from "./points.server.ts";
import {
  lockAdvocate,
  monthIsFull,
  OPEN_STATUSES,
  REPEAT_REQUEST_DAYS,
  REPEAT_REQUEST_MS,
  suggestSimilarAdvocates,
} from "./reference-caps.server.ts";
import { deliverQueued, tellAdvocate } from "./reference-queue.server.ts";
import { PromoterError, ReferenceCapReachedError } from "./errors.ts";
import { REFERENCE_STATUS_LABELS as STATUS_LABELS } from "./labels.ts";

export { REPEAT_REQUEST_DAYS };

export interface NewReferenceRequest {
  advocateId: number;
  /** The person who will talk with the advocate. */
  prospectId: number;
  topic: string;
  context: string;
  preferredTimes: string;
  /** When the advocate's month is full: wait in their queue, or refuse with suggestions. */
  whenFull: "suggest" | "queue";
  /** The first-party token of the referral link that brought the person asking, if any. */
  attributionToken?: string | null;
}

async function lockRequest(trx: Queryable, id: number) {
  const request = await trx
    .selectFrom("reference_requests")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!request) throw new NotFoundError("We could not find that request.");
  return request;
}

/** The advocate, locked, who must be a verified customer taking references now. */
async function openAdvocate(trx: Queryable, advocateId: number) {
  const advocate = await lockAdvocate(trx, advocateId);
  if (!advocate || !isVerifiedCustomer(advocate))
    throw new NotFoundError("We could not find that advocate.");
  if (!advocate.open_to_references)
    throw new ConflictError(
      `${advocate.display_name} is not taking reference conversations right now.`,
    );
  return advocate;
}

function formatDay(date: Date | string) {
  return new Date(date).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/**
 * A prospect (or a manager for them) asks an advocate for a conversation.
 * Only advocates open to references can be asked; the same prospect cannot
 * ask the same advocate twice within 90 days; past the advocate's monthly
 * cap the request waits in a queue, or is refused with similar advocates.
 */
export const requestReference = defineCommand({
  name: "reference.request",
  authorize(viewer, input: NewReferenceRequest) {
    ensure("takePartWithConfirmedEmail", viewer);
    ensure("requestReference", viewer);
    if (viewer.id !== input.prospectId) ensure("requestReferenceOnBehalf", viewer);
    if (input.advocateId === input.prospectId)
      throw new PromoterError("You cannot ask yourself for a conversation.");
  },
  async run(trx, input, { viewer, effects, now }) {
    ensure("requestReference", viewer);
    const onBehalf = viewer.id !== input.prospectId;
    const advocate = await openAdvocate(trx, input.advocateId);
    const prospect = await trx
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("id", "=", input.prospectId)
      .executeTakeFirst();
    if (!prospect) throw new NotFoundError("We could not find the person who wants to talk.");
    const earlier = await trx
      .selectFrom("reference_requests")
      .select(["id", "created_at"])
      .where("advocate_id", "=", advocate.id)
      .where("prospect_id", "=", prospect.id)
      .where("status", "!=", "cancelled")
      .where("created_at", ">", new Date(now.getTime() - REPEAT_REQUEST_MS))
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    if (earlier) {
      const again = new Date(new Date(earlier.created_at).getTime() + REPEAT_REQUEST_MS);
      throw new ConflictError(
        `${onBehalf ? `${prospect.display_name} already asked` : "You already asked"} ${advocate.display_name} on ${formatDay(earlier.created_at)}. To spare their time, the same person can ask again from ${formatDay(again)}.`,
      );
    }
    const full = await monthIsFull(trx, advocate.id, now);
    if (full && input.whenFull !== "queue") {
      const suggestions = await suggestSimilarAdvocates(trx, advocate, [prospect.id], now);
      throw new ReferenceCapReachedError(advocate.display_name, suggestions);
    }
    const request = await trx
      .insertInto("reference_requests")
      .values({
        advocate_id: advocate.id,
        prospect_id: prospect.id,
        requested_by: viewer.id,
        topic: input.topic,
        context: input.context,
        preferred_times: input.preferredTimes,
        status: full ? "queued" : "pending",
        created_at: now,
        delivered_at: full ? null : now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordConversationRequest(trx, {
      userId: prospect.id,
      advocateId: advocate.id,
      token: onBehalf ? null : input.attributionToken,
      now,
    });
    if (request.status === "pending") tellAdvocate(effects, request);
    effects.audit({
      actorId: viewer.id,
      action: "reference.requested",
      subjectType: "reference_request",
      subjectId: request.id,
      details: { advocateId: advocate.id, prospectId: prospect.id, status: request.status },
    });
    sendWebhookLater(effects, "reference.requested", (trx) => referenceForWebhook(trx, request.id));
    return { request, advocate: { id: advocate.id, displayName: advocate.display_name } };
  },
});

/** The advocate accepts or declines; declining needs no reason and gives the slot back. */
export const respondToReference = defineCommand({
  name: "reference.respond",
  async run(
    trx,
    { requestId, decision }: { requestId: number; decision: "accept" | "decline" },
    { viewer, effects, now },
  ) {
    const request = await lockRequest(trx, requestId);
    ensure("respondToReference", viewer, { advocateId: request.advocate_id });
    if (request.status !== "pending")
      throw new ConflictError(
        `This request is ${STATUS_LABELS[request.status].toLowerCase()}; it can no longer be ${decision === "accept" ? "accepted" : "declined"}.`,
      );
    const accepted = decision === "accept";
    const updated = await trx
      .updateTable("reference_requests")
      .set({ status: accepted ? "accepted" : "declined", responded_at: now, updated_at: now })
      .where("id", "=", requestId)
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: accepted ? "reference.accepted" : "reference.declined",
      subjectType: "reference_request",
      subjectId: requestId,
    });
    if (accepted)
      sendWebhookLater(effects, "reference.accepted", (trx) => referenceForWebhook(trx, requestId));
    const delivered = accepted ? [] : await deliverQueued(trx, effects, request.advocate_id, now);
    effects.toUser(updated.prospect_id, "toast", {
      kind: accepted ? "success" : "info",
      title: accepted
        ? "Your conversation request was accepted"
        : "Your conversation request was declined",
      description: accepted
        ? `“${updated.topic}”: you can now see each other's email.`
        : "No reason needed. You can ask a similar advocate instead.",
    });
    return { request: updated, delivered };
  },
});

/**
 * Each side marks the conversation as held; when both have, it is completed
 * and the advocate earns the reference-call points (recognition, not cash).
 */
export const completeReference = defineCommand({
  name: "reference.complete",
  async run(
    trx,
    { requestId, helpful }: { requestId: number; helpful?: boolean | null },
    { viewer, effects, now },
  ) {
    const request = await lockRequest(trx, requestId);
    ensure("markReferenceHeld", viewer, {
      advocateId: request.advocate_id,
      prospectId: request.prospect_id,
    });
    const asAdvocate = viewer.id === request.advocate_id;
    const asProspect = viewer.id === request.prospect_id;
    if (request.status !== "accepted")
      throw new ConflictError(
        request.status === "completed"
          ? "This conversation is already marked as completed."
          : "Only an accepted request can be marked as held.",
      );
    const patch: Record<string, unknown> = { updated_at: now };
    if (asAdvocate && !request.advocate_completed_at) patch.advocate_completed_at = now;
    if (asProspect) {
      if (!request.prospect_completed_at) patch.prospect_completed_at = now;
      if (helpful !== undefined && helpful !== null) patch.helpful = helpful;
    }
    const advocateDone = Boolean(request.advocate_completed_at || patch.advocate_completed_at);
    const prospectDone = Boolean(request.prospect_completed_at || patch.prospect_completed_at);
    if (advocateDone && prospectDone) {
      patch.status = "completed";
      patch.completed_at = now;
    }
    const updated = await trx
      .updateTable("reference_requests")
      .set(patch)
      .where("id", "=", requestId)
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: updated.status === "completed" ? "reference.completed" : "reference.marked_held",
      subjectType: "reference_request",
      subjectId: requestId,
      details: { by: asAdvocate ? "advocate" : "prospect", helpful: updated.helpful },
    });
    if (updated.status === "completed")
      sendWebhookLater(effects, "reference.completed", (trx) =>
        referenceForWebhook(trx, requestId),
      );
    const awarded =
      updated.status === "completed"
        ? await awardReferencePoints(trx, {
            requestId,
            advocateId: request.advocate_id,
            at: now,
          })
        : [];
    announceAwards(effects, ...awarded);
    return { request: updated, awarded };
  },
});

/** The prospect says whether the conversation helped (after they marked it held). */
export const rateReference = defineCommand({
  name: "reference.rate",
  async run(trx, { requestId, helpful }: { requestId: number; helpful: boolean }, { viewer, now }) {
    const request = await lockRequest(trx, requestId);
    ensure("rateReference", viewer, { prospectId: request.prospect_id });
    if (!request.prospect_completed_at)
      throw new ConflictError("Mark the conversation as held first.");
    return trx
      .updateTable("reference_requests")
      .set({ helpful, updated_at: now })
      .where("id", "=", requestId)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
});

/** The person who asked, or a manager, withdraws a request that is still open. */
export const cancelReference = defineCommand({
  name: "reference.cancel",
  async run(
    trx,
    { requestId, reason }: { requestId: number; reason: string },
    { viewer, effects, now },
  ) {
    const request = await lockRequest(trx, requestId);
    ensure("cancelReference", viewer, {
      prospectId: request.prospect_id,
      requestedBy: request.requested_by,
    });
    if (!OPEN_STATUSES.includes(request.status))
      throw new ConflictError(
        `This request is already ${STATUS_LABELS[request.status].toLowerCase()}.`,
      );
    const updated = await trx
      .updateTable("reference_requests")
      .set({
        status: "cancelled",
        cancelled_by: viewer.id,
        cancel_reason: reason || null,
        updated_at: now,
      })
      .where("id", "=", requestId)
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: "reference.cancelled",
      subjectType: "reference_request",
      subjectId: requestId,
      reason: reason || null,
    });
    const delivered = request.delivered_at
      ? await deliverQueued(trx, effects, request.advocate_id, now)
      : [];
    return { request: updated, delivered };
  },
});

/** A manager sends a waiting or unanswered request to another advocate (who must have room). */
export const reassignReference = defineCommand({
  name: "reference.reassign",
  authorize(viewer) {
    ensure("manageReferences", viewer);
  },
  async run(
    trx,
    { requestId, advocateId }: { requestId: number; advocateId: number },
    { viewer, effects, now },
  ) {
    ensure("manageReferences", viewer);
    const request = await lockRequest(trx, requestId);
    if (request.status !== "queued" && request.status !== "pending")
      throw new ConflictError("Only a request that is waiting can go to another advocate.");
    if (advocateId === request.advocate_id) throw new PromoterError("Choose a different advocate.");
    const advocate = await openAdvocate(trx, advocateId);
    if (advocateId === request.prospect_id)
      throw new PromoterError("That is the person who asked.");
    if (await monthIsFull(trx, advocate.id, now))
      throw new ConflictError(`${advocate.display_name} has no room left this month.`);
    const updated = await trx
      .updateTable("reference_requests")
      .set({ advocate_id: advocate.id, status: "pending", delivered_at: now, updated_at: now })
      .where("id", "=", requestId)
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: "reference.reassigned",
      subjectType: "reference_request",
      subjectId: requestId,
      details: { from: request.advocate_id, to: advocate.id },
    });
    tellAdvocate(effects, updated);
    const delivered =
      request.status === "pending"
        ? await deliverQueued(trx, effects, request.advocate_id, now)
        : [];
    return { request: updated, delivered: [updated, ...delivered] };
  },
});
