import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  ReferralStageBadge,
  useMoney,
  useReferralStageLabels,
} from "~/components/promoters/referral-stage.tsx";
import { useFormats } from "~/i18n/use-formats.ts";
import { Button } from "~/components/ui/button.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { NEXT_STAGES } from "~/modules/promoters/labels.ts";
import type { ReferralStage } from "../../../db/tables/promoters.ts";
import type { FieldErrors } from "~/utils/form-fields.ts";

/** One referral as the managers' list shows it. */
export interface ReferralRowView {
  id: number;
  company: string;
  contact_name: string;
  contact_email: string;
  note: string | null;
  advocate_handle: string;
  advocate_name: string;
  created_at: string | Date;
  stage: ReferralStage;
  revenue_cents: number | null;
  margin_cents: number | null;
}

/** A row of the referrals table, with the form that moves it to its next stage. */
export function ReferralRow({
  referral: r,
  errorsHere,
  formErrorHere,
  busy,
}: {
  referral: ReferralRowView;
  errorsHere: FieldErrors;
  formErrorHere?: string;
  busy: boolean;
}) {
  const next = NEXT_STAGES[r.stage];
  const { t } = useTranslation();
  const formats = useFormats();
  const money = useMoney();
  const STAGE_LABELS = useReferralStageLabels();
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
        <Link to={`/manage/advocates/${r.advocate_handle}`} className="hover:underline">
          {r.advocate_name}
        </Link>
        <div className="text-xs text-stone-500">{formats.day(r.created_at)}</div>
      </td>
      <td className="px-4 py-3 align-top">
        <ReferralStageBadge stage={r.stage} />
        {r.stage === "won" ? (
          <div className="mt-1 text-xs text-stone-600 dark:text-stone-400">
            {t("manageReferrals.wonFigures", {
              revenue: money(r.revenue_cents),
              margin: money(r.margin_cents),
            })}
          </div>
        ) : null}
        <Link
          to={`/manage/referrals/${r.id}`}
          className="mt-1 block text-xs font-medium text-brand-700 underline dark:text-brand-300"
        >
          {r.stage === "won" ? t("manageReferrals.creditSplit") : t("manageReferrals.whoHelped")}
          <span className="sr-only">
            {" "}
            {t("manageReferrals.forCompany", { company: r.company })}
          </span>
        </Link>
      </td>
      <td className="px-4 py-3 align-top">
        {next.length === 0 ? (
          <span className="text-stone-500">{t("manageReferrals.final")}</span>
        ) : (
          <Form method="post" className="grid min-w-64 gap-2" noValidate>
            <input type="hidden" name="referralId" value={r.id} />
            {formErrorHere ? <FormError message={formErrorHere} /> : null}
            <label className="sr-only" htmlFor={`stage-${r.id}`}>
              {t("manageReferrals.newStageFor", { company: r.company })}
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
                    {t("manageReferrals.revenueIfWon")}
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
                    {t("manageReferrals.marginIfWon")}
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
              {t("manageReferrals.move")}
            </Button>
          </Form>
        )}
      </td>
    </tr>
  );
}
