import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Linked, linkMark } from "~/components/advocacy/linked.tsx";
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

const linkClass = "font-medium text-brand-700 underline dark:text-brand-300";

/** The fields of a reference request; shared by the profile section and the request page. */
export function ConversationFields({
  field = formFields<typeof ReferenceRequestSchema>(undefined).field,
}: {
  field?: (name: "topic" | "context" | "preferredTimes") => FieldProps;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t("askConversation.topic")} required maxLength={160} {...field("topic")} />
      <TextAreaField
        label={t("askConversation.context")}
        rows={3}
        maxLength={2000}
        {...field("context")}
        hint={t("askConversation.contextHint")}
      />
      <TextField
        label={t("askConversation.times")}
        maxLength={300}
        {...field("preferredTimes")}
        hint={t("askConversation.timesHint")}
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
  const { t } = useTranslation();
  if (!ask.open) return null;
  const firstName = name.split(" ")[0];
  return (
    <section aria-labelledby="ask-heading">
      <Card className="p-6">
        <h2 id="ask-heading" className="text-lg font-semibold">
          {t("askConversation.heading")}
        </h2>
        {isOwner ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            <Linked
              message={t("askConversation.owner", { link: linkMark })}
              link={
                <Link to="/references" className={linkClass}>
                  {t("askConversation.ownerLink")}
                </Link>
              }
            />
          </p>
        ) : !signedIn ? (
          <>
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              {t("askConversation.visitor", { name: firstName })}
            </p>
            <Link
              to={`/login?redirectTo=${encodeURIComponent(`/u/${handle}`)}`}
              className={buttonClass("primary", "md", "mt-4")}
            >
              {t("askConversation.signIn")}
            </Link>
          </>
        ) : ask.earlierRequestId ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            <Linked
              message={t("askConversation.already", { name: firstName, link: linkMark })}
              link={
                <Link to={`/references/${ask.earlierRequestId}`} className={linkClass}>
                  {t("askConversation.alreadyLink")}
                </Link>
              }
            />
          </p>
        ) : (
          <Form
            method="post"
            action={`/references/new?advocate=${encodeURIComponent(handle)}`}
            className="mt-3 space-y-4"
          >
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {t("askConversation.decides", { name: firstName })}
              {ask.full ? ` ${t("askConversation.full", { name: firstName })}` : ""}
            </p>
            <input type="hidden" name="advocate" value={handle} />
            <ConversationFields />
            <Button type="submit">{t("askConversation.ask", { name: firstName })}</Button>
          </Form>
        )}
      </Card>
    </section>
  );
}
