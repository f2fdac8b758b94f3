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

export const meta: MetaFunction = () => [{ title: "Reputation · Manage · Limelight" }];

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
            ? "The award needs a few more details. Nothing was awarded."
            : "Some values need your attention. Nothing was saved."),
      });
    if (submission.intent === "award") {
      const entry = await awardManually(command, submission.data);
      if (!entry) return done("Already recorded", "This award was submitted once already.");
      const sign = entry.amount > 0 ? `+${entry.amount}` : `−${Math.abs(entry.amount)}`;
      return done(
        `${sign} points for @${submission.data.handle.replace(/^@/, "")}`,
        entry.reason ?? "",
      );
    }
    const changes = await updateReputationSettings(command, {
      [submission.intent]: submission.data,
    });
    const n = Object.keys(changes).length;
    return done(
      n ? "Reputation settings saved" : "Nothing changed",
      n ? "New values apply from now on; points already earned keep their value." : undefined,
    );
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function ManageReputation() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const page = {
    actionData,
    busy: navigation.state === "submitting",
    submitting: navigation.formData?.get("intent"),
  };
  return (
    <div className="space-y-8">
      {!data.canEdit ? (
        <p className="rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">
          Only admins change rule values and thresholds; you can read them here.
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
