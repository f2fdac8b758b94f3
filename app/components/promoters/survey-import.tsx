import { Form } from "@remix-run/react";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, FormError, TextAreaField } from "~/components/ui/field.tsx";
import { COLUMN_LABELS, SURVEY_COLUMNS } from "~/modules/promoters/nps.ts";
import type { previewSurveyImport } from "~/modules/promoters/survey.server.ts";

export type SurveyPreview = Awaited<ReturnType<typeof previewSurveyImport>>;

const statusTone = { new: "brand", "already imported": "neutral", problem: "danger" } as const;

/** Choosing or pasting a CSV file of survey responses, to preview it. */
export function SurveyFileForm({ formError, busy }: { formError?: string; busy: boolean }) {
  return (
    <Card className="space-y-4 p-6">
      <h2 className="text-lg font-semibold">Import survey responses</h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        A CSV file whose first line names the columns:{" "}
        {SURVEY_COLUMNS.map((c) => COLUMN_LABELS[c]).join(", ")} (in any order and case; email,
        score and responded at are required). Dates as YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC). You see
        every row before anything is saved, and importing the same file again adds nothing twice.
      </p>
      <Form method="post" encType="multipart/form-data" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="preview" />
        <div className="space-y-1.5">
          <label htmlFor="survey-file" className="block text-sm font-medium">
            CSV file
          </label>
          <input
            id="survey-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            className="block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-medium file:text-brand-800 dark:file:bg-brand-900/40 dark:file:text-brand-200"
          />
        </div>
        <TextAreaField
          label="…or paste the responses"
          name="csv"
          rows={5}
          placeholder="email,name,company,score,comment,responded at"
        />
        <FormError message={formError} />
        <Button type="submit" disabled={busy}>
          {busy ? "Reading…" : "Preview"}
        </Button>
      </Form>
    </Card>
  );
}

/** Every row of a previewed file and what importing it would do, with the button to import. */
export function SurveyImportPreview({
  fileName,
  csv,
  preview,
  busy,
}: {
  fileName: string;
  csv: string;
  preview: SurveyPreview;
  busy: boolean;
}) {
  const counts = preview.counts;
  return (
    <Card className="space-y-4 p-6" aria-labelledby="preview-heading">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Preview of {fileName}
      </h2>
      <p className="text-sm" data-testid="preview-summary">
        {counts.total} rows: <strong>{counts.new} new</strong>, {counts.alreadyImported} already
        imported, {counts.problems} with problems. Nothing has been saved yet.
      </p>
      <div className="max-h-[28rem] overflow-auto rounded-lg border border-stone-200 dark:border-stone-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Rows of the file and what will happen to each</caption>
          <thead className="sticky top-0 bg-stone-50 text-xs uppercase text-stone-600 dark:bg-stone-900 dark:text-stone-400">
            <tr>
              <th scope="col" className="px-3 py-2">
                Line
              </th>
              <th scope="col" className="px-3 py-2">
                Email
              </th>
              <th scope="col" className="px-3 py-2">
                Score
              </th>
              <th scope="col" className="px-3 py-2">
                Responded
              </th>
              <th scope="col" className="px-3 py-2">
                Result
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
            {preview.rows.map((r) => (
              <tr key={r.line} data-testid={`preview-line-${r.line}`}>
                <td className="px-3 py-2 tabular-nums">{r.line}</td>
                <td className="px-3 py-2">{r.values.email}</td>
                <td className="px-3 py-2 tabular-nums">{r.values.score}</td>
                <td className="px-3 py-2">{r.values.respondedAt}</td>
                <td className="px-3 py-2">
                  <Badge tone={statusTone[r.status]}>{r.status}</Badge>
                  {r.errors.map((e) => (
                    <p key={e} className="mt-1 text-red-700 dark:text-red-400">
                      {e}
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {counts.new > 0 ? (
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="import" />
          <input type="hidden" name="fileName" value={fileName} />
          <textarea name="csv" hidden readOnly defaultValue={csv} />
          {counts.problems > 0 ? (
            <CheckboxField
              name="skipProblems"
              label={`Leave out the ${counts.problems} row${counts.problems === 1 ? "" : "s"} with problems`}
              description="Otherwise fix the file and preview it again."
            />
          ) : null}
          <Button type="submit" disabled={busy}>
            Import {counts.new} response{counts.new === 1 ? "" : "s"}
          </Button>
        </Form>
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          There is nothing new to import.
        </p>
      )}
    </Card>
  );
}
