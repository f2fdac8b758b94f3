import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button } from "~/components/ui/button.tsx";
import { FormError, TextAreaField } from "~/components/ui/field.tsx";
import type { THREAD_INTENTS } from "~/modules/discussions/thread-intents.ts";
import { LIMITS } from "~/modules/discussions/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { MarkdownHelp } from "./markdown-help.tsx";

/** The reply form at the foot of a thread; it empties once the reply is posted. */
export function ReplyBox({ onTyping }: { onTyping: () => void }) {
  const fetcher = useFetcher<ActionError & { ok?: boolean; intent?: string }>();
  const formRef = useRef<HTMLFormElement>(null);
  const posted = fetcher.state === "idle" && fetcher.data?.ok && fetcher.data.intent === "reply";
  useEffect(() => {
    if (posted) formRef.current?.reset();
  }, [posted, fetcher.data]);
  const { field, formError } = formFields<typeof THREAD_INTENTS.reply>(fetcher.data);
  return (
    <fetcher.Form method="post" ref={formRef} className="space-y-3">
      <input type="hidden" name="intent" value="reply" />
      <FormError message={fetcher.data?.fieldErrors ? null : formError} />
      <TextAreaField
        data-reply-box=""
        label="Your reply"
        {...field("body")}
        rows={6}
        maxLength={LIMITS.bodyMax}
        onInput={onTyping}
        hint={<MarkdownHelp />}
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Posting…" : "Post reply"}
        </Button>
      </div>
    </fetcher.Form>
  );
}
