import { Form } from "@remix-run/react";
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
  return (
    <Form method="post" className="mt-4 space-y-3" noValidate aria-label="Record a goal">
      <input type="hidden" name="intent" value="goal" />
      <FormError message={mine ? props.error?.formError : undefined} />
      <TextField
        label="A goal they told you"
        hint={`In ${props.name}'s words. ${props.name} sees it in their settings and can change it.`}
        {...field("goal")}
      />
      <Button type="submit" size="sm" disabled={props.busy}>
        Record goal
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
  return (
    <Form method="post" className="space-y-3" noValidate aria-label="Record a conversation">
      <input type="hidden" name="intent" value="conversation" />
      <FormError message={mine ? props.error?.formError : undefined} />
      <TextField label="Day" type="date" className="max-w-xs" {...field("heldOn")} />
      <TextAreaField
        label="Notes"
        rows={3}
        hint="Staff only: the advocate never sees these."
        {...field("notes")}
      />
      <Button type="submit" size="sm" disabled={props.busy}>
        Record conversation
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
  return (
    <Form
      method="post"
      className="grid gap-3 sm:grid-cols-2"
      noValidate
      aria-label="Add a next step"
    >
      <input type="hidden" name="intent" value="next-step" />
      <div className="sm:col-span-2">
        <FormError message={mine ? props.error?.formError : undefined} />
      </div>
      <TextAreaField label="Next step" rows={2} className="sm:col-span-2" {...field("body")} />
      <TextField label="Due" type="date" {...field("dueOn")} />
      <SelectField label="Owner" {...field("ownerId")}>
        {props.owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-2">
        <Button type="submit" size="sm" disabled={props.busy}>
          Add next step
        </Button>
        <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
          The owner gets a notice and an email the day before it is due.
        </p>
      </div>
    </Form>
  );
}
