import { Form } from "@remix-run/react";
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
  const changes = formFields<typeof CommentSchema>(actionData, {}, { intent: "request-changes" });
  const declineForm = formFields<typeof ReasonSchema>(actionData, {}, { intent: "decline" });
  const unpublishForm = formFields<typeof ReasonSchema>(actionData, {}, { intent: "unpublish" });
  return (
    <>
      {can.review ? (
        <Card className="space-y-5 p-5">
          <h3 className="font-semibold">Review</h3>
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="publish" />
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {live
                ? "Publishing replaces the live version; earlier versions are kept."
                : `Publishing puts it in the public library and awards the author +${points} points.`}
            </p>
            <Button type="submit" disabled={busy}>
              {live ? "Publish new version" : "Publish"}
            </Button>
          </Form>
          <Form
            method="post"
            noValidate
            className="space-y-2 border-t border-stone-200 pt-4 dark:border-stone-800"
          >
            <input type="hidden" name="intent" value="request-changes" />
            <TextAreaField
              label="What should change?"
              {...changes.field("comment")}
              rows={3}
              hint="The author sees this on their draft."
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              Request changes
            </Button>
          </Form>
          <Form
            method="post"
            noValidate
            className="space-y-2 border-t border-stone-200 pt-4 dark:border-stone-800"
            onSubmit={(event) => {
              if (!confirm("Decline this story?")) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="decline" />
            <TextAreaField label="Reason for declining" {...declineForm.field("reason")} rows={2} />
            <Button type="submit" variant="danger" disabled={busy}>
              Decline
            </Button>
          </Form>
        </Card>
      ) : null}
      {can.unpublish ? (
        <Card className="space-y-3 p-5">
          <h3 className="font-semibold">Take it down</h3>
          <Form
            method="post"
            noValidate
            className="space-y-2"
            onSubmit={(event) => {
              if (!confirm("Unpublish this story? The author's points for it are taken back."))
                event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="unpublish" />
            <TextAreaField
              label="Reason for unpublishing"
              {...unpublishForm.field("reason")}
              rows={2}
              hint="The author sees it. Their points for the story are taken back."
            />
            <Button type="submit" variant="danger" disabled={busy}>
              Unpublish
            </Button>
          </Form>
        </Card>
      ) : null}
      {can.republish ? (
        <Card className="space-y-3 p-5">
          <h3 className="font-semibold">Publish again</h3>
          <Form method="post">
            <input type="hidden" name="intent" value="republish" />
            <Button type="submit" disabled={busy}>
              Put it back in the library
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
