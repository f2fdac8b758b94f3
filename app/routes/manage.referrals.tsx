import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Stat } from "~/components/promoters/charts.tsx";
import { ReferralRow } from "~/components/promoters/referral-row.tsx";
import { useMoney, useReferralStageLabels } from "~/components/promoters/referral-stage.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { policy } from "~/modules/access/policy.ts";
import { REFERRAL_STAGES } from "~/modules/promoters/labels.ts";
import { listReferrals, moveReferral, parseMoney } from "~/modules/promoters/referrals.server.ts";
import type { ReferralStage } from "../../db/tables/promoters.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageReferrals.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, context, policy.manageReferrals);
  const url = new URL(request.url);
  const s = url.searchParams.get("stage") ?? "";
  const stage = (REFERRAL_STAGES as string[]).includes(s) ? (s as ReferralStage) : undefined;
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  return json({ ...(await listReferrals(context.db, user, { stage, page })), stage: stage ?? "" });
}

const money$ = (t: TFunction) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const cents = parseMoney(v);
      if (Number.isNaN(cents)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: t("manageReferrals.amount") });
        return z.NEVER;
      }
      return cents;
    });

const moveSchema = (t: TFunction) =>
  z.object({
    referralId: z.coerce.number().int().positive(),
    stage: z.enum(["submitted", "contacted", "qualified", "won", "lost"], {
      errorMap: () => ({ message: t("manageReferrals.chooseStage") }),
    }),
    revenue: money$(t),
    margin: money$(t),
  });

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageReferrals);
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(moveSchema(t), await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("manageReferrals.nothingChanged"),
    });
  const url = new URL(request.url);
  try {
    const { referral } = await moveReferral(await commandContext(request, context), {
      referralId: parsed.data.referralId,
      stage: parsed.data.stage,
      revenueCents: parsed.data.revenue,
      marginCents: parsed.data.margin,
    });
    return redirectWithToast(`${url.pathname}${url.search}`, {
      kind: "success",
      title: t("manageReferrals.moved", {
        company: referral.company,
        stage: t(`manageReferrals.stages.${referral.stage}`),
      }),
    });
  } catch (error) {
    return answerDomainError(error, { referralId: String(parsed.data.referralId) });
  }
}

export default function ManageReferrals() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failedId = actionData?.values?.referralId;
  const { t } = useTranslation();
  const money = useMoney();
  const STAGE_LABELS = useReferralStageLabels();
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={t("manageReferrals.statReferrals")} value={data.summary.total} />
        <Stat
          label={t("manageReferrals.statWon")}
          value={data.summary.byStage.won}
          hint={t("manageReferrals.lostHint", { lost: data.summary.byStage.lost })}
        />
        <Stat
          label={t("manageReferrals.revenueWins")}
          value={money(data.summary.revenueCents)}
          testId="referrals-revenue"
        />
        <Stat
          label={t("manageReferrals.marginWins")}
          value={money(data.summary.marginCents)}
          testId="referrals-margin"
        />
      </dl>
      <Card className="p-4">
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <SelectField
            label={t("manageReferrals.stage")}
            name="stage"
            defaultValue={data.stage}
            className="min-w-56"
          >
            <option value="">{t("manageReferrals.everyStage")}</option>
            {REFERRAL_STAGES.map((s) => (
              <option key={s} value={s}>
                {t("promoters.withCount", {
                  label: STAGE_LABELS[s],
                  total: data.summary.byStage[s],
                })}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t("manageReferrals.show")}
          </Button>
          <a href="/manage/referrals.csv" download className={buttonClass("ghost")}>
            {t("manageReferrals.exportAll")}
          </a>
        </Form>
      </Card>
      <FormError message={actionData?.formError && !failedId ? actionData.formError : undefined} />
      {data.rows.length === 0 ? (
        <EmptyState title={t("manageReferrals.noneTitle")}>
          {t("manageReferrals.noneBody")}
        </EmptyState>
      ) : (
        <Card className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {t("manageReferrals.caption", { total: data.total })}
            </caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("manageReferrals.colCompany")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("manageReferrals.colReferredBy")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("manageReferrals.colStage")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("manageReferrals.colMoveTo")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((r) => {
                const errorsHere = String(r.id) === failedId ? (actionData?.fieldErrors ?? {}) : {};
                const formErrorHere = String(r.id) === failedId ? actionData?.formError : undefined;
                return (
                  <ReferralRow
                    key={r.id}
                    referral={r}
                    errorsHere={errorsHere}
                    formErrorHere={formErrorHere}
                    busy={busy}
                  />
                );
              })}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
