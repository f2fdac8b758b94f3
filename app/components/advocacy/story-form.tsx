import { WrittenInField } from "~/components/languages/written-in-field.tsx";
import { Form } from "@remix-run/react";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import {
  CheckboxField,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/field.tsx";
import { PRODUCT_AREAS, STORY_INDUSTRIES } from "~/modules/advocacy/formats.ts";
import { MAX_METRICS, metricField, readMetricRows } from "~/modules/advocacy/metrics.ts";
import { storyVideo } from "~/modules/advocacy/story-view.ts";
import { MAX_TRANSCRIPT, type StorySchema } from "~/modules/advocacy/validation.ts";
import { cn } from "~/utils/cn.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { previewMarkdown } from "./markdown-preview.ts";
import { StoryView } from "./story-view.tsx";
import { industryLabel, productAreaLabel } from "./labels.ts";

/** The form's fields as strings, the way a browser submits them. */
export type StoryFormValues = Record<string, string>;

export function storyFormValues(story: {
  title: string;
  company: string;
  industry: string;
  product_area: string;
  challenge_md: string;
  solution_md: string;
  results_md: string;
  pull_quote: string;
  metrics: { label: string; before: number; after: number; unit: string }[];
  video_url: string;
  video_transcript: string;
  language?: string;
  consent_at: Date | string | null;
}): StoryFormValues {
  const values: StoryFormValues = {
    title: story.title,
    company: story.company,
    industry: story.industry,
    productArea: story.product_area,
    challenge: story.challenge_md,
    solution: story.solution_md,
    results: story.results_md,
    pullQuote: story.pull_quote,
    videoUrl: story.video_url,
    videoTranscript: story.video_transcript,
    // The language kept on the story: saving it again keeps it rather than telling it anew.
    language: story.language ?? "",
    consent: story.consent_at ? "on" : "",
  };
  story.metrics.forEach((m, i) => {
    values[metricField(i, "label")] = m.label;
    values[metricField(i, "before")] = String(m.before);
    values[metricField(i, "after")] = String(m.after);
    values[metricField(i, "unit")] = m.unit;
  });
  return values;
}

function metricRowCount(values: StoryFormValues): number {
  let count = 0;
  for (const key of Object.keys(values)) {
    const m = /^metric-(\d+)-/.exec(key);
    if (m) count = Math.max(count, Number(m[1]) + 1);
  }
  return count;
}

function formToValues(form: HTMLFormElement): StoryFormValues {
  const values: StoryFormValues = {};
  for (const [key, value] of new FormData(form).entries())
    if (typeof value === "string") values[key] = value;
  return values;
}

let nextRowId = 0;
const newRowId = () => `row-${++nextRowId}`;

/**
 * Writing a story: the fields, a table of before/after metrics, consent, and
 * a live preview of the page drawn from what is typed (no round trip).
 */
export function StoryForm({
  actionData,
  saved,
  author,
  busy,
  submitLabel,
  note,
}: {
  actionData: ActionError | undefined;
  saved: StoryFormValues;
  author: { name: string; handle: string; jobTitle?: string };
  busy: boolean;
  submitLabel?: string;
  note?: ReactNode;
}) {
  // A refused submission shows what was typed, row for row; otherwise what is saved.
  const initial = actionData?.values ?? saved;
  const { t } = useTranslation();
  const formats = useFormats();
  const { field, checked, formError } = formFields<typeof StorySchema>(actionData, initial);
  const errors = actionData?.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<StoryFormValues>(initial);
  // One spare empty row to type into; more with "Add a metric".
  const [rows, setRows] = useState<string[]>(() =>
    Array.from(
      { length: Math.min(MAX_METRICS, Math.max(1, metricRowCount(initial) + 1)) },
      newRowId,
    ),
  );
  const [initialRowCount] = useState(() => metricRowCount(initial));
  // A row added after the page loaded starts empty.
  const metric = (i: number, part: Parameters<typeof metricField>[1]) => {
    const cell = field(metricField(i, part));
    return i < initialRowCount ? cell : { ...cell, defaultValue: "" };
  };
  const refresh = () => {
    if (formRef.current) setValues(formToValues(formRef.current));
  };
  const preview = useMemo(
    () => ({
      title: values.title ?? "",
      company: values.company ?? "",
      industry: values.industry ?? "",
      productArea: values.productArea ?? "",
      challengeHtml: previewMarkdown(values.challenge ?? ""),
      solutionHtml: previewMarkdown(values.solution ?? ""),
      resultsHtml: previewMarkdown(values.results ?? ""),
      pullQuote: values.pullQuote ?? "",
      metrics: readMetricRows(values).rows,
      video: storyVideo(values.videoUrl ?? "", values.videoTranscript ?? ""),
      author: { ...author, linkable: false },
    }),
    [values, author],
  );
  const metricErrors = Object.entries(errors).filter(([k]) => k.startsWith("metric-"));
  return (
    <div className="grid gap-8 xl:grid-cols-2">
      <Form
        method="post"
        ref={formRef}
        noValidate
        onChange={refresh}
        onInput={refresh}
        className="space-y-6"
        aria-label={t("stories.form.label")}
      >
        <FormError message={formError} />
        {note}
        <Card className="space-y-5 p-6">
          <h2 className="text-lg font-semibold">{t("stories.form.theStory")}</h2>
          <TextField
            label={t("stories.form.title")}
            {...field("title")}
            required
            hint={t("stories.form.titleHint")}
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField label={t("stories.form.company")} {...field("company")} />
            <SelectField label={t("stories.form.industry")} {...field("industry")}>
              <option value="">{t("stories.form.chooseIndustry")}</option>
              {STORY_INDUSTRIES.map((i) => (
                <option key={i} value={i}>
                  {industryLabel(t, i)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("stories.form.productArea")}
              {...field("productArea")}
              className="sm:col-span-2"
            >
              <option value="">{t("stories.form.chooseProductArea")}</option>
              {PRODUCT_AREAS.map((a) => (
                <option key={a} value={a}>
                  {productAreaLabel(t, a)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label={t("stories.form.challenge")}
            {...field("challenge")}
            rows={6}
            hint={t("stories.form.challengeHint")}
          />
          <TextAreaField
            label={t("stories.form.solution")}
            {...field("solution")}
            rows={6}
            hint={t("stories.form.solutionHint")}
          />
          <TextAreaField
            label={t("stories.form.results")}
            {...field("results")}
            rows={6}
            hint={t("stories.form.resultsHint")}
          />
          <TextField
            label={t("stories.form.pullQuote")}
            {...field("pullQuote")}
            hint={t("stories.form.pullQuoteHint")}
          />
        </Card>

        <Card className="space-y-4 p-6">
          <div>
            <h2 className="text-lg font-semibold">{t("stories.form.beforeAfter")}</h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              {t("stories.form.beforeAfterHint")}
            </p>
          </div>
          {errors.metrics ? (
            <p className="text-sm text-red-700 dark:text-red-400" role="alert">
              {errors.metrics}
            </p>
          ) : null}
          <fieldset className="space-y-4">
            <legend className="sr-only">{t("stories.form.metrics")}</legend>
            {rows.map((rowId, i) => (
              <div
                key={rowId}
                className={cn(
                  "grid gap-3 rounded-lg border border-stone-200 p-3 sm:grid-cols-[1.5fr_1fr_1fr_1.3fr_auto] sm:items-start dark:border-stone-800",
                )}
                data-testid={`metric-row-${i}`}
              >
                <TextField
                  label={t("stories.form.metric", { n: i + 1 })}
                  {...metric(i, "label")}
                  placeholder={t("stories.form.metricPlaceholder")}
                />
                <TextField
                  label={t("stories.form.before", { n: i + 1 })}
                  {...metric(i, "before")}
                  inputMode="decimal"
                  placeholder="14"
                />
                <TextField
                  label={t("stories.form.after", { n: i + 1 })}
                  {...metric(i, "after")}
                  inputMode="decimal"
                  placeholder="3"
                />
                <TextField
                  label={t("stories.form.unit", { n: i + 1 })}
                  {...metric(i, "unit")}
                  placeholder={t("stories.form.unitPlaceholder")}
                />
                <div className="sm:pt-7">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t("stories.form.removeMetric", { n: i + 1 })}
                    disabled={rows.length <= 1}
                    onClick={() => {
                      setRows((r) => r.filter((id) => id !== rowId));
                      // The inputs are re-numbered on the next render; read them after it.
                      setTimeout(refresh, 0);
                    }}
                  >
                    {t("stories.form.remove")}
                  </Button>
                </div>
              </div>
            ))}
          </fieldset>
          {metricErrors.length ? (
            <p className="sr-only" role="status">
              {t("stories.form.metricErrors", { count: metricErrors.length })}
            </p>
          ) : null}
          <Button
            variant="secondary"
            size="sm"
            disabled={rows.length >= MAX_METRICS}
            onClick={() => setRows((r) => [...r, newRowId()])}
          >
            {t("stories.form.addMetric")}
          </Button>
        </Card>

        <Card className="space-y-5 p-6">
          <div>
            <h2 className="text-lg font-semibold">{t("stories.form.video")}</h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              {t("stories.form.videoHint")}
            </p>
          </div>
          <TextField
            label={t("stories.form.videoLink")}
            {...field("videoUrl")}
            inputMode="url"
            placeholder="https://www.example.com/interview.mp4"
          />
          <TextAreaField
            label={t("stories.form.transcript")}
            {...field("videoTranscript")}
            rows={5}
            hint={t("stories.form.transcriptHint", {
              max: formats.count(MAX_TRANSCRIPT),
            })}
          />
          <WrittenInField {...field("language")} />
        </Card>

        <Card className="space-y-3 p-6">
          <h2 className="text-lg font-semibold">{t("stories.form.permission")}</h2>
          <CheckboxField
            name="consent"
            label={t("stories.form.consent")}
            description={t("stories.form.consentHint")}
            defaultChecked={checked("consent")}
          />
          {errors.consent ? (
            <p className="text-sm text-red-700 dark:text-red-400" role="alert">
              {errors.consent}
            </p>
          ) : null}
        </Card>

        <div className="flex flex-wrap justify-end gap-3">
          <Button type="submit" name="intent" value="save" variant="secondary" disabled={busy}>
            {t("stories.form.saveDraft")}
          </Button>
          <Button type="submit" name="intent" value="submit" disabled={busy}>
            {submitLabel ?? t("stories.form.submit")}
          </Button>
        </div>
      </Form>

      <section aria-labelledby="preview-heading" className="xl:sticky xl:top-20 xl:self-start">
        <div className="mb-3 flex items-center justify-between">
          <h2
            id="preview-heading"
            className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400"
          >
            {t("stories.form.preview")}
          </h2>
          <span className="text-xs text-stone-500 dark:text-stone-400">
            {t("stories.form.previewHint")}
          </span>
        </div>
        <div
          className="max-h-none rounded-xl border border-dashed border-stone-300 bg-stone-50 p-5 xl:max-h-[calc(100vh-8rem)] xl:overflow-y-auto dark:border-stone-700 dark:bg-stone-950"
          data-testid="story-preview"
        >
          <StoryView story={preview} preview />
        </div>
      </section>
    </div>
  );
}
