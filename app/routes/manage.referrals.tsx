import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Stat } from "~/components/promoters/charts.tsx";
import { ReferralRow } from "~/components/promoters/referral-row.tsx";
import { money } from "~/components/promoters/referral-stage.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import {
  REFERRAL_STAGES,
  REFERRAL_STAGE_LABELS as STAGE_LABELS,
} from "~/modules/promoters/labels.ts";
import { listReferrals, moveReferral, parseMoney } from "~/modules/promoters/referrals.server.ts";
import type { ReferralStage } from "../../db/tables/promoters.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Referrals · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, context, policy.manageReferrals);
  const url = new URL(request.url);
  const s = url.searchParams.get("stage") ?? "";
  const stage = (REFERRAL_STAGES as string[]).includes(s) ? (s as ReferralStage) : undefined;
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  return json({ ...(await listReferrals(context.db, user, { stage, page })), stage: stage ?? "" });
}

const money$ = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const cents = parseMoney(v);
    if (Number.isNaN(cents)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Enter an amount such as 12500 or 12,500.00.",
      });
      return z.NEVER;
    }
    return cents;
  });

const MoveSchema = z.object({
  referralId: z.coerce.number().int().positive(),
  stage: z.enum(["submitted", "contacted", "qualified", "won", "lost"], {
    errorMap: () => ({ message: "Choose a stage." }),
  }),
  revenue: money$,
  margin: money$,
});

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageReferrals);
  const parsed = parseForm(MoveSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: "Nothing was changed.",
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
      title: `${referral.company}: ${STAGE_LABELS[referral.stage]}`,
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
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Referrals" value={data.summary.total} />
        <Stat
          label="Won"
          value={data.summary.byStage.won}
          hint={`${data.summary.byStage.lost} lost`}
        />
        <Stat
          label="Revenue from wins"
          value={money(data.summary.revenueCents)}
          testId="referrals-revenue"
        />
        <Stat
          label="Margin from wins"
          value={money(data.summary.marginCents)}
          testId="referrals-margin"
        />
      </dl>
      <Card className="p-4">
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <SelectField label="Stage" name="stage" defaultValue={data.stage} className="min-w-56">
            <option value="">Every stage</option>
            {REFERRAL_STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]} ({data.summary.byStage[s]})
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            Show
          </Button>
          <a href="/manage/referrals.csv" download className={buttonClass("ghost")}>
            Export all (CSV)
          </a>
        </Form>
      </Card>
      <FormError message={actionData?.formError && !failedId ? actionData.formError : undefined} />
      {data.rows.length === 0 ? (
        <EmptyState title="No referrals here">
          When advocates introduce peer companies, they appear here.
        </EmptyState>
      ) : (
        <Card className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Referrals ({data.total})</caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Company
                </th>
                <th scope="col" className="px-4 py-3">
                  Referred by
                </th>
                <th scope="col" className="px-4 py-3">
                  Stage
                </th>
                <th scope="col" className="px-4 py-3">
                  Move to
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
