import { randomUUID } from "node:crypto";
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  AwardPointsCard,
  FairPlayCard,
  PrivilegeThresholdsCard,
  RuleValuesCard,
  SettingsHistory,
} from "~/components/reputation/settings-cards.tsx";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { FormError } from "~/components/ui/field.tsx";
import { ensure } from "~/modules/access/ensure.ts";
import { policy } from "~/modules/access/policy.ts";
import { listAudit } from "~/modules/audit/audit.server.ts";
import { loadReputationConfig } from "~/modules/reputation/config.server.ts";
import { awardManually } from "~/modules/reputation/manual.server.ts";
import { updateReputationSettings } from "~/modules/reputation/settings.server.ts";
import { ReputationIntents, SETTINGS_INTENTS } from "~/modules/reputation/validation.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formValues, invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageReputation.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "viewReputationSettings");
  const viewer = await getViewer(request, context);
  const config = await loadReputationConfig(context.db);
  const history = await listAudit(context.db, {
    subjectType: "settings",
    subjectId: "reputation",
    limit: 10,
  });
  const url = new URL(request.url);
  return json({
    config,
    canEdit: policy.changeReputationSettings(viewer),
    canAward: policy.awardPointsManually(viewer),
    history,
    awardToken: randomUUID(),
    prefillHandle: url.searchParams.get("handle")?.slice(0, 40) ?? "",
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, "viewReputationSettings");
  const command = await commandContext(request, context);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const done = (title: string, description?: string) =>
    redirectWithToast("/manage/reputation", { kind: "success", title, description });
  try {
    // Managers may read the values; asked before the values are checked, as the page says.
    if (SETTINGS_INTENTS.has(String(formData.get("intent"))))
      ensure("changeReputationSettings", command.viewer);
    const submission = parseIntent(formData, ReputationIntents);
    if (!submission.ok)
      return invalidForm({
        ...submission,
        formError:
          submission.formError ??
          (formData.get("intent") === "award"
            ? t("manageReputation.awardIncomplete")
            : t("manageReputation.valuesIncomplete")),
      });
    if (submission.intent === "award") {
      const entry = await awardManually(command, submission.data);
      if (!entry)
        return done(
          t("manageReputation.alreadyRecorded"),
          t("manageReputation.alreadyRecordedText"),
        );
      const sign = entry.amount > 0 ? `+${entry.amount}` : `−${Math.abs(entry.amount)}`;
      return done(
        t("manageReputation.awarded", {
          amount: sign,
          handle: submission.data.handle.replace(/^@/, ""),
        }),
        entry.reason ?? "",
      );
    }
    const changes = await updateReputationSettings(command, {
      [submission.intent]: submission.data,
    });
    const n = Object.keys(changes).length;
    return done(
      n ? t("manageReputation.saved") : t("manageReputation.nothingChanged"),
      n ? t("manageReputation.savedText") : undefined,
    );
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function ManageReputation() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const page = {
    actionData,
    busy: navigation.state === "submitting",
    submitting: navigation.formData?.get("intent"),
  };
  return (
    <div className="space-y-8">
      {!data.canEdit ? (
        <p className="rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">
          {t("manageReputation.readOnly")}
        </p>
      ) : null}
      <FormError message={actionData?.formError} />
      {data.canAward ? (
        <AwardPointsCard
          {...page}
          awardToken={data.awardToken}
          prefillHandle={data.prefillHandle}
        />
      ) : null}
      <RuleValuesCard {...page} rules={data.config.rules} canEdit={data.canEdit} />
      <PrivilegeThresholdsCard
        {...page}
        privileges={data.config.privileges}
        canEdit={data.canEdit}
      />
      <FairPlayCard {...page} options={data.config.options} canEdit={data.canEdit} />
      <SettingsHistory history={data.history} />
    </div>
  );
}
