import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { around, SLOT } from "~/components/admin/locale.ts";
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
  const { t } = useTranslation();
  return (
    <Card className="space-y-4 p-6">
      <h2 className="text-lg font-semibold">{t("surveyImport.heading")}</h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {t("surveyImport.fileIntro", {
          columns: SURVEY_COLUMNS.map((c) => COLUMN_LABELS[c]).join(", "),
        })}
      </p>
      <Form method="post" encType="multipart/form-data" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="preview" />
        <div className="space-y-1.5">
          <label htmlFor="survey-file" className="block text-sm font-medium">
            {t("surveyImport.csvFile")}
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
          label={t("surveyImport.orPaste")}
          name="csv"
          rows={5}
          placeholder="email,name,company,score,comment,responded at"
        />
        <FormError message={formError} />
        <Button type="submit" disabled={busy}>
          {busy ? t("surveyImport.reading") : t("surveyImport.preview")}
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
  const { t } = useTranslation();
  const [before, after] = around(
    t("surveyImport.summary", {
      total: counts.total,
      newRows: SLOT,
      already: counts.alreadyImported,
      problems: counts.problems,
    }),
  );
  const statusLabel: Record<string, string> = {
    new: t("surveyImport.status.new"),
    "already imported": t("surveyImport.status.already"),
    problem: t("surveyImport.status.problem"),
  };
  return (
    <Card className="space-y-4 p-6" aria-labelledby="preview-heading">
      <h2 id="preview-heading" className="text-lg font-semibold">
        {t("surveyImport.previewOf", { file: fileName })}
      </h2>
      <p className="text-sm" data-testid="preview-summary">
        {before}
        <strong>{t("surveyImport.newRows", { count: counts.new })}</strong>
        {after}
      </p>
      <div className="max-h-[28rem] overflow-auto rounded-lg border border-stone-200 dark:border-stone-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("surveyImport.rowsCaption")}</caption>
          <thead className="sticky top-0 bg-stone-50 text-xs uppercase text-stone-600 dark:bg-stone-900 dark:text-stone-400">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("surveyImport.colLine")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("surveyImport.colEmail")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("surveyImport.colScore")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("surveyImport.colResponded")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("surveyImport.colResult")}
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
                  <Badge tone={statusTone[r.status]}>{statusLabel[r.status] ?? r.status}</Badge>
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
              label={t("surveyImport.leaveOut", { count: counts.problems })}
              description={t("surveyImport.leaveOutHint")}
            />
          ) : null}
          <Button type="submit" disabled={busy}>
            {t("surveyImport.importN", { count: counts.new })}
          </Button>
        </Form>
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">{t("surveyImport.nothingNew")}</p>
      )}
    </Card>
  );
}
