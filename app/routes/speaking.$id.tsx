import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ApplyPanel, OpportunityFacts } from "~/components/advocacy/opportunity-page.tsx";
import { OpportunityStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { Container } from "~/components/app-shell.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { policy } from "~/modules/access/policy.ts";
import { talkPointsByFormat } from "~/modules/advocacy/points.server.ts";
import {
  applyToOpportunity,
  getOwnApplication,
  withdrawApplication,
} from "~/modules/advocacy/applications.server.ts";
import { getOpportunity } from "~/modules/advocacy/opportunities.server.ts";
import { ApplicationSchema, WithdrawSchema } from "~/modules/advocacy/validation.ts";
import { getUser, getViewer, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { openToOf } from "~/modules/profiles/pickers.server.ts";
import { closedReasonLabel, talkFormatLabel } from "~/components/advocacy/labels.ts";
import { eventTimeIn } from "~/modules/advocacy/local-time.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  if (!data) return [{ title: t("speaking.opportunity.notFoundTitle") }];
  const o = data.opportunity;
  return [
    { title: t("speaking.opportunity.metaTitle", { title: o.title }) },
    {
      name: "description",
      content: t("speaking.opportunity.metaDescription", {
        format: talkFormatLabel(t, o.format),
        event: o.event_name,
        when: data.when,
      }),
    },
    { property: "og:title", content: o.title },
    { property: "og:description", content: `${o.event_name} · ${data.when}` },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const [viewer, user] = await Promise.all([
    getViewer(request, context),
    getUser(request, context),
  ]);
  const opportunity = await orErrorPage(getOpportunity(context.db, id));
  const locale = await localeOf(request, context);
  const eventTime = eventTimeIn(locale);
  const [points, application, openTo] = await Promise.all([
    talkPointsByFormat(context.db),
    user ? getOwnApplication(context.db, user.id, id) : Promise.resolve(undefined),
    user ? openToOf(context.db, user.id) : Promise.resolve(undefined),
  ]);
  return json({
    opportunity: {
      id: opportunity.id,
      title: opportunity.title,
      event_name: opportunity.event_name,
      format: opportunity.format,
      status: opportunity.status,
      is_virtual: opportunity.is_virtual,
      location: opportunity.location,
      expected_audience: opportunity.expected_audience,
      audience_description: opportunity.audience_description,
      topic_html: opportunity.topic_html,
      event_url: opportunity.event_url,
    },
    when: eventTime(opportunity.starts_at, opportunity.time_zone),
    deadline: eventTime(opportunity.application_deadline, opportunity.time_zone),
    points: points[opportunity.format],
    closedReason: closedReasonLabel(i18nFor(locale).t, opportunity, new Date()),
    signedIn: Boolean(user),
    canApply: policy.applyToSpeak(viewer),
    canManage: policy.manageSpeaking(viewer),
    openToSpeaking: Boolean(openTo?.speaking),
    application: application ?? null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const opportunityId = idParam(params.id);
  const { t } = i18nFor(await localeOf(request, context));
  const formData = await request.formData();
  // The application form is the page's main form; it works without naming its intent.
  if (!formData.has("intent")) formData.set("intent", "apply");
  const submission = parseIntent(formData, { apply: ApplicationSchema, withdraw: WithdrawSchema });
  if (!submission.ok)
    return invalidForm({
      ...submission,
      formError: submission.formError ?? t("speaking.opportunity.formError"),
    });
  const back = `/speaking/${opportunityId}`;
  try {
    const ctx = await commandContext(request, context);
    if (submission.intent === "withdraw") {
      await withdrawApplication(ctx, submission.data);
      return redirectWithToast(back, { kind: "info", title: t("speaking.opportunity.withdrawn") });
    }
    await applyToOpportunity(ctx, { opportunityId, ...submission.data });
    return redirectWithToast(back, {
      kind: "success",
      title: t("speaking.opportunity.sent"),
      description: t("speaking.opportunity.sentBody"),
    });
  } catch (error) {
    return answerDomainError(error, {
      pitch: String(formData.get("pitch") ?? ""),
      talkTitle: String(formData.get("talkTitle") ?? ""),
    });
  }
}

export default function Opportunity() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { field, formError } = formFields<typeof ApplicationSchema>(actionData);
  const busy = useNavigation().state === "submitting";
  const o = data.opportunity;
  const { t } = useTranslation();
  return (
    <Container className="max-w-4xl">
      <Link
        to="/speaking"
        className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
      >
        {t("speaking.opportunity.all")}
      </Link>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Badge tone="info">{talkFormatLabel(t, o.format)}</Badge>
        <OpportunityStatusBadge status={o.status} />
        <Badge tone="spot">{t("speaking.pointsWhenVerified", { points: data.points })}</Badge>
      </div>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">
        {o.title}
      </h1>
      <p className="mt-1 text-lg text-stone-600 dark:text-stone-400">{o.event_name}</p>

      <div className="mt-6 grid gap-6 md:grid-cols-3">
        <div className="space-y-6 md:col-span-2">
          <Card className="p-6">
            <h2 className="text-lg font-semibold">{t("speaking.opportunity.wanted")}</h2>
            {o.topic_html ? (
              <div className="prose-ll mt-3" dangerouslySetInnerHTML={{ __html: o.topic_html }} />
            ) : (
              <p className="mt-3 text-stone-600 dark:text-stone-400">
                {t("speaking.opportunity.pitchAny")}
              </p>
            )}
          </Card>

          <Card className="space-y-4 p-6" id="apply">
            <h2 className="text-lg font-semibold">{t("speaking.opportunity.apply")}</h2>
            <ApplyPanel
              opportunityId={o.id}
              application={data.application}
              closedReason={data.closedReason}
              signedIn={data.signedIn}
              canApply={data.canApply}
              openToSpeaking={data.openToSpeaking}
              field={field}
              formError={formError}
              busy={busy}
            />
          </Card>
        </div>

        <OpportunityFacts
          opportunity={o}
          when={data.when}
          deadline={data.deadline}
          canManage={data.canManage}
        />
      </div>
    </Container>
  );
}
