import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import type {
  APPLICATION_STATUS_LABELS,
  OPPORTUNITY_STATUS_LABELS,
  STORY_STATUS_LABELS,
  TALK_STATUS_LABELS,
} from "~/modules/advocacy/formats.ts";

type Tone = "neutral" | "brand" | "spot" | "info" | "danger";
type T = (key: string) => string;

const storyTones: Record<keyof typeof STORY_STATUS_LABELS, Tone> = {
  proposed: "info",
  draft: "neutral",
  submitted: "spot",
  changes_requested: "info",
  published: "brand",
  declined: "danger",
  withdrawn: "neutral",
  unpublished: "neutral",
};
const talkTones: Record<keyof typeof TALK_STATUS_LABELS, Tone> = {
  scheduled: "info",
  pending: "spot",
  verified: "brand",
  rejected: "danger",
};
const applicationTones: Record<keyof typeof APPLICATION_STATUS_LABELS, Tone> = {
  pending: "neutral",
  shortlisted: "spot",
  accepted: "brand",
  declined: "danger",
  withdrawn: "neutral",
};
const opportunityTones: Record<keyof typeof OPPORTUNITY_STATUS_LABELS, Tone> = {
  open: "brand",
  closed: "neutral",
  filled: "info",
};

/** A story's status in the reader's language. */
export function storyStatusLabel(t: T, status: keyof typeof STORY_STATUS_LABELS): string {
  const labels: Record<keyof typeof STORY_STATUS_LABELS, string> = {
    proposed: t("stories.status.proposed"),
    draft: t("stories.status.draft"),
    submitted: t("stories.status.submitted"),
    changes_requested: t("stories.status.changes_requested"),
    published: t("stories.status.published"),
    declined: t("stories.status.declined"),
    withdrawn: t("stories.status.withdrawn"),
    unpublished: t("stories.status.unpublished"),
  };
  return labels[status];
}

/** A talk's status in the reader's language. */
export function talkStatusLabel(t: T, status: keyof typeof TALK_STATUS_LABELS): string {
  const labels: Record<keyof typeof TALK_STATUS_LABELS, string> = {
    scheduled: t("speaking.talkStatus.scheduled"),
    pending: t("speaking.talkStatus.pending"),
    verified: t("speaking.talkStatus.verified"),
    rejected: t("speaking.talkStatus.rejected"),
  };
  return labels[status];
}

/** An application's status in the reader's language. */
export function applicationStatusLabel(
  t: T,
  status: keyof typeof APPLICATION_STATUS_LABELS,
): string {
  const labels: Record<keyof typeof APPLICATION_STATUS_LABELS, string> = {
    pending: t("speaking.applicationStatus.pending"),
    shortlisted: t("speaking.applicationStatus.shortlisted"),
    accepted: t("speaking.applicationStatus.accepted"),
    declined: t("speaking.applicationStatus.declined"),
    withdrawn: t("speaking.applicationStatus.withdrawn"),
  };
  return labels[status];
}

/** An opportunity's status in the reader's language. */
export function opportunityStatusLabel(
  t: T,
  status: keyof typeof OPPORTUNITY_STATUS_LABELS,
): string {
  const labels: Record<keyof typeof OPPORTUNITY_STATUS_LABELS, string> = {
    open: t("speaking.opportunityStatus.open"),
    closed: t("speaking.opportunityStatus.closed"),
    filled: t("speaking.opportunityStatus.filled"),
  };
  return labels[status];
}

export function StoryStatusBadge({ status }: { status: keyof typeof STORY_STATUS_LABELS }) {
  const { t } = useTranslation();
  return <Badge tone={storyTones[status]}>{storyStatusLabel(t, status)}</Badge>;
}

export function TalkStatusBadge({ status }: { status: keyof typeof TALK_STATUS_LABELS }) {
  const { t } = useTranslation();
  if (status === "verified")
    return (
      <Badge tone="brand">
        <span aria-hidden="true">✓</span>
        {` ${t("speaking.talkStatus.verified")}`}
      </Badge>
    );
  return <Badge tone={talkTones[status]}>{talkStatusLabel(t, status)}</Badge>;
}

export function ApplicationStatusBadge({
  status,
}: {
  status: keyof typeof APPLICATION_STATUS_LABELS;
}) {
  const { t } = useTranslation();
  return <Badge tone={applicationTones[status]}>{applicationStatusLabel(t, status)}</Badge>;
}

export function OpportunityStatusBadge({
  status,
}: {
  status: keyof typeof OPPORTUNITY_STATUS_LABELS;
}) {
  const { t } = useTranslation();
  return <Badge tone={opportunityTones[status]}>{opportunityStatusLabel(t, status)}</Badge>;
}
