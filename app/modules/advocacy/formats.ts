import type { TalkFormat } from "../../../db/tables/advocacy.ts";

export type { TalkFormat };

/** The kinds of speaking an advocate can do, and the ledger rule each one earns when verified. */
export const TALK_FORMATS = [
  { value: "conference", label: "Conference", rule: "talk_conference" },
  { value: "webinar", label: "Webinar", rule: "talk_webinar" },
  { value: "podcast", label: "Podcast", rule: "talk_podcast" },
  { value: "meetup", label: "Meetup or user group", rule: "talk_meetup" },
] as const satisfies readonly { value: TalkFormat; label: string; rule: string }[];

export type TalkRule = (typeof TALK_FORMATS)[number]["rule"];

export const TALK_FORMAT_VALUES = TALK_FORMATS.map((f) => f.value) as [TalkFormat, ...TalkFormat[]];

export function isTalkFormat(value: string): value is TalkFormat {
  return (TALK_FORMAT_VALUES as string[]).includes(value);
}

export function formatLabel(format: TalkFormat): string {
  return TALK_FORMATS.find((f) => f.value === format)?.label ?? format;
}

export function talkRuleFor(format: TalkFormat): TalkRule {
  const found = TALK_FORMATS.find((f) => f.value === format);
  if (!found) throw new Error(`Unknown talk format: ${format}`);
  return found.rule;
}

export const STORY_RULE = "case_study_published" as const;

export const OPPORTUNITY_STATUS_LABELS = {
  open: "Open",
  closed: "Closed",
  filled: "Filled",
} as const;

export const APPLICATION_STATUS_LABELS = {
  pending: "Waiting for a decision",
  shortlisted: "Shortlisted",
  accepted: "Accepted",
  declined: "Declined",
  withdrawn: "Withdrawn",
} as const;

export const TALK_STATUS_LABELS = {
  scheduled: "Scheduled",
  pending: "Awaiting verification",
  verified: "Verified",
  rejected: "Not verified",
} as const;

export const STORY_STATUS_LABELS = {
  proposed: "Waiting for the author",
  draft: "Draft",
  submitted: "In review",
  changes_requested: "Changes requested",
  published: "Published",
  declined: "Declined",
  withdrawn: "Turned down by the author",
  unpublished: "Unpublished",
} as const;

/** Industries a story can be filed under (the library's filter). */
export const STORY_INDUSTRIES = [
  "Financial services",
  "Healthcare",
  "Retail and e-commerce",
  "Manufacturing",
  "Software and SaaS",
  "Education",
  "Logistics",
  "Media and publishing",
  "Public sector",
  "Energy",
] as const;

/** The parts of Northwind Cloud a story can be about. */
export const PRODUCT_AREAS = [
  "Data pipelines",
  "Dashboards and reporting",
  "Workflow automation",
  "Connectors and integrations",
  "APIs",
  "Governance and security",
  "SSO and identity",
] as const;
