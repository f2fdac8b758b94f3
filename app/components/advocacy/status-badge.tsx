import { Badge } from "~/components/ui/badge.tsx";
import {
  APPLICATION_STATUS_LABELS,
  OPPORTUNITY_STATUS_LABELS,
  STORY_STATUS_LABELS,
  TALK_STATUS_LABELS,
} from "~/modules/advocacy/formats.ts";

type Tone = "neutral" | "brand" | "spot" | "info" | "danger";

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

export function StoryStatusBadge({ status }: { status: keyof typeof STORY_STATUS_LABELS }) {
  return <Badge tone={storyTones[status]}>{STORY_STATUS_LABELS[status]}</Badge>;
}

export function TalkStatusBadge({ status }: { status: keyof typeof TALK_STATUS_LABELS }) {
  if (status === "verified")
    return (
      <Badge tone="brand">
        <span aria-hidden="true">✓</span> Verified
      </Badge>
    );
  return <Badge tone={talkTones[status]}>{TALK_STATUS_LABELS[status]}</Badge>;
}

export function ApplicationStatusBadge({
  status,
}: {
  status: keyof typeof APPLICATION_STATUS_LABELS;
}) {
  return <Badge tone={applicationTones[status]}>{APPLICATION_STATUS_LABELS[status]}</Badge>;
}

export function OpportunityStatusBadge({
  status,
}: {
  status: keyof typeof OPPORTUNITY_STATUS_LABELS;
}) {
  return <Badge tone={opportunityTones[status]}>{OPPORTUNITY_STATUS_LABELS[status]}</Badge>;
}
