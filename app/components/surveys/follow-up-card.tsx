import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import {
  CheckboxField,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/field.tsx";
import type { ActionError } from "~/utils/form-fields.ts";

export interface FollowUpRow {
  id: number;
  due_at: string;
  notes: string;
  outcome: string;
  closed_at: string | null;
  owner_id: number | null;
  owner_name: string | null;
  email: string;
  name: string;
  company: string;
  score: number;
  comment: string;
  survey_name: string | null;
}

/** One detractor's answer and what the team does about it. */
export function FollowUpCard(props: {
  row: FollowUpRow;
  owners: { id: number; name: string }[];
  now: string;
  error?: ActionError;
}) {
  const { row } = props;
  const { t } = useTranslation();
  const mine = props.error?.values?.id === String(row.id) ? props.error : undefined;
  const value = (k: string, saved: string) => mine?.values?.[k] ?? saved;
  const overdue = !row.closed_at && row.due_at < props.now;
  return (
    <Card className="space-y-3 p-5" data-testid={`follow-up-${row.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {row.name || row.email}
          {row.company ? ` · ${row.company}` : ""}
        </h3>
        <div className="flex gap-2">
          <Badge tone="danger">{row.score}</Badge>
          {overdue ? <Badge tone="spot">{t("survey.followUp.overdue")}</Badge> : null}
          {row.closed_at ? (
            <Badge tone="neutral">
              {t("survey.followUp.closed", { date: row.closed_at.slice(0, 10) })}
            </Badge>
          ) : null}
        </div>
      </div>
      <p className="text-sm">{row.comment ? `“${row.comment}”` : t("survey.followUp.noComment")}</p>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        {row.email}
        {row.survey_name ? ` · ${row.survey_name}` : ""}
      </p>
      {row.closed_at ? (
        <div className="text-sm">
          <p>
            <strong>{t("survey.followUp.outcome")}</strong> {row.outcome}
          </p>
          {row.notes ? <p className="text-stone-600 dark:text-stone-400">{row.notes}</p> : null}
        </div>
      ) : (
        <Form method="post" className="grid gap-3 sm:grid-cols-2" noValidate>
          <input type="hidden" name="id" value={row.id} />
          <div className="sm:col-span-2">
            <FormError message={mine?.formError} />
          </div>
          <SelectField
            label={t("survey.followUp.owner")}
            name="ownerId"
            defaultValue={value("ownerId", String(row.owner_id ?? ""))}
            error={mine?.fieldErrors?.ownerId}
          >
            <option value="">{t("survey.followUp.nobody")}</option>
            {props.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("survey.followUp.due")}
            type="date"
            name="dueOn"
            defaultValue={value("dueOn", row.due_at.slice(0, 10))}
            error={mine?.fieldErrors?.dueOn}
          />
          <TextAreaField
            label={t("survey.followUp.notes")}
            name="notes"
            rows={2}
            className="sm:col-span-2"
            defaultValue={value("notes", row.notes)}
            error={mine?.fieldErrors?.notes}
          />
          <TextAreaField
            label={t("survey.followUp.outcomeField")}
            name="outcome"
            rows={2}
            className="sm:col-span-2"
            defaultValue={value("outcome", row.outcome)}
            error={mine?.fieldErrors?.outcome}
          />
          <div className="sm:col-span-2">
            <CheckboxField name="close" value="yes" label={t("survey.followUp.close")} />
          </div>
          <div>
            <Button type="submit" size="sm">
              {t("survey.followUp.save")}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
