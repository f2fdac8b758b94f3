import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { listOpenOpportunities, type OpportunityFilters } from "./opportunities.server.ts";
import { talkPointsByFormat } from "./points.server.ts";
import { listUpcomingTalks } from "./talks.server.ts";
import { DEFAULT_LOCALE, type Locale } from "../../i18n/index.ts";
import { eventDateIn, eventTimeIn } from "./local-time.ts";

/**
 * The public speaking board: open opportunities (a page of them, with the
 * points a verified talk earns) and upcoming talks by customers, as the
 * page shows them.
 */
export async function speakingBoard(
  db: Queryable,
  viewer: Viewer,
  filters: OpportunityFilters,
  locale: Locale = DEFAULT_LOCALE,
) {
  const eventTime = eventTimeIn(locale);
  const eventDate = eventDateIn(locale);
  const [opportunities, talks, points] = await Promise.all([
    listOpenOpportunities(db, filters),
    listUpcomingTalks(db),
    talkPointsByFormat(db),
  ]);
  return {
    opportunities: {
      ...opportunities,
      rows: opportunities.rows.map((o) => ({
        id: o.id,
        title: o.title,
        event_name: o.event_name,
        format: o.format,
        is_virtual: o.is_virtual,
        location: o.location,
        expected_audience: o.expected_audience,
        audience_description: o.audience_description,
        when: eventTime(o.starts_at, o.time_zone),
        deadline: eventDate(o.application_deadline, o.time_zone),
        points: points[o.format],
      })),
    },
    talks: talks.map((t) => ({
      id: t.id,
      title: t.title,
      event_name: t.event_name,
      format: t.format,
      is_virtual: t.is_virtual,
      location: t.location,
      event_url: t.event_url,
      when: eventTime(t.given_at, t.time_zone),
      speaker: {
        name: t.speaker_name,
        handle: t.speaker_handle,
        company: t.speaker_company,
        linkable: policy.viewProfile(viewer, { userId: t.speaker_id, isPublic: t.speaker_public }),
      },
    })),
  };
}

export type SpeakingBoard = Awaited<ReturnType<typeof speakingBoard>>;
