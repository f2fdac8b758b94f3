import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { FormError, TextAreaField } from "~/components/ui/field.tsx";
import type { THREAD_INTENTS } from "~/modules/discussions/thread-intents.ts";
import { LIMITS } from "~/modules/discussions/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { MarkdownHelp } from "./markdown-help.tsx";

const count = (n: number) => n.toLocaleString("en-GB");

/** What to say when a reply is longer than a post may be; the server says the same. */
export function tooLongMessage(length: number) {
  return `Your reply is ${count(length)} characters; the limit is ${count(LIMITS.bodyMax)}. Shorten it by ${count(length - LIMITS.bodyMax)} to post it.`;
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
        label="Your reply"
        {...body}
        error={refused && over ? tooLongMessage(length) : body.error}
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
          {count(length)} / {count(LIMITS.bodyMax)} characters
          {over ? ` (${count(length - LIMITS.bodyMax)} over)` : ""}
        </p>
        <Button type="submit" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Posting…" : "Post reply"}
        </Button>
      </div>
    </fetcher.Form>
  );
}
