import type { ColumnType, Generated } from "kysely";
import type { CreatedAt } from "../columns.ts";

type Stamp = ColumnType<Date, Date | string, Date | string>;
type OptionalStamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export type EventKind = "meetup" | "webinar" | "seminar" | "user_group";
export type EventStatus = "scheduled" | "cancelled";
/** going: holds a seat; waitlisted: in the queue by queued_at; cancelled: gave the seat back. */
export type RsvpStatus = "going" | "waitlisted" | "cancelled";

export interface EventsTable {
  id: Generated<number>;
  chapter_id: number | null;
  kind: EventKind;
  title: string;
  description: Generated<string>;
  starts_at: Stamp;
  ends_at: Stamp;
  /** IANA zone the event is held in; its times are shown in it and in the reader's. */
  time_zone: string;
  venue: Generated<string>;
  /** Shown only to people holding a seat (policy.seeEventLink). */
  online_url: Generated<string>;
  capacity: number;
  status: ColumnType<EventStatus, EventStatus | undefined, EventStatus>;
  /** The organiser: earns the hosting award once attendance is recorded. */
  host_id: number;
  created_by: number | null;
  attendance_recorded_at: OptionalStamp;
  attendance_recorded_by: number | null;
  reminder_sent_at: OptionalStamp;
  /** The early-access item that carries the recording, once published. */
  recording_item_id: number | null;
  created_at: CreatedAt;
  updated_at: Stamp;
}

export interface EventSpeakersTable {
  event_id: number;
  user_id: number;
  /** The speaking board's talk this slot is, when there is one. */
  talk_id: number | null;
}

export interface EventRsvpsTable {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  status: RsvpStatus;
  queued_at: Stamp;
  /** Set by the organiser after the event; null until then. */
  attended: boolean | null;
  /** When the reminder a day before was queued for this seat; null until then. */
  reminded_at: OptionalStamp;
  created_at: CreatedAt;
  updated_at: Stamp;
}

export interface EventTables {
  events: EventsTable;
  event_speakers: EventSpeakersTable;
  event_rsvps: EventRsvpsTable;
}
