import type { LoaderFunctionArgs } from "@remix-run/node";
import { getChapterBySlug } from "~/modules/chapters/chapters.server.ts";
import { buildCalendar } from "~/modules/events/ics.server.ts";
import { eventsForCalendar } from "~/modules/events/reads.server.ts";
import { orErrorPage } from "~/utils/http.server.ts";

/** A chapter's events as a calendar feed people subscribe to. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const chapter = await orErrorPage(getChapterBySlug(context.db, params.slug ?? ""));
  const rows = await eventsForCalendar(context.db, { chapterId: chapter.id });
  const body = buildCalendar(rows, {
    name: chapter.name,
    siteUrl: context.env.PUBLIC_URL,
    timeZone: chapter.time_zone,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${chapter.slug}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
