import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { z } from "zod";
import { ManualResponseForm } from "~/components/promoters/manual-response-form.tsx";
import {
  SurveyFileForm,
  SurveyImportPreview,
  type SurveyPreview,
} from "~/components/promoters/survey-import.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { policy } from "~/modules/access/policy.ts";
import {
  addResponse,
  checkManualResponse,
  importSurvey,
  previewSurveyImport,
} from "~/modules/promoters/survey.server.ts";
import { ManualResponseSchema } from "~/modules/promoters/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { isDomainError } from "~/utils/errors.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("surveyImport.metaTitle") },
];

const MAX_BYTES = 2 * 1024 * 1024;
const tooLarge = (t: TFunction) =>
  json<ActionData>({ kind: "error", formError: t("surveyImport.tooLarge") }, { status: 413 });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  return json({});
}

/** Preview a file, import it after the preview, or add one response by hand. */
const ImportIntents = { preview: z.object({}), import: z.object({}), add: ManualResponseSchema };

type ActionData =
  | {
      kind: "preview";
      fileName: string;
      csv: string;
      preview: SurveyPreview;
    }
  | {
      kind?: "error";
      formError?: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string>;
    };

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  const { t } = i18nFor(await localeOf(request, context));
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_BYTES * 2 + 10_000) return tooLarge(t);
  const formData = await request.formData();
  const submission = parseIntent(formData, ImportIntents);
  if (!submission.ok)
    return invalidForm({
      ...submission,
      formError: submission.formError ?? t("surveyImport.notSaved"),
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
      title: t("surveyImport.saved"),
    });
  }

  let csv = "";
  let fileName = String(formData.get("fileName") ?? "");
  const file = formData.get("file");
  if (file && typeof file !== "string" && file.size > 0) {
    if (file.size > MAX_BYTES) return tooLarge(t);
    csv = await file.text();
    fileName = file.name;
  } else {
    csv = String(formData.get("csv") ?? "");
    // Pasted text is held to the same limit as an uploaded file.
    if (Buffer.byteLength(csv) > MAX_BYTES) return tooLarge(t);
  }
  if (!csv.trim())
    return json<ActionData>(
      { kind: "error", formError: t("surveyImport.chooseFile") },
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
        title: t("surveyImport.imported", { count: result.added }),
        description: [
          result.alreadyImported
            ? t("surveyImport.alreadyImported", { already: result.alreadyImported })
            : "",
          result.leftOut ? t("surveyImport.leftOut", { left: result.leftOut }) : "",
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

export default function ImportResponses() {
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const preview = actionData?.kind === "preview" ? actionData : null;
  const error = actionData && actionData.kind !== "preview" ? actionData : null;
  const manualRefused = Object.keys(error?.fieldErrors ?? {}).length > 0;
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link
          to="/manage/promoters"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("promoters.back")}
        </Link>
      </p>
      <SurveyFileForm formError={manualRefused ? undefined : error?.formError} busy={busy} />
      {preview ? (
        <SurveyImportPreview
          fileName={preview.fileName}
          csv={preview.csv}
          preview={preview.preview}
          busy={busy}
        />
      ) : null}
      <ManualResponseForm actionData={error} busy={busy} />
    </div>
  );
}
