import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { TalkFormat } from "../../../db/tables/advocacy.ts";
import { NotFoundError } from "../../utils/errors.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import type { Clock } from "./time.ts";
import type { OpportunityInput } from "./validation.ts";

export const PAGE_SIZE = 12;

function opportunityValues(input: OpportunityInput) {
  return {
    title: input.title,
    event_name: input.eventName,
    format: input.format,
    starts_at: input.startsAt,
    time_zone: input.timeZone,
    is_virtual: input.isVirtual,
    location: input.location,
    expected_audience: input.expectedAudience,
    audience_description: input.audienceDescription,
    topic_md: input.topic,
    topic_html: renderMarkdown(input.topic, { trustedLinks: true }),
    event_url: input.eventUrl,
    application_deadline: input.applicationDeadline,
    status: input.status,
  };
}

const missingOpportunity = () => new NotFoundError("We could not find that speaking opportunity.");

/** A manager posts a speaking opportunity advocates can apply to. */
export const createOpportunity = defineCommand({
  name: "opportunity.create",
  async run(trx, input: OpportunityInput, { viewer, effects, now }) {
    ensure("manageSpeaking", viewer);
    const row = await trx
      .insertInto("speaking_opportunities")
      .values({
        ...opportunityValues(input),
        created_by: viewer.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: "speaking.opportunity_posted",
      subjectType: "speaking_opportunity",
      subjectId: row.id,
      details: { title: row.title, format: row.format },
    });
    return row;
  },
});

export const updateOpportunity = defineCommand({
  name: "opportunity.update",
  async run(
    trx,
    { id, opportunity }: { id: number; opportunity: OpportunityInput },
    { viewer, effects, now },
  ) {
    ensure("manageSpeaking", viewer);
    const row = await trx
      .updateTable("speaking_opportunities")
      .set({ ...opportunityValues(opportunity), updated_at: now })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw missingOpportunity();
    effects.audit({
      actorId: viewer.id,
      action: "speaking.opportunity_updated",
      subjectType: "speaking_opportunity",
      subjectId: id,
      details: { status: row.status },
    });
    return row;
  },
});

/** Opens, closes or marks an opportunity filled. */
export const setOpportunityStatus = defineCommand({
  name: "opportunity.set_status",
  async run(
    trx,
    { id, status }: { id: number; status: "open" | "closed" | "filled" },
    { viewer, effects, now },
  ) {
    ensure("manageSpeaking", viewer);
    const row = await trx
      .updateTable("speaking_opportunities")
      .set({ status, updated_at: now })
      .where("id", "=", id)
      .returning(["id", "status"])
      .executeTakeFirst();
    if (!row) throw missingOpportunity();
    effects.audit({
      actorId: viewer.id,
      action: `speaking.opportunity_${status}`,
      subjectType: "speaking_opportunity",
      subjectId: id,
    });
    return row;
  },
});

export async function getOpportunity(db: Queryable, id: number) {
  const row = await db
    .selectFrom("speaking_opportunities")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw missingOpportunity();
  return row;
}

/** The opportunity locked for a change, so a manager closing it and an application cannot cross. */
export async function lockOpportunity(trx: Queryable, id: number) {
  const row = await trx
    .selectFrom("speaking_opportunities")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw missingOpportunity();
  return row;
}

/** Why an advocate could not apply now, or null when they can. */
export function applicationClosedReason(
  opportunity: { status: string; application_deadline: Date | string },
  now: Date,
): string | null {
  if (opportunity.status === "filled") return "This opportunity has been filled.";
  if (opportunity.status === "closed") return "This opportunity is closed to applications.";
  if (new Date(opportunity.application_deadline) < now)
    return "The application deadline has passed.";
  return null;
}

export interface OpportunityFilters {
  format?: TalkFormat;
  /** YYYY-MM-DD: events on or after this day (UTC). */
  from?: string;
  /** YYYY-MM-DD: events on or before this day (UTC). */
  to?: string;
  page?: number;
}

/** Open opportunities whose deadline has not passed, soonest event first. */
export async function listOpenOpportunities(
  db: Queryable,
  filters: OpportunityFilters,
  clock: Clock = {},
) {
  const now = clock.now ?? new Date();
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  let query = db
    .selectFrom("speaking_opportunities")
    .where("status", "=", "open")
    .where("application_deadline", ">=", now);
  if (filters.format) query = query.where("format", "=", filters.format);
  if (filters.from) query = query.where("starts_at", ">=", new Date(`${filters.from}T00:00:00Z`));
  if (filters.to) query = query.where("starts_at", "<", new Date(`${filters.to}T24:00:00Z`));
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await query
    .selectAll()
    .orderBy("starts_at")
    .orderBy("id")
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return { rows, total: Number(total), page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Every opportunity for managers, newest event first, with how many applied. */
export async function listOpportunitiesForManagers(db: Queryable, page = 1) {
  const p = Math.max(1, Math.floor(page));
  const [{ total }] = await db
    .selectFrom("speaking_opportunities")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .execute();
  const rows = await db
    .selectFrom("speaking_opportunities as o")
    .selectAll("o")
    .select([
      sql<number>`(select count(*) from speaking_applications a where a.opportunity_id = o.id)`.as(
        "application_count",
      ),
      sql<number>`(select count(*) from speaking_applications a where a.opportunity_id = o.id and a.status in ('pending', 'shortlisted'))`.as(
        "undecided_count",
      ),
    ])
    .orderBy("o.starts_at", "desc")
    .orderBy("o.id", "desc")
    .limit(PAGE_SIZE)
    .offset((p - 1) * PAGE_SIZE)
    .execute();
  return {
    rows,
    total: Number(total),
    page: p,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}
