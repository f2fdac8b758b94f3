import { Form } from "@remix-run/react";
import { useMemo, useRef, useState, type ReactNode } from "react";
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
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { previewMarkdown } from "./markdown-preview.ts";
import { StoryView } from "./story-view.tsx";

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
  submitLabel = "Submit for review",
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
        aria-label="Story"
      >
        <FormError message={formError} />
        {note}
        <Card className="space-y-5 p-6">
          <h2 className="text-lg font-semibold">The story</h2>
          <TextField
            label="Title"
            {...field("title")}
            required
            hint="What changed, in one line — e.g. “From 40 spreadsheets to one live dashboard”."
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField label="Company" {...field("company")} />
            <SelectField label="Industry" {...field("industry")}>
              <option value="">Choose an industry</option>
              {STORY_INDUSTRIES.map((i) => (
                <option key={i} value={i}>
                  {i}
                </option>
              ))}
            </SelectField>
            <SelectField label="Product area" {...field("productArea")} className="sm:col-span-2">
              <option value="">Choose a product area</option>
              {PRODUCT_AREAS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label="Challenge"
            {...field("challenge")}
            rows={6}
            hint="What was hard before? Markdown works: **bold**, lists, links."
          />
          <TextAreaField
            label="Solution"
            {...field("solution")}
            rows={6}
            hint="What you built with Northwind Cloud, and how you rolled it out."
          />
          <TextAreaField
            label="Results"
            {...field("results")}
            rows={6}
            hint="What changed for your team and your customers."
          />
          <TextField
            label="Pull quote"
            {...field("pullQuote")}
            hint="One sentence in your own words that a peer would remember."
          />
        </Card>

        <Card className="space-y-4 p-6">
          <div>
            <h2 className="text-lg font-semibold">Before and after</h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              Each row becomes a pair of bars in the chart. The first row is the headline on the
              story&apos;s card. Use plain numbers, and a unit such as days, hours, % or $k.
            </p>
          </div>
          {errors.metrics ? (
            <p className="text-sm text-red-700 dark:text-red-400" role="alert">
              {errors.metrics}
            </p>
          ) : null}
          <fieldset className="space-y-4">
            <legend className="sr-only">Metrics</legend>
            {rows.map((rowId, i) => (
              <div
                key={rowId}
                className={cn(
                  "grid gap-3 rounded-lg border border-stone-200 p-3 sm:grid-cols-[1.5fr_1fr_1fr_1.3fr_auto] sm:items-start dark:border-stone-800",
                )}
                data-testid={`metric-row-${i}`}
              >
                <TextField
                  label={`Metric ${i + 1}`}
                  {...metric(i, "label")}
                  placeholder="Onboarding time"
                />
                <TextField
                  label={`Before (metric ${i + 1})`}
                  {...metric(i, "before")}
                  inputMode="decimal"
                  placeholder="14"
                />
                <TextField
                  label={`After (metric ${i + 1})`}
                  {...metric(i, "after")}
                  inputMode="decimal"
                  placeholder="3"
                />
                <TextField
                  label={`Unit (metric ${i + 1})`}
                  {...metric(i, "unit")}
                  placeholder="days"
                />
                <div className="sm:pt-7">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Remove metric ${i + 1}`}
                    disabled={rows.length <= 1}
                    onClick={() => {
                      setRows((r) => r.filter((id) => id !== rowId));
                      // The inputs are re-numbered on the next render; read them after it.
                      setTimeout(refresh, 0);
                    }}
                  >
                    Remove
                  </Button>
                </div>
              </div>
            ))}
          </fieldset>
          {metricErrors.length ? (
            <p className="sr-only" role="status">
              {metricErrors.length} metric fields need attention.
            </p>
          ) : null}
          <Button
            variant="secondary"
            size="sm"
            disabled={rows.length >= MAX_METRICS}
            onClick={() => setRows((r) => [...r, newRowId()])}
          >
            Add a metric
          </Button>
        </Card>

        <Card className="space-y-5 p-6">
          <div>
            <h2 className="text-lg font-semibold">Video</h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              Optional. A link to a video file (.mp4 or .webm) plays on the page; a link to a video
              page is shown as a link. Nothing loads until a reader presses play.
            </p>
          </div>
          <TextField
            label="Video link"
            {...field("videoUrl")}
            inputMode="url"
            placeholder="https://www.example.com/interview.mp4"
          />
          <TextAreaField
            label="Transcript"
            {...field("videoTranscript")}
            rows={5}
            hint={`What is said in the video, for readers who cannot watch it and for search (at most ${MAX_TRANSCRIPT.toLocaleString("en-US")} characters).`}
          />
        </Card>

        <Card className="space-y-3 p-6">
          <h2 className="text-lg font-semibold">Permission</h2>
          <CheckboxField
            name="consent"
            label="I may publish this story on behalf of my company"
            description="You confirm that your company agrees to this story, its numbers and your name being public. A community manager reviews it before anything is published."
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
            Save draft
          </Button>
          <Button type="submit" name="intent" value="submit" disabled={busy}>
            {submitLabel}
          </Button>
        </div>
      </Form>

      <section aria-labelledby="preview-heading" className="xl:sticky xl:top-20 xl:self-start">
        <div className="mb-3 flex items-center justify-between">
          <h2
            id="preview-heading"
            className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400"
          >
            Live preview
          </h2>
          <span className="text-xs text-stone-500 dark:text-stone-400">
            As it will appear in the library
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
