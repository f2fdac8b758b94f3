import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { dateInputValue } from "~/components/tiers/format.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { renewAward } from "~/modules/tiers/awards.server.ts";
import { listRenewalCandidates, RENEWAL_WINDOW_DAYS } from "~/modules/tiers/renewals.server.ts";
import { addMonths } from "~/modules/tiers/rules.ts";
import { RenewSchema } from "~/modules/tiers/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formValues, invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageTiers.renewals.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  return json({
    candidates: await listRenewalCandidates(context.db),
    windowDays: RENEWAL_WINDOW_DAYS,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(RenewSchema, formData);
  if (!parsed.ok)
    return invalidForm({
      ...parsed,
      formError: parsed.fieldErrors.awardId ?? t("manageTiers.awards.notRenewed"),
    });
  try {
    await renewAward(await commandContext(request, context), parsed.data);
    return redirectWithToast("/manage/tiers/renewals", {
      kind: "success",
      title: t("manageTiers.awards.renewed"),
      description: t("manageTiers.renewals.told"),
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function RenewalReview() {
  const { candidates, windowDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t } = useTranslation();
  const { day, count } = useFormats();
  const formatDate = (value: string | null | undefined) => (value ? day(value) : "");
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {t("manageTiers.renewals.intro", { days: windowDays })}
      </p>
      {candidates.length === 0 ? (
        <EmptyState title={t("manageTiers.renewals.empty")}>
          {t("manageTiers.renewals.emptyText", { days: windowDays })}
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {candidates.map((c) => {
            const mine = actionData?.values?.awardId === String(c.awardId) ? actionData : undefined;
            const { field, formError } = formFields<typeof RenewSchema>(mine, {
              termStart: dateInputValue(c.termEnd),
              termEnd: dateInputValue(addMonths(new Date(c.termEnd), 12)),
            });
            const points = c.contributions.points;
            return (
              <li key={c.awardId} data-testid={`renewal-${c.handle}`}>
                <Card className="p-5">
                  <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                    <div>
                      <p className="font-semibold">
                        <Link to={`/u/${c.handle}`} className="hover:underline">
                          {c.displayName}
                        </Link>{" "}
                        <Badge tone="spot">{c.tierName}</Badge>
                      </p>
                      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                        {c.daysLeft > 0
                          ? t("manageTiers.renewals.termEndsIn", {
                              date: formatDate(c.termEnd),
                              days: c.daysLeft,
                            })
                          : t("manageTiers.renewals.termEndsToday", {
                              date: formatDate(c.termEnd),
                            })}{" "}
                        · {t("manageTiers.renewals.holderSince", { date: formatDate(c.since) })}
                      </p>
                    </div>
                  </div>
                  <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-8">
                    {[
                      [t("manageTiers.renewals.points"), points.total],
                      [t("manageTiers.renewals.help"), points.help],
                      [t("manageTiers.renewals.speaking"), points.speaking],
                      [t("manageTiers.renewals.stories"), points.stories],
                      [t("manageTiers.renewals.community"), points.community],
                      [t("manageTiers.renewals.talks"), c.contributions.talks],
                      [t("manageTiers.renewals.caseStudies"), c.contributions.stories],
                      [t("manageTiers.renewals.acceptedAnswers"), c.contributions.acceptedAnswers],
                    ].map(([label, value]) => (
                      <div key={label} className="rounded-lg bg-stone-50 p-2 dark:bg-stone-800/60">
                        <dt className="text-xs text-stone-600 dark:text-stone-400">{label}</dt>
                        <dd className="text-base font-semibold">{count(Number(value))}</dd>
                      </div>
                    ))}
                  </dl>
                  <Form method="post" className="mt-4 space-y-3" noValidate>
                    <input type="hidden" name="awardId" value={c.awardId} />
                    <FormError message={formError} />
                    <div className="grid gap-3 sm:grid-cols-[1fr_1fr_2fr_auto] sm:items-end">
                      <TextField
                        label={t("manageTiers.renewals.termStarts")}
                        type="date"
                        {...field("termStart")}
                      />
                      <TextField
                        label={t("manageTiers.renewals.termEnds")}
                        type="date"
                        {...field("termEnd")}
                      />
                      <TextField
                        label={t("manageTiers.renewals.reason")}
                        placeholder={t("manageTiers.renewals.reasonPlaceholder")}
                        {...field("reason")}
                      />
                      <Button type="submit" disabled={busy}>
                        {t("manageTiers.renewals.renew")}
                      </Button>
                    </div>
                  </Form>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
