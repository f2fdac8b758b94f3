import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { ReferenceStatus } from "../../../db/tables/promoters.ts";
import { ensure } from "../access/ensure.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { NotFoundError } from "../../utils/errors.ts";

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
>(viewer: NonNullable<Viewer>, row: T) {
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
export async function getReferenceRequest(db: Queryable, viewer: NonNullable<Viewer>, id: number) {
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
export async function listOwnReferences(db: Queryable, viewer: NonNullable<Viewer>) {
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
  viewer: NonNullable<Viewer>,
  filters: { status?: ReferenceStatus; page?: number },
) {
  ensure("manageReferences", viewer);
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

export type ReferenceView = Awaited<ReturnType<typeof getReferenceRequest>>;
