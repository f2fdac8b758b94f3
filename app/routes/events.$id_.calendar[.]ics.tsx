import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildCalendar } from "~/modules/events/ics.server.ts";
import { eventsForCalendar } from "~/modules/events/reads.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";

/** One event as an ICS file to add to a calendar. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const rows = await eventsForCalendar(context.db, { eventId: id });
  if (rows.length === 0) throw notFound("We could not find that event.");
  const body = buildCalendar(rows, {
    name: rows[0].title,
    siteUrl: context.env.PUBLIC_URL,
    timeZone: rows[0].time_zone,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${id}.ics"`,
    },
  });
}
