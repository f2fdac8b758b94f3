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

/** An industry a story or testimonial is filed under, in the reader's language; others as stored. */
export function industryLabel(t: T, industry: string): string {
  const labels: Record<string, string> = {
    "Financial services": t("stories.industries.financial"),
    Healthcare: t("stories.industries.healthcare"),
    "Retail and e-commerce": t("stories.industries.retail"),
    Manufacturing: t("stories.industries.manufacturing"),
    "Software and SaaS": t("stories.industries.software"),
    Education: t("stories.industries.education"),
    Logistics: t("stories.industries.logistics"),
    "Media and publishing": t("stories.industries.media"),
    "Public sector": t("stories.industries.public"),
    Energy: t("stories.industries.energy"),
  };
  return labels[industry] ?? industry;
}

/** A part of the product a story is about, in the reader's language; others as stored. */
export function productAreaLabel(t: T, area: string): string {
  const labels: Record<string, string> = {
    "Data pipelines": t("stories.areas.pipelines"),
    "Dashboards and reporting": t("stories.areas.dashboards"),
    "Workflow automation": t("stories.areas.automation"),
    "Connectors and integrations": t("stories.areas.connectors"),
    APIs: t("stories.areas.apis"),
    "Governance and security": t("stories.areas.governance"),
    "SSO and identity": t("stories.areas.sso"),
  };
  return labels[area] ?? area;
}
