import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type {
  ConversationSchema,
  GoalSchema,
  NextStepSchema,
} from "~/modules/relationships/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

/** Write down a goal the advocate told the team, in their words; it joins their own list. */
export function GoalForm(props: { name: string; error?: ActionError; busy: boolean }) {
  const { field } = formFields<typeof GoalSchema>(props.error, {}, { intent: "goal" });
  const mine = props.error?.values?.intent === "goal";
  const { t } = useTranslation();
  return (
    <Form
      method="post"
      className="mt-4 space-y-3"
      noValidate
      aria-label={t("manageRelationship.recordGoalLabel")}
    >
      <input type="hidden" name="intent" value="goal" />
      <FormError message={mine ? props.error?.formError : undefined} />
      <TextField
        label={t("manageRelationship.goalField")}
        hint={t("manageRelationship.goalHint", { name: props.name })}
        {...field("goal")}
      />
      <Button type="submit" size="sm" disabled={props.busy}>
        {t("manageRelationship.recordGoal")}
      </Button>
    </Form>
  );
}

/** Record a conversation: the day it was held and what was said. */
export function ConversationForm(props: { today: string; error?: ActionError; busy: boolean }) {
  const { field } = formFields<typeof ConversationSchema>(
    props.error,
    { heldOn: props.today },
    { intent: "conversation" },
  );
  const mine = props.error?.values?.intent === "conversation";
  const { t } = useTranslation();
  return (
    <Form
      method="post"
      className="space-y-3"
      noValidate
      aria-label={t("manageRelationship.recordConversationLabel")}
    >
      <input type="hidden" name="intent" value="conversation" />
      <FormError message={mine ? props.error?.formError : undefined} />
      <TextField
        label={t("manageRelationship.day")}
        type="date"
        className="max-w-xs"
        {...field("heldOn")}
      />
      <TextAreaField
        label={t("manageRelationship.notes")}
        rows={3}
        hint={t("manageRelationship.notesHint")}
        {...field("notes")}
      />
      <Button type="submit" size="sm" disabled={props.busy}>
        {t("manageRelationship.recordConversation")}
      </Button>
    </Form>
  );
}

/** Plan a next step with a due date and an owner on the team, who is reminded the day before. */
export function NextStepForm(props: {
  owners: { id: number; name: string }[];
  viewerId: number;
  tomorrow: string;
  error?: ActionError;
  busy: boolean;
}) {
  const { field } = formFields<typeof NextStepSchema>(
    props.error,
    { dueOn: props.tomorrow, ownerId: String(props.viewerId) },
    { intent: "next-step" },
  );
  const mine = props.error?.values?.intent === "next-step";
  const { t } = useTranslation();
  return (
    <Form
      method="post"
      className="grid gap-3 sm:grid-cols-2"
      noValidate
      aria-label={t("manageRelationship.addNextStepLabel")}
    >
      <input type="hidden" name="intent" value="next-step" />
      <div className="sm:col-span-2">
        <FormError message={mine ? props.error?.formError : undefined} />
      </div>
      <TextAreaField
        label={t("manageRelationship.nextStep")}
        rows={2}
        className="sm:col-span-2"
        {...field("body")}
      />
      <TextField label={t("manageRelationship.due")} type="date" {...field("dueOn")} />
      <SelectField label={t("manageRelationship.owner")} {...field("ownerId")}>
        {props.owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-2">
        <Button type="submit" size="sm" disabled={props.busy}>
          {t("manageRelationship.addNextStep")}
        </Button>
        <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
          {t("manageRelationship.ownerReminder")}
        </p>
      </div>
    </Form>
  );
}
