import type { TalkFormat } from "~/modules/advocacy/formats.ts";

type T = (key: string) => string;

/** A talk format's name in the reader's language ("Conference", "大会", "Conferencia"). */
export function talkFormatLabel(t: T, format: TalkFormat): string {
  const labels: Record<TalkFormat, string> = {
    conference: t("speaking.formats.conference"),
    webinar: t("speaking.formats.webinar"),
    podcast: t("speaking.formats.podcast"),
    meetup: t("speaking.formats.meetup"),
  };
  return labels[format] ?? format;
}

/** Why an opportunity takes no applications, in the reader's language. */
export function closedReasonLabel(
  t: T,
  opportunity: { status: string; application_deadline: Date | string },
  now: Date,
): string | null {
  if (opportunity.status === "filled") return t("speaking.opportunity.filled");
  if (opportunity.status === "closed") return t("speaking.opportunity.closed");
  if (new Date(opportunity.application_deadline) < now)
    return t("speaking.opportunity.deadlinePassed");
  return null;
}
