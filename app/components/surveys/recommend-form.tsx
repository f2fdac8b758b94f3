import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { industryLabel, productAreaLabel } from "~/components/advocacy/labels.ts";
import { Button } from "~/components/ui/button.tsx";
import {
  CheckboxField,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/field.tsx";
import type { FieldProps } from "~/utils/form-fields.ts";

/**
 * "Would you say that in public?": the promoter's own words, pre-filled,
 * how they are credited, and an explicit consent box that is never ticked
 * for them.
 */
export function RecommendForm(props: {
  field: (
    name:
      "body" | "credit" | "name" | "jobTitle" | "company" | "industry" | "productArea" | "consent",
  ) => FieldProps;
  formError?: string;
  credits: Record<string, string>;
  industries: readonly string[];
  productAreas: readonly string[];
  busy: boolean;
}) {
  const { field } = props;
  const { t } = useTranslation();
  const credit = field("credit");
  return (
    <div className="space-y-6">
      <Form method="post" className="space-y-5" noValidate>
        <input type="hidden" name="intent" value="recommend" />
        <FormError message={props.formError} />
        <TextAreaField
          label={t("survey.recommend.body")}
          rows={5}
          hint={t("survey.recommend.bodyHint")}
          {...field("body")}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">
            {t("survey.recommend.credit")}
          </legend>
          {Object.entries(props.credits).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="credit"
                value={value}
                defaultChecked={(credit.defaultValue || "company") === value}
                className="h-4 w-4 accent-brand-700"
              />
              {label}
            </label>
          ))}
          {credit.error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {credit.error}
            </p>
          ) : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={t("survey.recommend.name")} autoComplete="name" {...field("name")} />
          <TextField
            label={t("survey.recommend.jobTitle")}
            autoComplete="organization-title"
            {...field("jobTitle")}
          />
          <TextField
            label={t("survey.recommend.company")}
            autoComplete="organization"
            {...field("company")}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={t("survey.recommend.industry")} {...field("industry")}>
            <option value="">{t("survey.recommend.notGiven")}</option>
            {props.industries.map((i) => (
              <option key={i} value={i}>
                {industryLabel(t, i)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("survey.recommend.useMost")} {...field("productArea")}>
            <option value="">{t("survey.recommend.notGiven")}</option>
            {props.productAreas.map((a) => (
              <option key={a} value={a}>
                {productAreaLabel(t, a)}
              </option>
            ))}
          </SelectField>
        </div>
        <div>
          <CheckboxField
            name="consent"
            value="yes"
            label={t("survey.recommend.consent")}
            description={t("survey.recommend.consentHint")}
          />
          {field("consent").error ? (
            <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {field("consent").error}
            </p>
          ) : null}
        </div>
        <Button type="submit" size="lg" className="w-full sm:w-auto" disabled={props.busy}>
          {t("survey.recommend.publish")}
        </Button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="decline" />
        <Button type="submit" variant="ghost" disabled={props.busy}>
          {t("survey.recommend.decline")}
        </Button>
      </Form>
    </div>
  );
}
