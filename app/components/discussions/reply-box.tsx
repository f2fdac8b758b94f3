import { useFetcher } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { FormError, TextAreaField } from "~/components/ui/field.tsx";
import type { THREAD_INTENTS } from "~/modules/discussions/thread-intents.ts";
import { LIMITS } from "~/modules/discussions/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { MarkdownHelp } from "./markdown-help.tsx";

/** What to say when a reply is longer than a post may be; the server says the same. */
export function tooLongMessage(length: number, t: TFunction) {
  return t("thread.reply.tooLong", {
    length,
    limit: LIMITS.bodyMax,
    over: length - LIMITS.bodyMax,
  });
}

/**
 * The reply form at the foot of a thread; it empties once the reply is posted.
 * It counts characters as you type and refuses to send a reply over the limit,
 * rather than cutting a paste off with `maxlength` where nobody sees it.
 */
export function ReplyBox({ onTyping }: { onTyping: () => void }) {
  const fetcher = useFetcher<ActionError & { ok?: boolean; intent?: string }>();
  const formRef = useRef<HTMLFormElement>(null);
  const [length, setLength] = useState(0);
  const [refused, setRefused] = useState(false);
  const posted = fetcher.state === "idle" && fetcher.data?.ok && fetcher.data.intent === "reply";
  useEffect(() => {
    if (posted) {
      formRef.current?.reset();
      setLength(0);
    }
  }, [posted, fetcher.data]);
  const { field, formError } = formFields<typeof THREAD_INTENTS.reply>(fetcher.data);
  const over = length > LIMITS.bodyMax;
  const body = field("body");
  const { t } = useTranslation();
  return (
    <fetcher.Form
      method="post"
      ref={formRef}
      className="space-y-3"
      onSubmit={(event) => {
        if (!over) return;
        event.preventDefault();
        setRefused(true);
      }}
    >
      <input type="hidden" name="intent" value="reply" />
      <FormError message={fetcher.data?.fieldErrors ? null : formError} />
      <TextAreaField
        data-reply-box=""
        label={t("thread.reply.label")}
        {...body}
        error={refused && over ? tooLongMessage(length, t) : body.error}
        rows={6}
        onInput={(event) => {
          setLength(event.currentTarget.value.length);
          if (event.currentTarget.value.length <= LIMITS.bodyMax) setRefused(false);
          onTyping();
        }}
        hint={<MarkdownHelp />}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p
          data-testid="reply-counter"
          className={
            over
              ? "text-sm font-medium text-red-700 dark:text-red-400"
              : "text-sm text-stone-600 dark:text-stone-400"
          }
        >
          {over
            ? t("thread.reply.counterOver", {
                length,
                limit: LIMITS.bodyMax,
                over: length - LIMITS.bodyMax,
              })
            : t("thread.reply.counter", { length, limit: LIMITS.bodyMax })}
        </p>
        <Button type="submit" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? t("thread.reply.posting") : t("thread.reply.post")}
        </Button>
      </div>
    </fetcher.Form>
  );
}
