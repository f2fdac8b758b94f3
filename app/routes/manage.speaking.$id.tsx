import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { OpportunityForm, opportunityFormValues } from "~/components/advocacy/opportunity-form.tsx";
import {
  ApplicationStatusBadge,
  OpportunityStatusBadge,
} from "~/components/advocacy/status-badge.tsx";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { eventTimeIn } from "~/components/manage/formats.ts";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, TextAreaField } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { talkPointsByFormat } from "~/modules/advocacy/points.server.ts";
import {
  canDecide,
  decideApplication,
  listApplicationsForOpportunity,
} from "~/modules/advocacy/applications.server.ts";
import { getOpportunity, updateOpportunity } from "~/modules/advocacy/opportunities.server.ts";
import { DecisionSchema, OpportunitySchema } from "~/modules/advocacy/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formValues, invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: t("manageSpeaking.opportunityMetaTitle", {
        title: data?.opportunity.title ?? t("manageSpeaking.opportunity"),
      }),
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSpeaking);
  const id = idParam(params.id);
  const opportunity = await orErrorPage(getOpportunity(context.db, id));
  const [applications, pointsByFormat] = await Promise.all([
    listApplicationsForOpportunity(context.db, id),
    talkPointsByFormat(context.db),
  ]);
  return json({
    opportunity,
    when: eventTimeIn(
      await localeOf(request, context),
      opportunity.starts_at,
      opportunity.time_zone,
    ),
    values: opportunityFormValues(opportunity),
    applications: applications.map((a) => ({ ...a, can: canDecide(a.status) })),
    pointsByFormat,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageSpeaking);
  const id = idParam(params.id);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const told = {
    shortlist: t("manageSpeaking.shortlisted"),
    accept: t("manageSpeaking.acceptedToast"),
    decline: t("manageSpeaking.declinedToast"),
  };
  const submission = parseIntent(formData, { decide: DecisionSchema, save: OpportunitySchema });
  if (!submission.ok)
    return invalidForm({
      ...submission,
      formError:
        submission.formError ??
        (formData.get("intent") === "decide"
          ? (submission.fieldErrors.message ?? t("manageSpeaking.decisionIncomplete"))
          : t("manageSpeaking.notSaved")),
    });
  const back = `/manage/speaking/${id}`;
  try {
    const ctx = await commandContext(request, context);
    if (submission.intent === "decide") {
      await decideApplication(ctx, submission.data);
      return redirectWithToast(`${back}#applications`, {
        kind: "success",
        title: told[submission.data.decision],
        description: t("manageSpeaking.told"),
      });
    }
    await updateOpportunity(ctx, { id, opportunity: submission.data });
    return redirectWithToast(back, {
      kind: "success",
      title: t("manageSpeaking.saved"),
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function ManageOpportunity() {
  const { opportunity, when, values, applications, pointsByFormat } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const deciding = actionData?.values?.intent === "decide";
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Link
          to="/manage/speaking"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("manageSpeaking.back")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-xl font-semibold">{opportunity.title}</h2>
          <OpportunityStatusBadge status={opportunity.status} />
        </div>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {opportunity.event_name} · {when} ·{" "}
          <Link to={`/speaking/${opportunity.id}`} className="underline">
            {t("manageSpeaking.publicPage")}
          </Link>
        </p>
      </div>

      <section id="applications" aria-labelledby="applications-heading" className="space-y-3">
        <h3 id="applications-heading" className="text-lg font-semibold">
          {t("manageSpeaking.applicationsCount", { count: applications.length })}
        </h3>
        {deciding ? <FormError message={actionData?.formError} /> : null}
        {applications.length === 0 ? (
          <EmptyState title={t("manageSpeaking.noApplicationsYet")}>
            {t("manageSpeaking.noApplicationsYetText")}
          </EmptyState>
        ) : (
          <ul className="space-y-4">
            {applications.map((a) => (
              <li key={a.id}>
                <Card className="space-y-3 p-5" data-testid={`application-${a.handle}`}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="flex items-center gap-3">
                      <Avatar name={a.display_name} handle={a.handle} size="sm" />
                      <div>
                        <Link to={`/u/${a.handle}`} className="font-medium hover:underline">
                          {a.display_name}
                        </Link>
                        <p className="text-sm text-stone-600 dark:text-stone-400">
                          {a.company}
                          {a.headline ? ` · ${a.headline}` : ""}
                        </p>
                      </div>
                    </div>
                    <ApplicationStatusBadge status={a.status} />
                  </div>
                  {a.talk_title ? <p className="font-medium">“{a.talk_title}”</p> : null}
                  <p className="whitespace-pre-line text-sm text-stone-700 dark:text-stone-300">
                    {a.pitch}
                  </p>
                  {a.decision_message ? (
                    <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm dark:bg-stone-800">
                      <span className="font-medium">{t("manageSpeaking.yourMessage")}</span>{" "}
                      {a.decision_message}
                    </p>
                  ) : null}
                  {a.talk_id ? (
                    <Link
                      to={`/speaking/talks/${a.talk_id}`}
                      className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
                    >
                      {t("manageSpeaking.goToTalk")}
                    </Link>
                  ) : null}
                  {a.can.accept || a.can.decline ? (
                    <Form
                      method="post"
                      className="space-y-3 border-t border-stone-200 pt-3 dark:border-stone-800"
                    >
                      <input type="hidden" name="intent" value="decide" />
                      <input type="hidden" name="applicationId" value={a.id} />
                      <TextAreaField
                        label={t("manageSpeaking.messageTo", { name: a.display_name })}
                        name="message"
                        rows={2}
                        hint={t("manageSpeaking.messageHint")}
                        error={
                          deciding && actionData?.values?.applicationId === String(a.id)
                            ? actionData?.fieldErrors?.message
                            : undefined
                        }
                        className="[&_textarea]:min-h-16"
                      />
                      <div className="flex flex-wrap gap-2">
                        {a.can.shortlist ? (
                          <Button
                            type="submit"
                            name="decision"
                            value="shortlist"
                            size="sm"
                            variant="secondary"
                            disabled={busy}
                          >
                            {t("manageSpeaking.shortlist")}
                          </Button>
                        ) : null}
                        <Button
                          type="submit"
                          name="decision"
                          value="accept"
                          size="sm"
                          disabled={busy}
                        >
                          {t("manageSpeaking.accept")}
                        </Button>
                        <Button
                          type="submit"
                          name="decision"
                          value="decline"
                          size="sm"
                          variant="danger"
                          disabled={busy}
                        >
                          {t("manageSpeaking.decline")}
                        </Button>
                      </div>
                    </Form>
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="edit-heading" className="space-y-3">
        <h3 id="edit-heading" className="text-lg font-semibold">
          {t("manageSpeaking.details")}
        </h3>
        <OpportunityForm
          actionData={deciding ? undefined : actionData}
          saved={values}
          busy={busy}
          submitLabel={t("manageSpeaking.saveChanges")}
          showStatus
          pointsByFormat={pointsByFormat}
        />
      </section>
    </div>
  );
}
