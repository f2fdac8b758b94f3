import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { FormError, TextAreaField } from "~/components/ui/field.tsx";
import type { FieldProps } from "~/utils/form-fields.ts";
import { cn } from "~/utils/cn.ts";

/** 0–10 as eleven large radio buttons (two rows on a phone), then "why?". */
export function ScoreQuestion(props: {
  question: string;
  followUp: string;
  score: FieldProps;
  comment: FieldProps;
  formError?: string;
  busy: boolean;
}) {
  const errorId = props.score.error ? "score-error" : undefined;
  const { t } = useTranslation();
  return (
    <Form method="post" className="space-y-6" noValidate>
      <input type="hidden" name="intent" value="answer" />
      <FormError message={props.formError} />
      <fieldset aria-describedby={errorId} className="space-y-3">
        <legend className="text-lg font-semibold text-stone-900 dark:text-stone-100">
          {props.question}
        </legend>
        <div className="grid grid-cols-6 gap-2 sm:grid-cols-11">
          {Array.from({ length: 11 }, (_, n) => (
            <label key={n} className="relative">
              <input
                type="radio"
                name="score"
                value={n}
                defaultChecked={props.score.defaultValue === String(n)}
                className="peer sr-only"
                aria-label={`${n}`}
                required
              />
              <span
                className={cn(
                  "flex h-12 cursor-pointer items-center justify-center rounded-lg border text-base font-semibold tabular-nums",
                  "border-stone-300 bg-white text-stone-800 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100",
                  "peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white",
                  "peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 peer-focus-visible:ring-offset-2",
                )}
              >
                {n}
              </span>
            </label>
          ))}
        </div>
        <div className="flex justify-between text-xs text-stone-600 dark:text-stone-400">
          <span>{t("survey.score.notLikely")}</span>
          <span>{t("survey.score.likely")}</span>
        </div>
        {props.score.error ? (
          <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
            {props.score.error}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label={props.followUp || t("survey.score.why")}
        rows={4}
        name={props.comment.name}
        defaultValue={props.comment.defaultValue}
        error={props.comment.error}
        hint={t("survey.score.whyHint")}
      />
      <Button type="submit" size="lg" className="w-full sm:w-auto" disabled={props.busy}>
        {props.busy ? t("survey.score.sending") : t("survey.score.send")}
      </Button>
    </Form>
  );
}
