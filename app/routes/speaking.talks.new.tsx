import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import {
  CheckboxField,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { TALK_FORMATS } from "~/modules/advocacy/formats.ts";
import { logTalk } from "~/modules/advocacy/talks.server.ts";
import { COMMON_TIME_ZONES } from "~/modules/advocacy/time.ts";
import { LogTalkSchema } from "~/modules/advocacy/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, formValues, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Log a talk · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.logTalk);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.logTalk);
  const formData = await request.formData();
  const parsed = parseForm(LogTalkSchema, formData);
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: "Some fields need your attention. Nothing was saved yet.",
    });
  try {
    const talk = await logTalk(await commandContext(request, context), parsed.data);
    return redirectWithToast(`/speaking/talks/${talk.id}`, {
      kind: "success",
      title: "Talk logged",
      description:
        talk.status === "pending"
          ? "A community manager will check the evidence and verify it."
          : "Add a recording or slides after the talk, and a manager will verify it.",
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function LogTalk() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { field, formError } = formFields<typeof LogTalkSchema>(actionData, {
    format: "conference",
    timeZone: "UTC",
  });
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title="Log a talk"
        description="Spoke somewhere we did not arrange? Record it here. Add a recording or slides and a community manager verifies it — verified talks show on your profile and earn points."
      />
      <Form method="post" noValidate className="space-y-6">
        <FormError message={formError} />
        <Card className="space-y-5 p-6">
          <h2 className="text-lg font-semibold">The talk</h2>
          <TextField label="Title" {...field("title")} required />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField label="Event" {...field("eventName")} required />
            <SelectField label="Format" {...field("format")}>
              {TALK_FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </SelectField>
            <TextField label="Date and time" type="datetime-local" {...field("givenAt")} required />
            <SelectField label="Time zone" {...field("timeZone")}>
              {COMMON_TIME_ZONES.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, " ")}
                </option>
              ))}
            </SelectField>
          </div>
          <CheckboxField
            name="isVirtual"
            label="Virtual event"
            defaultChecked={field("isVirtual").defaultValue === "on"}
          />
          <TextField label="Location" {...field("location")} />
          <TextField
            label="Event website"
            type="url"
            placeholder="https://…"
            {...field("eventUrl")}
          />
          <TextAreaField label="Abstract" rows={4} {...field("abstract")} />
        </Card>
        <Card className="space-y-5 p-6">
          <div>
            <h2 className="text-lg font-semibold">Evidence</h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              Already given the talk? Add a recording or slides now. For a talk still to come, leave
              this empty and add it afterwards.
            </p>
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="Recording link"
              type="url"
              placeholder="https://…"
              {...field("recordingUrl")}
            />
            <TextField
              label="Slides link"
              type="url"
              placeholder="https://…"
              {...field("slidesUrl")}
            />
            <TextField
              label="Attendance"
              inputMode="numeric"
              {...field("attendance")}
              hint="Roughly how many people were there or watched live."
            />
          </div>
          <TextAreaField label="Note for the community team" rows={2} {...field("evidenceNote")} />
        </Card>
        <div className="flex items-center justify-end gap-3">
          <Link to="/speaking/mine" className="text-sm font-medium underline">
            Cancel
          </Link>
          <Button type="submit" size="lg" disabled={busy}>
            {busy ? "Saving…" : "Log talk"}
          </Button>
        </div>
      </Form>
    </Container>
  );
}
