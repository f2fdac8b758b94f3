import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Stat } from "~/components/promoters/charts.tsx";
import { money, ReferralStageBadge } from "~/components/promoters/referral-stage.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import {
  NEXT_STAGES,
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
                const next = NEXT_STAGES[r.stage];
                const errorsHere = String(r.id) === failedId ? (actionData?.fieldErrors ?? {}) : {};
                const formErrorHere = String(r.id) === failedId ? actionData?.formError : undefined;
                return (
                  <tr key={r.id} data-testid={`referral-${r.id}`}>
                    <td className="px-4 py-3 align-top">
                      <div className="font-medium">{r.company}</div>
                      <div className="text-stone-600 dark:text-stone-400">
                        {r.contact_name} · {r.contact_email}
                      </div>
                      {r.note ? (
                        <p className="mt-1 max-w-sm text-stone-700 dark:text-stone-300">{r.note}</p>
                      ) : null}
                    </td>
                    <td className="px-4 py-3 align-top">
                      <Link
                        to={`/manage/advocates/${r.advocate_handle}`}
                        className="hover:underline"
                      >
                        {r.advocate_name}
                      </Link>
                      <div className="text-xs text-stone-500">
                        {new Date(r.created_at).toLocaleDateString("en-GB", {
                          day: "numeric",
                          month: "short",
                          year: "numeric",
                        })}
                      </div>
                    </td>
                    <td className="px-4 py-3 align-top">
                      <ReferralStageBadge stage={r.stage} />
                      {r.stage === "won" ? (
                        <div className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                          {money(r.revenue_cents)} revenue · {money(r.margin_cents)} margin
                        </div>
                      ) : null}
                    </td>
                    <td className="px-4 py-3 align-top">
                      {next.length === 0 ? (
                        <span className="text-stone-500">Final</span>
                      ) : (
                        <Form method="post" className="grid min-w-64 gap-2" noValidate>
                          <input type="hidden" name="referralId" value={r.id} />
                          {formErrorHere ? <FormError message={formErrorHere} /> : null}
                          <label className="sr-only" htmlFor={`stage-${r.id}`}>
                            New stage for {r.company}
                          </label>
                          <select
                            id={`stage-${r.id}`}
                            name="stage"
                            defaultValue={next[0]}
                            className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900"
                          >
                            {next.map((s) => (
                              <option key={s} value={s}>
                                {STAGE_LABELS[s]}
                              </option>
                            ))}
                          </select>
                          {next.includes("won") ? (
                            <div className="grid grid-cols-2 gap-2">
                              <div>
                                <label
                                  className="text-xs text-stone-600 dark:text-stone-400"
                                  htmlFor={`revenue-${r.id}`}
                                >
                                  Revenue if won ($)
                                </label>
                                <input
                                  id={`revenue-${r.id}`}
                                  name="revenue"
                                  inputMode="decimal"
                                  className="w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900"
                                  aria-invalid={errorsHere.revenue ? true : undefined}
                                />
                              </div>
                              <div>
                                <label
                                  className="text-xs text-stone-600 dark:text-stone-400"
                                  htmlFor={`margin-${r.id}`}
                                >
                                  Margin if won ($)
                                </label>
                                <input
                                  id={`margin-${r.id}`}
                                  name="margin"
                                  inputMode="decimal"
                                  className="w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900"
                                  aria-invalid={errorsHere.margin ? true : undefined}
                                />
                              </div>
                            </div>
                          ) : null}
                          {errorsHere.revenue || errorsHere.margin ? (
                            <p className="text-sm text-red-700 dark:text-red-400" role="alert">
                              {errorsHere.revenue ?? errorsHere.margin}
                            </p>
                          ) : null}
                          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
                            Move
                          </Button>
                        </Form>
                      )}
                    </td>
                  </tr>
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
