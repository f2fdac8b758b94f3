import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { COLUMN_LABELS, SURVEY_COLUMNS } from "~/modules/promoters/nps.ts";
import {
  addResponse,
  checkManualResponse,
  importSurvey,
  previewSurveyImport,
} from "~/modules/promoters/survey.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { isDomainError } from "~/utils/errors.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Import responses · Promoters · Limelight" }];

const MAX_BYTES = 2 * 1024 * 1024;
const tooLarge = () =>
  json<ActionData>(
    { kind: "error", formError: "The file is larger than 2 MB. Split it and import the parts." },
    { status: 413 },
  );

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  return json({});
}

const ManualSchema = z.object({
  intent: z.literal("add"),
  email: z.string().trim().min(1, "Enter the email of the person who answered."),
  name: z.string().trim().max(200).default(""),
  company: z.string().trim().max(200).default(""),
  score: z.string().trim().min(1, "Enter a score from 0 to 10."),
  comment: z.string().trim().max(5000).default(""),
  respondedAt: z.string().trim().min(1, "Enter the date of the answer."),
});

/** Preview a file, import it after the preview, or add one response by hand. */
const ImportIntents = { preview: z.object({}), import: z.object({}), add: ManualSchema };

type ActionData =
  | {
      kind: "preview";
      fileName: string;
      csv: string;
      preview: Awaited<ReturnType<typeof previewSurveyImport>>;
    }
  | {
      kind?: "error";
      formError?: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string>;
    };

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_BYTES * 2 + 10_000) return tooLarge();
  const formData = await request.formData();
  const submission = parseIntent(formData, ImportIntents);
  if (!submission.ok)
    return invalidForm({
      ...submission,
      formError: submission.formError ?? "The response was not saved.",
    });

  if (submission.intent === "add") {
    try {
      const row = checkManualResponse(submission.data);
      await addResponse(await commandContext(request, context), row);
    } catch (error) {
      const { intent: _intent, ...values } = submission.data;
      return answerDomainError(error, values);
    }
    return redirectWithToast("/manage/promoters/responses", {
      kind: "success",
      title: "Response saved",
    });
  }

  let csv = "";
  let fileName = String(formData.get("fileName") ?? "");
  const file = formData.get("file");
  if (file && typeof file !== "string" && file.size > 0) {
    if (file.size > MAX_BYTES) return tooLarge();
    csv = await file.text();
    fileName = file.name;
  } else {
    csv = String(formData.get("csv") ?? "");
    // Pasted text is held to the same limit as an uploaded file.
    if (Buffer.byteLength(csv) > MAX_BYTES) return tooLarge();
  }
  if (!csv.trim())
    return json<ActionData>(
      { kind: "error", formError: "Choose a CSV file, or paste the responses." },
      { status: 400 },
    );
  fileName ||= "pasted responses";

  try {
    if (submission.intent === "import") {
      const result = await importSurvey(await commandContext(request, context), {
        text: csv,
        fileName,
        skipProblems: formData.get("skipProblems") === "on",
      });
      return redirectWithToast("/manage/promoters", {
        kind: "success",
        title: `Imported ${result.added} response${result.added === 1 ? "" : "s"}`,
        description: [
          result.alreadyImported ? `${result.alreadyImported} were already imported.` : "",
          result.leftOut ? `${result.leftOut} with problems were left out.` : "",
        ]
          .filter(Boolean)
          .join(" "),
      });
    }
    const preview = await previewSurveyImport(context.db, csv);
    return json<ActionData>({ kind: "preview", fileName, csv, preview });
  } catch (error) {
    if (isDomainError(error))
      return json<ActionData>(
        { kind: "error", formError: error.message },
        { status: error.status },
      );
    throw error;
  }
}

const statusTone = { new: "brand", "already imported": "neutral", problem: "danger" } as const;

export default function ImportResponses() {
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const preview = actionData?.kind === "preview" ? actionData : null;
  const error = actionData && actionData.kind !== "preview" ? actionData : null;
  const manualErrors = error?.fieldErrors ?? {};
  const manualValues = error?.values ?? {};
  const counts = preview?.preview.counts;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link
          to="/manage/promoters"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          ← Promoters
        </Link>
      </p>
      <Card className="space-y-4 p-6">
        <h2 className="text-lg font-semibold">Import survey responses</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          A CSV file whose first line names the columns:{" "}
          {SURVEY_COLUMNS.map((c) => COLUMN_LABELS[c]).join(", ")} (in any order and case; email,
          score and responded at are required). Dates as YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC). You
          see every row before anything is saved, and importing the same file again adds nothing
          twice.
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
          {error && !Object.keys(manualErrors).length ? (
            <FormError message={error.formError} />
          ) : null}
          <Button type="submit" disabled={busy}>
            {busy ? "Reading…" : "Preview"}
          </Button>
        </Form>
      </Card>

      {preview && counts ? (
        <Card className="space-y-4 p-6" aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Preview of {preview.fileName}
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
                {preview.preview.rows.map((r) => (
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
              <input type="hidden" name="fileName" value={preview.fileName} />
              <textarea name="csv" hidden readOnly defaultValue={preview.csv} />
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
      ) : null}

      <Card className="space-y-4 p-6">
        <h2 className="text-lg font-semibold">Add one response</h2>
        <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
          <input type="hidden" name="intent" value="add" />
          {Object.keys(manualErrors).length ? (
            <div className="sm:col-span-2">
              <FormError message={error?.formError ?? "The response was not saved."} />
            </div>
          ) : null}
          <TextField
            label="Email"
            name="email"
            type="email"
            required
            defaultValue={manualValues.email}
            error={manualErrors.email}
          />
          <TextField
            label="Name"
            name="name"
            defaultValue={manualValues.name}
            error={manualErrors.name}
          />
          <TextField
            label="Company"
            name="company"
            defaultValue={manualValues.company}
            error={manualErrors.company}
          />
          <TextField
            label="Score (0–10)"
            name="score"
            inputMode="numeric"
            required
            defaultValue={manualValues.score}
            error={manualErrors.score}
          />
          <TextField
            label="Responded on"
            name="respondedAt"
            type="date"
            required
            defaultValue={manualValues.respondedAt}
            error={manualErrors.respondedAt}
          />
          <TextAreaField
            label="Comment"
            name="comment"
            rows={3}
            className="sm:col-span-2"
            defaultValue={manualValues.comment}
            error={manualErrors.comment}
          />
          <div className="sm:col-span-2">
            <Button type="submit" variant="secondary" disabled={busy}>
              Save response
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
