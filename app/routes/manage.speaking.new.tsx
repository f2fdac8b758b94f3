import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { OpportunityForm } from "~/components/advocacy/opportunity-form.tsx";
import { policy } from "~/modules/access/policy.ts";
import { talkPointsByFormat } from "~/modules/advocacy/points.server.ts";
import { createOpportunity } from "~/modules/advocacy/opportunities.server.ts";
import { OpportunitySchema } from "~/modules/advocacy/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageSpeaking.newMetaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSpeaking);
  return json({ pointsByFormat: await talkPointsByFormat(context.db) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageSpeaking);
  const parsed = parseForm(OpportunitySchema, await request.formData());
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("manageSpeaking.notPosted"),
    });
  try {
    const opportunity = await createOpportunity(
      await commandContext(request, context),
      parsed.data,
    );
    return redirectWithToast(`/manage/speaking/${opportunity.id}`, {
      kind: "success",
      title: t("manageSpeaking.posted"),
      description: t("manageSpeaking.postedText"),
    });
  } catch (error) {
    return answerDomainError(error);
  }
}

export default function NewOpportunity() {
  const { pointsByFormat } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <Link
        to="/manage/speaking"
        className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
      >
        {t("manageSpeaking.back")}
      </Link>
      <h2 className="text-xl font-semibold">{t("manageSpeaking.newHeading")}</h2>
      <OpportunityForm
        actionData={actionData}
        saved={{ timeZone: "UTC", format: "conference" }}
        busy={busy}
        submitLabel={t("manageSpeaking.post")}
        showStatus={false}
        pointsByFormat={pointsByFormat}
      />
    </div>
  );
}
