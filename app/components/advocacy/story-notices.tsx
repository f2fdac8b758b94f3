import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { useTranslation } from "react-i18next";
import type { StoryStatus } from "../../../db/tables/advocacy.ts";

/** The review comment the author should act on, while it still applies. */
export function ReviewNote({
  note,
  status,
}: {
  note: { action: string; comment: string } | null;
  status: StoryStatus;
}) {
  const { t } = useTranslation();
  if (
    !note ||
    !(
      status === "changes_requested" ||
      status === "declined" ||
      note.action === "revision_declined"
    )
  )
    return null;
  return (
    <div
      className="mb-6 rounded-xl border border-amber-300 bg-amber-50 p-5 dark:border-amber-800 dark:bg-amber-950/40"
      data-testid="review-note"
      role="note"
    >
      <h2 className="font-semibold">
        {note.action === "changes_requested"
          ? t("stories.notices.changesRequested")
          : t("stories.notices.whyDeclined")}
      </h2>
      <p className="mt-2 whitespace-pre-line text-stone-800 dark:text-stone-200">{note.comment}</p>
    </div>
  );
}

/** A story a manager started for the author: accept it to edit, or turn it down. */
export function ProposalCard({
  startedBy,
  busy,
  formError,
}: {
  startedBy: string | null;
  busy: boolean;
  formError?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card className="mb-6 space-y-3 p-5">
      <h2 className="font-semibold">
        {startedBy
          ? t("stories.notices.startedFor", { name: startedBy })
          : t("stories.notices.startedForTeam")}
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {t("stories.notices.proposalBody")}
      </p>
      <FormError message={formError} />
      <div className="flex gap-3">
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <Button type="submit" disabled={busy}>
            {t("stories.notices.accept")}
          </Button>
        </Form>
        <Form
          method="post"
          onSubmit={(e) => {
            if (!confirm(t("stories.notices.confirmTurnDown"))) e.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="turn-down" />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("stories.notices.turnDown")}
          </Button>
        </Form>
      </div>
    </Card>
  );
}
