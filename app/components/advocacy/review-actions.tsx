import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { TextAreaField } from "~/components/ui/field.tsx";
import type { CommentSchema, ReasonSchema } from "~/modules/advocacy/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

/** A manager's decisions on a story: publish, request changes, decline, unpublish, republish. */
export function StoryReviewActions({
  live,
  points,
  can,
  busy,
  actionData,
}: {
  live: boolean;
  points: number;
  can: { review: boolean; unpublish: boolean; republish: boolean };
  busy: boolean;
  actionData?: ActionError;
}) {
  const { t } = useTranslation();
  const changes = formFields<typeof CommentSchema>(actionData, {}, { intent: "request-changes" });
  const declineForm = formFields<typeof ReasonSchema>(actionData, {}, { intent: "decline" });
  const unpublishForm = formFields<typeof ReasonSchema>(actionData, {}, { intent: "unpublish" });
  return (
    <>
      {can.review ? (
        <Card className="space-y-5 p-5">
          <h3 className="font-semibold">{t("stories.review.title")}</h3>
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="publish" />
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {live ? t("stories.review.replaces") : t("stories.review.awards", { points })}
            </p>
            <Button type="submit" disabled={busy}>
              {live ? t("stories.review.publishNew") : t("stories.review.publish")}
            </Button>
          </Form>
          <Form
            method="post"
            noValidate
            className="space-y-2 border-t border-stone-200 pt-4 dark:border-stone-800"
          >
            <input type="hidden" name="intent" value="request-changes" />
            <TextAreaField
              label={t("stories.review.whatChange")}
              {...changes.field("comment")}
              rows={3}
              hint={t("stories.review.whatChangeHint")}
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("stories.review.requestChanges")}
            </Button>
          </Form>
          <Form
            method="post"
            noValidate
            className="space-y-2 border-t border-stone-200 pt-4 dark:border-stone-800"
            onSubmit={(event) => {
              if (!confirm(t("stories.review.confirmDecline"))) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="decline" />
            <TextAreaField
              label={t("stories.review.declineReason")}
              {...declineForm.field("reason")}
              rows={2}
            />
            <Button type="submit" variant="danger" disabled={busy}>
              {t("stories.review.decline")}
            </Button>
          </Form>
        </Card>
      ) : null}
      {can.unpublish ? (
        <Card className="space-y-3 p-5">
          <h3 className="font-semibold">{t("stories.review.takeDown")}</h3>
          <Form
            method="post"
            noValidate
            className="space-y-2"
            onSubmit={(event) => {
              if (!confirm(t("stories.review.confirmUnpublish"))) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="unpublish" />
            <TextAreaField
              label={t("stories.review.unpublishReason")}
              {...unpublishForm.field("reason")}
              rows={2}
              hint={t("stories.review.unpublishHint")}
            />
            <Button type="submit" variant="danger" disabled={busy}>
              {t("stories.review.unpublish")}
            </Button>
          </Form>
        </Card>
      ) : null}
      {can.republish ? (
        <Card className="space-y-3 p-5">
          <h3 className="font-semibold">{t("stories.review.publishAgain")}</h3>
          <Form method="post">
            <input type="hidden" name="intent" value="republish" />
            <Button type="submit" disabled={busy}>
              {t("stories.review.putBack")}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
