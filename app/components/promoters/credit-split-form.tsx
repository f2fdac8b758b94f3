import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { formatShare } from "~/modules/promoters/credit-shares.ts";

export interface CreditSplitRow {
  advocateId: number;
  handle: string;
  name: string;
  reasons: string[];
  currentBp: number | null;
  suggestedBp: number;
}

/** The manager's form that adjusts who shares a won referral, with the reason it changes. */
export function CreditSplitForm({
  rows,
  errors,
  values,
  formError,
  busy,
}: {
  rows: CreditSplitRow[];
  errors: Record<string, string>;
  values?: Record<string, string>;
  formError?: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const initial = (r: CreditSplitRow) =>
    values?.[`share-${r.advocateId}`] ?? String((r.currentBp ?? 0) / 100);
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError message={formError} />
      {errors.shares ? (
        <p
          role="alert"
          id="shares-error"
          className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {errors.shares}
        </p>
      ) : null}
      <fieldset className="space-y-3" aria-describedby={errors.shares ? "shares-error" : undefined}>
        <legend className="text-sm font-medium">{t("manageReferrals.sharesLegend")}</legend>
        {rows.map((r) => (
          <div
            key={r.advocateId}
            className="grid gap-2 sm:grid-cols-[1fr_10rem] sm:items-start"
            data-testid={`credit-row-${r.handle}`}
          >
            <div className="text-sm">
              <div className="font-medium">
                {r.name} <span className="text-stone-500">@{r.handle}</span>
              </div>
              <div className="text-stone-600 dark:text-stone-400">
                {r.reasons.length ? r.reasons.join(" · ") : t("manageReferrals.addedByTeam")}
                {" · "}
                {t("manageReferrals.suggested", { share: formatShare(r.suggestedBp) })}
              </div>
            </div>
            <TextField
              label={t("manageReferrals.shareOf", { name: r.name })}
              name={`share-${r.advocateId}`}
              inputMode="decimal"
              defaultValue={initial(r)}
              error={errors[`share-${r.advocateId}`]}
            />
          </div>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <TextField
          label={t("manageReferrals.addAnother")}
          name="extraHandle"
          defaultValue={values?.extraHandle ?? ""}
          error={errors.extraHandle}
          hint={t("manageReferrals.addAnotherHint")}
        />
        <TextField
          label={t("manageReferrals.theirShare")}
          name="extraShare"
          inputMode="decimal"
          defaultValue={values?.extraShare ?? ""}
          error={errors.extraShare}
        />
      </div>
      <TextAreaField
        label={t("manageReferrals.reason")}
        name="reason"
        rows={2}
        required
        defaultValue={values?.reason ?? ""}
        error={errors.reason}
        hint={t("manageReferrals.reasonHint")}
      />
      <Button type="submit" disabled={busy}>
        {t("manageReferrals.saveSplit")}
      </Button>
    </Form>
  );
}
