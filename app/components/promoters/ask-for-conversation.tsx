import { Form, Link } from "@remix-run/react";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { ReferenceRequestSchema } from "~/modules/promoters/validation.ts";
import { formFields, type FieldProps } from "~/utils/form-fields.ts";

export interface ReferenceAsk {
  open: boolean;
  full?: boolean;
  earlierRequestId?: number | null;
}

/** The fields of a reference request; shared by the profile section and the request page. */
export function ConversationFields({
  field = formFields<typeof ReferenceRequestSchema>(undefined).field,
}: {
  field?: (name: "topic" | "context" | "preferredTimes") => FieldProps;
}) {
  return (
    <>
      <TextField
        label="What would you like to talk about?"
        required
        maxLength={160}
        {...field("topic")}
      />
      <TextAreaField
        label="Some context"
        rows={3}
        maxLength={2000}
        {...field("context")}
        hint="Your company, what you are evaluating, what you hope to learn."
      />
      <TextField
        label="Times that suit you"
        maxLength={300}
        {...field("preferredTimes")}
        hint="For example: weekday mornings CET, any Thursday."
      />
    </>
  );
}

/** "Ask for a conversation" on an advocate's profile: consent first, contact details only after a yes. */
export function AskForConversation({
  handle,
  name,
  ask,
  signedIn,
  isOwner,
}: {
  handle: string;
  name: string;
  ask: ReferenceAsk;
  signedIn: boolean;
  isOwner: boolean;
}) {
  if (!ask.open) return null;
  const firstName = name.split(" ")[0];
  return (
    <section aria-labelledby="ask-heading">
      <Card className="p-6">
        <h2 id="ask-heading" className="text-lg font-semibold">
          Ask for a conversation
        </h2>
        {isOwner ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            You are open to reference conversations. See your requests and set how many you take
            each month in{" "}
            <Link
              to="/references"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              your references
            </Link>
            .
          </p>
        ) : !signedIn ? (
          <>
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              {firstName} talks with peers who are considering the product. Sign in to ask;{" "}
              {firstName} decides, and your contact details are shared only if they say yes.
            </p>
            <Link
              to={`/login?redirectTo=${encodeURIComponent(`/u/${handle}`)}`}
              className={buttonClass("primary", "md", "mt-4")}
            >
              Sign in to ask
            </Link>
          </>
        ) : ask.earlierRequestId ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            You already asked {firstName} recently.{" "}
            <Link
              to={`/references/${ask.earlierRequestId}`}
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              See your request
            </Link>
            .
          </p>
        ) : (
          <Form
            method="post"
            action={`/references/new?advocate=${encodeURIComponent(handle)}`}
            className="mt-3 space-y-4"
          >
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {firstName} decides whether to talk; declining costs nothing. Emails are shared only
              after a yes.
              {ask.full
                ? ` ${firstName} has no room left this month: you can wait in the queue or ask a similar advocate.`
                : ""}
            </p>
            <input type="hidden" name="advocate" value={handle} />
            <ConversationFields />
            <Button type="submit">Ask {firstName}</Button>
          </Form>
        )}
      </Card>
    </section>
  );
}
