import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { ReferenceStatus } from "../../../db/tables/promoters.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { policy } from "../access/policy.ts";
import { recordAudit } from "../audit/audit.server.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../auth/errors.ts";
import type { Actor } from "../auth/users.server.ts";
import { recordNotices, type RecordedNotice } from "../notifications/record.server.ts";
import type { RealtimePublisher } from "../realtime/publisher.ts";
import { awardReferencePoints, type AwardedEntry } from "./points.server.ts";
import { PromoterError, ReferenceCapReachedError, type SuggestedAdvocate } from "./errors.ts";
import { REFERENCE_STATUS_LABELS as STATUS_LABELS } from "./labels.ts";

const DAY = 86_400_000;
export const DEFAULT_MONTHLY_CAP = 2;
export const MAX_MONTHLY_CAP = 20;
/** The same prospect may ask the same advocate again only after this many days. */
export const REPEAT_REQUEST_DAYS = 90;

export const OPEN_STATUSES: ReferenceStatus[] = ["queued", "pending", "accepted"];

export function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
export function startOfNextMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export async function getMonthlyCap(db: Queryable, userId: number): Promise<number> {
  const row = await db
    .selectFrom("reference_settings")
    .select("monthly_cap")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.monthly_cap ?? DEFAULT_MONTHLY_CAP;
}

/**
 * Requests that reached the advocate this calendar month (UTC) and still
 * count: a request they declined, or one that was cancelled, gives the
 * slot back — saying no costs nothing.
 */
export async function requestsThisMonth(db: Queryable, advocateId: number, now = new Date()) {
  const row = await db
    .selectFrom("reference_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("advocate_id", "=", advocateId)
    .where("delivered_at", ">=", startOfMonth(now))
    .where("status", "not in", ["declined", "cancelled"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setMonthlyCap(db: Queryable, userId: number, cap: number, now = new Date()) {
  if (!Number.isInteger(cap) || cap < 0 || cap > MAX_MONTHLY_CAP)
    throw new PromoterError(`Choose a number from 0 to ${MAX_MONTHLY_CAP}.`);
  return inTransaction(db, async (trx) => {
    await trx
      .insertInto("reference_settings")
      .values({ user_id: userId, monthly_cap: cap, updated_at: now })
      .onConflict((oc) => oc.column("user_id").doUpdateSet({ monthly_cap: cap, updated_at: now }))
      .execute();
    // A higher cap makes room for requests that were waiting.
    return deliverQueued(trx, userId, now);
  });
}

async function lockAdvocate(trx: Queryable, advocateId: number) {
  // Serialises everything that counts against one advocate's cap.
  return trx
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "users.email",
      "users.role",
      "profiles.open_to_references",
      "profiles.industry",
      "profiles.expertise",
    ])
    .where("users.id", "=", advocateId)
    .forUpdate(["users"])
    .executeTakeFirst();
}

/** Delivers the advocate's oldest waiting requests while the month has room; returns those delivered. */
export async function deliverQueued(trx: Queryable, advocateId: number, now = new Date()) {
  const cap = await getMonthlyCap(trx, advocateId);
  let room = cap - (await requestsThisMonth(trx, advocateId, now));
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
  const delivered = [];
  for (const request of waiting) {
    if (room-- <= 0) break;
    await trx
      .updateTable("reference_requests")
      .set({ status: "pending", delivered_at: now, updated_at: now })
      .where("id", "=", request.id)
      .execute();
    delivered.push(await withDeliveryNotice(trx, request, now));
  }
  return delivered;
}

/**
 * Keeps "someone would like to talk with you" in the advocate's
 * notifications, in the transaction that delivers the request.
 */
async function withDeliveryNotice<R extends { id: number; advocate_id: number; topic: string }>(
  trx: Queryable,
  request: R,
  now: Date,
): Promise<R & { notice: RecordedNotice }> {
  const [notice] = await recordNotices(
    trx,
    [
      {
        userId: request.advocate_id,
        title: "Someone would like to talk with you",
        description: `A new reference request: “${request.topic}”.`,
        url: `/references/${request.id}`,
      },
    ],
    now,
  );
  return { ...request, notice };
}

/** Advocates like this one (same industry, shared expertise) who take references and have room this month. */
export async function suggestSimilarAdvocates(
  db: Queryable,
  advocate: { id: number; industry: string; expertise: string[] },
  excludeUserIds: number[],
  now = new Date(),
  limit = 3,
): Promise<SuggestedAdvocate[]> {
  const candidates = await db
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .leftJoin("reference_settings", "reference_settings.user_id", "users.id")
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "profiles.company",
      "profiles.industry",
      "profiles.expertise",
      sql<number>`coalesce(reference_settings.monthly_cap, ${DEFAULT_MONTHLY_CAP})`.as("cap"),
      sql<number>`(select count(*) from reference_requests r where r.advocate_id = users.id and r.delivered_at >= ${startOfMonth(now)} and r.status not in ('declined', 'cancelled'))`.as(
        "used",
      ),
    ])
    .where("users.role", "=", "advocate")
    .where("profiles.open_to_references", "=", true)
    .where("profiles.is_public", "=", true)
    .where("users.id", "not in", [advocate.id, ...excludeUserIds])
    .execute();
  const wanted = new Set(advocate.expertise);
  return candidates
    .filter((c) => Number(c.used) < Number(c.cap))
    .map((c) => {
      const shared = c.expertise.filter((t) => wanted.has(t));
      const score = (c.industry && c.industry === advocate.industry ? 2 : 0) + shared.length;
      return { c, shared, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || Number(a.c.used) - Number(b.c.used) || a.c.id - b.c.id)
    .slice(0, limit)
    .map(({ c, shared }) => ({
      id: c.id,
      handle: c.handle,
      displayName: c.display_name,
      company: c.company,
      industry: c.industry,
      sharedExpertise: shared,
    }));
}

export interface NewReferenceRequest {
  advocateId: number;
  /** The person who will talk with the advocate. */
  prospectId: number;
  topic: string;
  context: string;
  preferredTimes: string;
  /** When the advocate's month is full: wait in their queue, or refuse with suggestions. */
  whenFull: "suggest" | "queue";
}

/**
 * A prospect (or a manager for them) asks an advocate for a conversation.
 * Only advocates open to references can be asked; the same prospect cannot
 * ask the same advocate twice within 90 days; past the advocate's monthly
 * cap the request waits in a queue, or is refused with similar advocates.
 */
export async function requestReference(
  db: Queryable,
  actor: Actor,
  input: NewReferenceRequest,
  now = new Date(),
) {
  const onBehalf = actor.id !== input.prospectId;
  if (onBehalf && !policy.requestReferenceOnBehalf(actor))
    throw new ForbiddenError("Only community managers can ask on someone else's behalf.");
  if (!policy.requestReference(actor))
    throw new ForbiddenError("Sign in to ask for a conversation.");
  if (input.advocateId === input.prospectId)
    throw new PromoterError("You cannot ask yourself for a conversation.");
  return inTransaction(db, async (trx) => {
    const advocate = await lockAdvocate(trx, input.advocateId);
    if (!advocate || advocate.role !== "advocate")
      throw new NotFoundError("We could not find that advocate.");
    if (!advocate.open_to_references)
      throw new ConflictError(
        `${advocate.display_name} is not taking reference conversations right now.`,
      );
    const prospect = await trx
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("id", "=", input.prospectId)
      .executeTakeFirst();
    if (!prospect) throw new NotFoundError("We could not find the person who wants to talk.");
    const since = new Date(now.getTime() - REPEAT_REQUEST_DAYS * DAY);
    const earlier = await trx
      .selectFrom("reference_requests")
      .select(["id", "created_at"])
      .where("advocate_id", "=", advocate.id)
      .where("prospect_id", "=", prospect.id)
      .where("status", "!=", "cancelled")
      .where("created_at", ">", since)
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    if (earlier) {
      const again = new Date(new Date(earlier.created_at).getTime() + REPEAT_REQUEST_DAYS * DAY);
      throw new ConflictError(
        `${onBehalf ? `${prospect.display_name} already asked` : "You already asked"} ${advocate.display_name} on ${formatDay(earlier.created_at)}. To spare their time, the same person can ask again from ${formatDay(again)}.`,
      );
    }
    const cap = await getMonthlyCap(trx, advocate.id);
    const used = await requestsThisMonth(trx, advocate.id, now);
    const full = used >= cap;
    if (full && input.whenFull !== "queue") {
      const suggestions = await suggestSimilarAdvocates(trx, advocate, [prospect.id], now);
      throw new ReferenceCapReachedError(advocate.display_name, suggestions);
    }
    const request = await trx
      .insertInto("reference_requests")
      .values({
        advocate_id: advocate.id,
        prospect_id: prospect.id,
        requested_by: actor.id,
        topic: input.topic,
        context: input.context,
        preferred_times: input.preferredTimes,
        status: full ? "queued" : "pending",
        created_at: now,
        delivered_at: full ? null : now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .then((created) =>
        created.status === "pending" ? withDeliveryNotice(trx, created, now) : created,
      );
    await recordAudit(trx, {
      actorId: actor.id,
      action: "reference.requested",
      subjectType: "reference_request",
      subjectId: request.id,
      details: { advocateId: advocate.id, prospectId: prospect.id, status: request.status },
    });
    return { request, advocate: { id: advocate.id, displayName: advocate.display_name } };
  });
}

function formatDay(date: Date | string) {
  return new Date(date).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** After commit: the advocate hears about requests that reached them. */
export function announceDelivered(
  publisher: RealtimePublisher,
  requests: { id: number; advocate_id: number; topic: string; notice?: RecordedNotice }[],
) {
  for (const r of requests) {
    publisher.toUser(r.advocate_id, "toast", {
      kind: "info",
      title: "Someone would like to talk with you",
      description: `A new reference request: “${r.topic}”. Accept or decline at /references/${r.id}.`,
    });
    if (r.notice) publisher.toUser(r.advocate_id, "notification:new", r.notice.payload);
  }
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

/** The advocate accepts or declines; declining needs no reason and gives the slot back. */
export async function respondToReference(
  db: Queryable,
  actor: Actor,
  id: number,
  decision: "accept" | "decline",
  now = new Date(),
) {
  return inTransaction(db, async (trx) => {
    const request = await lockRequest(trx, id);
    if (!policy.respondToReference(actor, { advocateId: request.advocate_id }))
      throw new ForbiddenError("Only the advocate who was asked can answer this request.");
    if (request.status !== "pending")
      throw new ConflictError(
        `This request is ${STATUS_LABELS[request.status].toLowerCase()}; it can no longer be ${decision === "accept" ? "accepted" : "declined"}.`,
      );
    const updated = await trx
      .updateTable("reference_requests")
      .set({
        status: decision === "accept" ? "accepted" : "declined",
        responded_at: now,
        updated_at: now,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: decision === "accept" ? "reference.accepted" : "reference.declined",
      subjectType: "reference_request",
      subjectId: id,
    });
    const delivered =
      decision === "decline" ? await deliverQueued(trx, request.advocate_id, now) : [];
    return { request: updated, delivered };
  });
}

/**
 * Each side marks the conversation as held; when both have, it is completed
 * and the advocate earns the reference-call points (recognition, not cash).
 */
export async function completeReference(
  db: Queryable,
  actor: Actor,
  id: number,
  input: { helpful?: boolean | null } = {},
  now = new Date(),
): Promise<{ request: Awaited<ReturnType<typeof lockRequest>>; awarded: AwardedEntry[] }> {
  return inTransaction(db, async (trx) => {
    const request = await lockRequest(trx, id);
    const asAdvocate = actor.id === request.advocate_id;
    const asProspect = actor.id === request.prospect_id;
    if (!asAdvocate && !asProspect)
      throw new ForbiddenError("Only the two people in the conversation can mark it as held.");
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
      if (input.helpful !== undefined && input.helpful !== null) patch.helpful = input.helpful;
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
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: updated.status === "completed" ? "reference.completed" : "reference.marked_held",
      subjectType: "reference_request",
      subjectId: id,
      details: { by: asAdvocate ? "advocate" : "prospect", helpful: updated.helpful },
    });
    const awarded =
      updated.status === "completed"
        ? await awardReferencePoints(trx, {
            requestId: id,
            advocateId: request.advocate_id,
            at: now,
          })
        : [];
    return { request: updated, awarded };
  });
}

/** The prospect says whether the conversation helped (after they marked it held). */
export async function rateReference(db: Queryable, actor: Actor, id: number, helpful: boolean) {
  return inTransaction(db, async (trx) => {
    const request = await lockRequest(trx, id);
    if (actor.id !== request.prospect_id)
      throw new ForbiddenError("Only the person who asked can say whether it helped.");
    if (!request.prospect_completed_at)
      throw new ConflictError("Mark the conversation as held first.");
    return trx
      .updateTable("reference_requests")
      .set({ helpful, updated_at: new Date() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** The person who asked, or a manager, withdraws a request that is still open. */
export async function cancelReference(
  db: Queryable,
  actor: Actor,
  id: number,
  reason: string,
  now = new Date(),
) {
  return inTransaction(db, async (trx) => {
    const request = await lockRequest(trx, id);
    const mayCancel =
      policy.manageReferences(actor) ||
      actor.id === request.prospect_id ||
      actor.id === request.requested_by;
    if (!mayCancel)
      throw new ForbiddenError("Only the person who asked or a manager can cancel this.");
    if (!OPEN_STATUSES.includes(request.status))
      throw new ConflictError(
        `This request is already ${STATUS_LABELS[request.status].toLowerCase()}.`,
      );
    const updated = await trx
      .updateTable("reference_requests")
      .set({
        status: "cancelled",
        cancelled_by: actor.id,
        cancel_reason: reason || null,
        updated_at: now,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "reference.cancelled",
      subjectType: "reference_request",
      subjectId: id,
      reason: reason || null,
    });
    const delivered = request.delivered_at
      ? await deliverQueued(trx, request.advocate_id, now)
      : [];
    return { request: updated, delivered };
  });
}

/** A manager sends a waiting or unanswered request to another advocate (who must have room). */
export async function reassignReference(
  db: Queryable,
  actor: Actor,
  id: number,
  newAdvocateId: number,
  now = new Date(),
) {
  if (!policy.manageReferences(actor))
    throw new ForbiddenError("Only community managers can reassign requests.");
  return inTransaction(db, async (trx) => {
    const request = await lockRequest(trx, id);
    if (request.status !== "queued" && request.status !== "pending")
      throw new ConflictError("Only a request that is waiting can go to another advocate.");
    if (newAdvocateId === request.advocate_id)
      throw new PromoterError("Choose a different advocate.");
    const advocate = await lockAdvocate(trx, newAdvocateId);
    if (!advocate || advocate.role !== "advocate")
      throw new NotFoundError("We could not find that advocate.");
    if (!advocate.open_to_references)
      throw new ConflictError(
        `${advocate.display_name} is not taking reference conversations right now.`,
      );
    if (newAdvocateId === request.prospect_id)
      throw new PromoterError("That is the person who asked.");
    const cap = await getMonthlyCap(trx, advocate.id);
    if ((await requestsThisMonth(trx, advocate.id, now)) >= cap)
      throw new ConflictError(`${advocate.display_name} has no room left this month.`);
    const updated = await trx
      .updateTable("reference_requests")
      .set({ advocate_id: advocate.id, status: "pending", delivered_at: now, updated_at: now })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "reference.reassigned",
      subjectType: "reference_request",
      subjectId: id,
      details: { from: request.advocate_id, to: advocate.id },
    });
    const delivered =
      request.status === "pending" ? await deliverQueued(trx, request.advocate_id, now) : [];
    return {
      request: updated,
      delivered: [await withDeliveryNotice(trx, updated, now), ...delivered],
    };
  });
}

/** A manager delivers every waiting request whose advocate has room this month (a new month resets). */
export async function deliverAllQueued(db: Queryable, actor: Actor, now = new Date()) {
  if (!policy.manageReferences(actor))
    throw new ForbiddenError("Only community managers can do this.");
  return deliverWaitingRequests(db, actor.id, now);
}

/**
 * Delivers every waiting request whose advocate has room this month: what a
 * manager's "deliver waiting requests" does, and what the hourly sweep does
 * on its own (actor null), so a new month's room is used without anyone
 * asking.
 */
export async function deliverWaitingRequests(
  db: Queryable,
  actorId: number | null,
  now = new Date(),
) {
  return inTransaction(db, async (trx) => {
    const advocates = await trx
      .selectFrom("reference_requests")
      .select("advocate_id")
      .distinct()
      .where("status", "=", "queued")
      .execute();
    const delivered = [];
    for (const { advocate_id } of advocates) {
      await lockAdvocate(trx, advocate_id);
      delivered.push(...(await deliverQueued(trx, advocate_id, now)));
    }
    if (delivered.length)
      await recordAudit(trx, {
        actorId,
        action: "reference.queue_delivered",
        subjectType: "reference_request",
        subjectId: delivered.map((d) => d.id).join(","),
      });
    return delivered;
  });
}

const requestColumns = [
  "r.id",
  "r.status",
  "r.topic",
  "r.context",
  "r.preferred_times",
  "r.created_at",
  "r.delivered_at",
  "r.responded_at",
  "r.advocate_completed_at",
  "r.prospect_completed_at",
  "r.completed_at",
  "r.helpful",
  "r.cancel_reason",
  "r.advocate_id",
  "r.prospect_id",
  "r.requested_by",
  "a.handle as advocate_handle",
  "a.display_name as advocate_name",
  "a.email as advocate_email",
  "p.handle as prospect_handle",
  "p.display_name as prospect_name",
  "p.email as prospect_email",
  "pp.company as prospect_company",
  "pp.job_title as prospect_job_title",
  "ap.company as advocate_company",
] as const;

function baseQuery(db: Queryable) {
  return db
    .selectFrom("reference_requests as r")
    .innerJoin("users as a", "a.id", "r.advocate_id")
    .innerJoin("users as p", "p.id", "r.prospect_id")
    .leftJoin("profiles as pp", "pp.user_id", "r.prospect_id")
    .leftJoin("profiles as ap", "ap.user_id", "r.advocate_id");
}

/**
 * What this viewer may see of a request: contact details (emails) only
 * after the advocate accepted, and only for the two people and managers.
 */
function present<
  T extends {
    status: ReferenceStatus;
    advocate_id: number;
    prospect_id: number;
    advocate_email: string;
    prospect_email: string;
    queue_position?: number;
  },
>(viewer: Actor, row: T) {
  const contactsVisible = policy.seeReferenceContacts(viewer, {
    status: row.status,
    advocateId: row.advocate_id,
    prospectId: row.prospect_id,
  });
  const { advocate_email, prospect_email, ...rest } = row;
  return {
    ...rest,
    advocate_email: contactsVisible ? advocate_email : null,
    prospect_email: contactsVisible ? prospect_email : null,
  };
}

async function fetchRequest(db: Queryable, id: number) {
  const row = await baseQuery(db).select(requestColumns).where("r.id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError("We could not find that request.");
  return row;
}

/** One request, for the two people in it and for managers; others get a 404. */
export async function getReferenceRequest(db: Queryable, viewer: Actor, id: number) {
  const row = await fetchRequest(db, id);
  if (
    !policy.viewReferenceRequest(viewer, {
      advocateId: row.advocate_id,
      prospectId: row.prospect_id,
      requestedBy: row.requested_by,
    })
  )
    throw new NotFoundError("We could not find that request.");
  return present(viewer, row);
}

export const REFERENCES_PAGE_SIZE = 25;

/** The viewer's own requests: those they were asked (as advocate) and those they asked. */
export async function listOwnReferences(db: Queryable, viewer: Actor) {
  const rows = await baseQuery(db)
    .select(requestColumns)
    .where((eb) =>
      eb.or([
        eb("r.prospect_id", "=", viewer.id),
        eb("r.requested_by", "=", viewer.id),
        // Requests waiting in the queue have not reached the advocate yet.
        eb.and([eb("r.advocate_id", "=", viewer.id), eb("r.status", "!=", "queued")]),
      ]),
    )
    .orderBy(
      sql`case r.status when 'pending' then 0 when 'accepted' then 1 when 'queued' then 2 else 3 end`,
    )
    .orderBy("r.created_at", "desc")
    .limit(200)
    .execute();
  const shown = rows.map((r) => present(viewer, r));
  return {
    asked: shown.filter((r) => r.advocate_id === viewer.id),
    asking: shown.filter((r) => r.advocate_id !== viewer.id),
  };
}

/** Every request for managers, with its age, filtered by state. */
export async function listAllReferences(
  db: Queryable,
  viewer: Actor,
  filters: { status?: ReferenceStatus; page?: number },
) {
  if (!policy.manageReferences(viewer))
    throw new ForbiddenError("Only community managers can see every request.");
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  let query = baseQuery(db);
  if (filters.status) query = query.where("r.status", "=", filters.status);
  const { total } = await query
    .select((eb) => eb.fn.count<number>("r.id").as("total"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select(requestColumns)
    .orderBy(
      sql`case r.status when 'queued' then 0 when 'pending' then 1 when 'accepted' then 2 else 3 end`,
    )
    .orderBy("r.created_at", "asc")
    .limit(REFERENCES_PAGE_SIZE)
    .offset((page - 1) * REFERENCES_PAGE_SIZE)
    .execute();
  const counts = await db
    .selectFrom("reference_requests")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return {
    rows: rows.map((r) => present(viewer, r)),
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / REFERENCES_PAGE_SIZE)),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<
      Record<ReferenceStatus, number>
    >,
  };
}

/** What a profile page needs to offer "Ask for a conversation". */
export async function referenceAvailability(
  db: Queryable,
  viewer: Actor | null,
  advocate: { id: number; role: string; open_to_references: boolean },
  now = new Date(),
) {
  if (advocate.role !== "advocate" || !advocate.open_to_references) return { open: false as const };
  const cap = await getMonthlyCap(db, advocate.id);
  const used = await requestsThisMonth(db, advocate.id, now);
  let earlier: { id: number } | undefined;
  if (viewer && viewer.id !== advocate.id) {
    earlier = await db
      .selectFrom("reference_requests")
      .select("id")
      .where("advocate_id", "=", advocate.id)
      .where("prospect_id", "=", viewer.id)
      .where("status", "!=", "cancelled")
      .where("created_at", ">", new Date(now.getTime() - REPEAT_REQUEST_DAYS * DAY))
      .executeTakeFirst();
  }
  return { open: true as const, full: used >= cap, earlierRequestId: earlier?.id ?? null };
}

export type ReferenceView = Awaited<ReturnType<typeof getReferenceRequest>>;
