import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField, TextField } from "~/components/ui/field.tsx";
import type { THREAD_INTENTS } from "~/modules/discussions/thread-intents.ts";
import { LIMITS } from "~/modules/discussions/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

type Answer = ActionError & { ok?: boolean };

/** Lock or unlock a thread, or move it to another space (moderators only). */
export function ModeratorPanel({
  spaces,
  currentSpaceId,
  locked,
}: {
  spaces: { id: number; name: string }[];
  currentSpaceId: number;
  locked: boolean;
}) {
  const lock = useFetcher<Answer>();
  const move = useFetcher<Answer>();
  const lockForm = formFields<typeof THREAD_INTENTS.lock>(lock.data);
  const moveForm = formFields<typeof THREAD_INTENTS.move>(move.data);
  const { t } = useTranslation();
  return (
    <Card className="p-5">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        {t("thread.moderation.title")}
      </h2>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <lock.Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value={locked ? "unlock" : "lock"} />
          <FormError message={lockForm.formError} />
          <TextField
            label={locked ? t("thread.moderation.whyUnlock") : t("thread.moderation.whyLock")}
            {...lockForm.field("reason")}
            required
            maxLength={LIMITS.reasonMax}
          />
          <Button type="submit" size="sm" variant="secondary" disabled={lock.state !== "idle"}>
            {locked ? t("thread.moderation.unlock") : t("thread.moderation.lock")}
          </Button>
        </lock.Form>
        <move.Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="move" />
          <FormError message={moveForm.formError} />
          <SelectField label={t("thread.moderation.moveTo")} {...moveForm.field("spaceId")}>
            <option value="" disabled>
              {t("thread.moderation.chooseSpace")}
            </option>
            {spaces
              .filter((s) => s.id !== currentSpaceId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </SelectField>
          <TextField
            label={t("thread.moderation.whyMove")}
            {...moveForm.field("reason")}
            required
            maxLength={LIMITS.reasonMax}
          />
          <Button type="submit" size="sm" variant="secondary" disabled={move.state !== "idle"}>
            {t("thread.moderation.move")}
          </Button>
        </move.Form>
      </div>
    </Card>
  );
}
